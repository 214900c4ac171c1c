package dev.jutrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The min rule across engines: STOP from one engine beats RESUME from another, and holds. */
@Timeout(60)
class TwoEnginesTest {
    private final Tracer tracer = Tracer.start();

    @AfterEach
    void close() {
        tracer.close();
    }

    /** Returns STOP from reportExec and records the action it was handed. */
    static final class Holder implements EngineOps {
        final List<Action> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch stopped = new CountDownLatch(1);
        volatile Engine engine;

        @Override
        public Action reportExec(Engine e, Task t, Action action, int formerTid) {
            seen.add(action);
            engine = e;
            stopped.countDown();
            return Action.STOP;
        }
    }

    /** Always answers RESUME and records the action it was handed. */
    static final class Resumer implements EngineOps {
        final List<Action> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch called = new CountDownLatch(1);

        @Override
        public Action reportExec(Engine e, Task t, Action action, int formerTid) {
            seen.add(action);
            called.countDown();
            return Action.RESUME;
        }
    }

    @Test
    void oneEngineHoldsTheThreadWhileTheOtherResumes() throws Exception {
        Holder holder = new Holder();
        Resumer resumer = new Resumer();
        Engine[] second = new Engine[1];
        Recorder deaths = new Recorder("d", Event.mask(Event.DEATH));
        Task task = tracer.spawn(Tracees.path("syscall_loop"), List.of("syscall_loop", "3"), System.getenv(), t -> {
            tracer.attach(t, holder, null, AttachFlag.CREATE).setEvents(Event.EXEC);
            second[0] = tracer.attach(t, resumer, null, AttachFlag.CREATE);
            second[0].setEvents(Event.EXEC);
            deaths.attachTo(t);
        });
        assertThat(resumer.called.await(10, TimeUnit.SECONDS)).isTrue();
        // Attach order: the holder is called first and sees RESUME; the resumer then sees STOP.
        assertThat(holder.seen).containsExactly(Action.RESUME);
        assertThat(resumer.seen).containsExactly(Action.STOP);

        // The resumer's own RESUME does not wake the thread: the holder still holds it.
        assertThat(second[0].control(Action.RESUME)).isEqualTo(ControlResult.DONE);
        Thread.sleep(200);
        assertThat(tracer.onTracerThread(task::isStopped)).isTrue();
        assertThat(processState(task.tid())).isEqualTo("t");

        // A STOP on a stopped thread is done at once; the holder's RESUME finally lets it run.
        assertThat(holder.engine.control(Action.STOP)).isEqualTo(ControlResult.DONE);
        assertThat(holder.engine.control(Action.RESUME)).isEqualTo(ControlResult.DONE);
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
        assertThat(deaths.deaths.get(task.tid())).isEqualTo(0);
    }

    @Test
    void bothEnginesHoldingMeansTheSecondReleaseWakes() throws Exception {
        Holder first = new Holder();
        Holder second = new Holder();
        Task task = tracer.spawn(Tracees.path("syscall_loop"), List.of("syscall_loop", "1"), System.getenv(), t -> {
            tracer.attach(t, first, null, AttachFlag.CREATE).setEvents(Event.EXEC);
            tracer.attach(t, second, null, AttachFlag.CREATE).setEvents(Event.EXEC);
        });
        assertThat(second.stopped.await(10, TimeUnit.SECONDS)).isTrue();
        first.engine.control(Action.RESUME);
        Thread.sleep(200);
        assertThat(processState(task.tid())).isEqualTo("t");
        second.engine.control(Action.RESUME);
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void callbackOrderIsAttachOrderButReversedAtSyscallEntry() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        int mask = Event.mask(Event.QUIESCE, Event.EXEC, Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT);
        Recorder e1 = new Recorder("E1", mask, log);
        Recorder e2 = new Recorder("E2", mask, log);
        Task task = tracer.spawn(Tracees.path("syscall_loop"), List.of("syscall_loop", "1"), System.getenv(), t -> {
            e1.attachTo(t);
            e2.attachTo(t);
        });
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
        int tid = task.tid();
        assertThat(log.subList(0, 4)).containsExactly(
                "E1:quiesce(EXEC):" + tid, "E1:exec(" + tid + "):" + tid,
                "E2:quiesce(EXEC):" + tid, "E2:exec(" + tid + "):" + tid);
        int entry = log.indexOf("E2:quiesce(SYSCALL_ENTRY):" + tid);
        assertThat(log.subList(entry, entry + 4)).containsExactly(
                "E2:quiesce(SYSCALL_ENTRY):" + tid, log.get(entry + 1).replace("E1", "E2"),
                "E1:quiesce(SYSCALL_ENTRY):" + tid, log.get(entry + 1).replace("E2", "E1"));
        assertThat(log.get(entry + 1)).startsWith("E2:entry(");
        int exit = log.indexOf("E1:quiesce(SYSCALL_EXIT):" + tid);
        assertThat(log.get(exit + 1)).startsWith("E1:exit(");
        assertThat(log.get(exit + 2)).isEqualTo("E2:quiesce(SYSCALL_EXIT):" + tid);
    }

    private static String processState(int tid) throws Exception {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + tid + "/status")).stream()
                .filter(l -> l.startsWith("State:")).findFirst().orElseThrow().substring(6).trim().substring(0, 1);
    }
}
