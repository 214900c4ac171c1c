package dev.jutrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.sys.Libc;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Syscall aborts, the RESUMED re-report and INTERRUPT (utrace-spec §2.6; conformance 12, 16, 17). */
@Timeout(60)
class SyscallControlTest {
    static final int SYS_GETPPID = 110, SYS_PAUSE = 34, ENOSYS = 38, EINTR = 4;
    private final Tracer tracer = Tracer.start();

    @AfterEach
    void close() {
        tracer.close();
    }

    /** Aborts getppid at entry and records every getppid return value. */
    static final class Aborter implements EngineOps {
        final List<Long> returns = new CopyOnWriteArrayList<>();

        @Override
        public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
            if (call.number() == SYS_GETPPID) call.abort();
            return Action.RESUME;
        }

        @Override
        public Action reportSyscallExit(Engine e, Task t, Action action, Syscall call) {
            if (call.number() == SYS_GETPPID) returns.add(call.returnValue());
            return Action.RESUME;
        }
    }

    /** Case 16: the first-attached engine, called last at entry, has the last word on ABORT. */
    static final class Runner implements EngineOps {
        final List<Boolean> sawAborted = new CopyOnWriteArrayList<>();
        volatile boolean run;

        @Override
        public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
            if (call.number() != SYS_GETPPID) return Action.RESUME;
            sawAborted.add(call.aborted());
            if (run) call.run();
            return Action.RESUME;
        }
    }

    private List<Long> abortRun(boolean run) throws Exception {
        Runner e1 = new Runner();
        e1.run = run;
        Aborter e2 = new Aborter();
        tracer.spawn(Tracees.path("syscall_loop"), List.of("syscall_loop", "2"), System.getenv(), t -> {
            tracer.attach(t, e1, null, AttachFlag.CREATE).setEvents(Event.SYSCALL_ENTRY);
            tracer.attach(t, e2, null, AttachFlag.CREATE).setEvents(Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT);
        });
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
        assertThat(e1.sawAborted).containsExactly(true, true);
        return e2.returns;
    }

    @Test
    void case16AbortedCallReturnsEnosys() throws Exception {
        assertThat(abortRun(false)).containsExactly((long) -ENOSYS, (long) -ENOSYS);
    }

    @Test
    void case16TheLastEngineCalledCanRunItAfterAll() throws Exception {
        assertThat(abortRun(true)).allMatch(r -> r > 0);
    }

    /** Holds the first getppid at entry and counts entry reports. */
    static final class EntryHolder implements EngineOps {
        final List<Boolean> resumedFlags = new CopyOnWriteArrayList<>();
        final CountDownLatch held = new CountDownLatch(1);
        volatile Engine engine;
        private boolean heldOnce;

        @Override
        public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
            if (call.number() != SYS_GETPPID) return Action.RESUME;
            resumedFlags.add(call.resumed());
            if (!heldOnce) {
                heldOnce = true;
                engine = e;
                held.countDown();
                return Action.STOP;
            }
            return Action.RESUME;
        }
    }

    @Test
    void case17ReleasedWithReportTheEntryIsReportedAgainAsResumed() throws Exception {
        EntryHolder h = new EntryHolder();
        tracer.spawn(Tracees.path("syscall_loop"), List.of("syscall_loop", "1"), System.getenv(), t ->
                tracer.attach(t, h, null, AttachFlag.CREATE).setEvents(Event.QUIESCE, Event.SYSCALL_ENTRY));
        assertThat(h.held.await(10, TimeUnit.SECONDS)).isTrue();
        h.engine.control(Action.REPORT);
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
        assertThat(h.resumedFlags).containsExactly(false, true);
    }

    @Test
    void case17ReleasedWithResumeThereIsNoSecondReport() throws Exception {
        EntryHolder h = new EntryHolder();
        tracer.spawn(Tracees.path("syscall_loop"), List.of("syscall_loop", "1"), System.getenv(), t ->
                tracer.attach(t, h, null, AttachFlag.CREATE).setEvents(Event.QUIESCE, Event.SYSCALL_ENTRY));
        assertThat(h.held.await(10, TimeUnit.SECONDS)).isTrue();
        h.engine.control(Action.RESUME);
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
        assertThat(h.resumedFlags).containsExactly(false);
    }

    /** Records explicit reports and every pause entry and exit. */
    static final class Watcher implements EngineOps {
        final List<String> log = new CopyOnWriteArrayList<>();
        final CountDownLatch inPause = new CountDownLatch(1);
        final CountDownLatch reported = new CountDownLatch(1);

        @Override
        public Action reportSignal(Engine e, Task t, Action action, SignalReport signal) {
            log.add("signal:" + signal.action());
            if (signal.action() == SignalAction.REPORT) reported.countDown();
            return Action.RESUME;
        }

        @Override
        public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
            if (call.number() == SYS_PAUSE) {
                log.add("entry:pause");
                inPause.countDown();
            }
            return Action.RESUME;
        }

        @Override
        public Action reportSyscallExit(Engine e, Task t, Action action, Syscall call) {
            if (call.number() == SYS_PAUSE) log.add("exit:pause=" + call.returnValue());
            return Action.RESUME;
        }
    }

    @Test
    void case12InterruptKicksABlockingCallWhichThenRestarts() throws Exception {
        Watcher w = new Watcher();
        Engine[] engine = new Engine[1];
        Task task = tracer.spawn(Tracees.path("sleeper"), List.of("sleeper"), System.getenv(), t -> {
            engine[0] = tracer.attach(t, w, null, AttachFlag.CREATE);
            engine[0].setEvents(Event.QUIESCE, Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT, Event.SIGNAL);
        });
        assertThat(w.inPause.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        // STOP alone does not break the thread out of pause().
        assertThat(engine[0].control(Action.STOP)).isEqualTo(ControlResult.IN_PROGRESS);
        Thread.sleep(100);
        assertThat(w.log).containsExactly("entry:pause");

        engine[0].control(Action.INTERRUPT);
        assertThat(w.reported.await(10, TimeUnit.SECONDS)).isTrue();
        // The program never saw EINTR: the kernel restarted the call (a new pause entry or restart_syscall).
        Thread.sleep(100);
        assertThat(w.log).doesNotContain("exit:pause=" + (-EINTR)).contains("signal:REPORT");
        Libc.kill(task.tid(), Libc.SIGTERM);
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
    }
}
