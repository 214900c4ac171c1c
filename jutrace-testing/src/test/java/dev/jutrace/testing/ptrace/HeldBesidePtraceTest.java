package dev.jutrace.testing.ptrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.Syscall;
import dev.jutrace.core.Task;
import dev.jutrace.ptrace.EnginePtrace;
import dev.jutrace.ptrace.WaitResult;
import dev.jutrace.sys.ErrnoException;
import dev.jutrace.sys.Libc;
import dev.jutrace.testing.Tracees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * utrace-spec §5 case 39, which only the engine backend can show: another engine X holds the
 * tracee stopped. The tracer's PTRACE_CONT succeeds, but the tracee runs only once X lets go;
 * and a stop that only X holds is never reported by the tracer's wait, nor open to its requests.
 */
class HeldBesidePtraceTest {

    private static final int NR_GETPPID = 110;
    private static final int WALL = Libc.WALL;

    /** Holds the thread at every getppid entry until the test lets go. */
    static final class Holder implements EngineOps {
        volatile Engine engine;
        final Semaphore holds = new Semaphore(0);

        @Override
        public Action reportSyscallEntry(Engine e, Task task, Action action, Syscall call) {
            if (call.number() != NR_GETPPID) return Action.RESUME;
            holds.release();
            return Action.STOP;
        }

        void awaitHold() throws InterruptedException {
            assertThat(holds.tryAcquire(10, TimeUnit.SECONDS)).as("X holds the thread").isTrue();
        }
    }

    @Test
    void aStopOnlyAnotherEngineHoldsIsNeitherReportedNorOpenToRequests() throws Exception {
        Holder x = new Holder();
        Path zoo = Tracees.path("zoo");
        CompletableFuture.runAsync(() -> {
            try (EnginePtrace p = EnginePtrace.open(task -> {
                x.engine = task.tracer().attach(task, x, null, AttachFlag.CREATE);
                x.engine.setEvents(Event.SYSCALL_ENTRY);
            })) {
                int t = p.spawnTraceme(List.of(zoo.toString(), "syscalls"));
                assertThat(p.waitpid(t, WALL)).isEqualTo(new WaitResult(t, Libc.SIGSTOP << 8 | 0x7f));

                // Both hold the first getppid entry: the tracer sees its syscall stop.
                p.syscall(t, 0);
                assertThat(p.waitpid(t, WALL)).isEqualTo(new WaitResult(t, Libc.SIGTRAP << 8 | 0x7f));
                x.awaitHold();
                assertThat(p.getRegs(t)[15]).as("orig_rax").isEqualTo(NR_GETPPID);

                // The tracer lets go; X does not: PTRACE_CONT succeeds, the thread stays put, and
                // for the tracer it is running.
                p.cont(t, 0);
                assertStaysStopped(t);
                assertThat(p.waitpid(t, WALL | Libc.WNOHANG).isNothing()).isTrue();
                assertThatThrownBy(() -> p.getRegs(t)).isInstanceOfSatisfying(ErrnoException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("ESRCH"));

                // X lets go; at the second getppid X alone holds it: still nothing for the tracer.
                x.engine.control(Action.RESUME);
                x.awaitHold();
                assertStaysStopped(t);
                assertThat(p.waitpid(t, WALL | Libc.WNOHANG).isNothing()).isTrue();

                x.engine.control(Action.RESUME);
                assertThat(p.waitpid(t, WALL)).as("the exit, and nothing before it").isEqualTo(new WaitResult(t, 0));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }, r -> Thread.ofPlatform().start(r)).get(60, TimeUnit.SECONDS);
    }

    /**
     * An engine attached on its own, not through the facade's hook, outlives a PTRACE_DETACH: the
     * core keeps tracing the thread for it (DEVIATIONS.md), and the parent still learns the exit
     * status, through the facade rather than a wait that would take that engine's stops.
     */
    @Test
    void anIndependentEngineKeepsTracingAfterADetachAndTheParentStillReapsTheChild() throws Exception {
        Path zoo = Tracees.path("zoo");
        int[] getppids = {0};
        EngineOps counter = new EngineOps() {
            @Override
            public Action reportSyscallEntry(Engine e, Task task, Action action, Syscall call) {
                if (call.number() == NR_GETPPID) getppids[0]++;
                return Action.RESUME;
            }
        };
        CompletableFuture.runAsync(() -> {
            try (EnginePtrace p = EnginePtrace.open()) {
                int t = p.spawnTraceme(List.of(zoo.toString(), "syscalls"));
                assertThat(p.waitpid(t, WALL)).isEqualTo(new WaitResult(t, Libc.SIGSTOP << 8 | 0x7f));
                Task task = p.tracer().task(t);
                p.tracer().attach(task, counter, null, AttachFlag.CREATE).setEvents(Event.SYSCALL_ENTRY);

                p.detach(t, 0);
                assertThat(p.reap(t)).as("exit status through the facade").isEqualTo(0);
                assertThat(getppids[0]).as("getppid calls the other engine saw after the detach").isEqualTo(2);
                assertThatThrownBy(() -> p.waitpid(t, WALL)).isInstanceOfSatisfying(ErrnoException.class,
                        e -> assertThat(e.errnoName()).isEqualTo("ECHILD"));
            }
        }, r -> Thread.ofPlatform().start(r)).get(60, TimeUnit.SECONDS);
    }

    /** The thread sits in a ptrace stop and makes no progress for a while. */
    private static void assertStaysStopped(int tid) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            assertThat(state(tid)).as("state of %d", tid).isEqualTo('t');
            Thread.sleep(10);
        }
    }

    private static char state(int tid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + tid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (java.io.IOException e) {
            return '?';
        }
    }
}
