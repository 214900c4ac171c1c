package dev.jutrace.ptrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jutrace.sys.Errno;
import dev.jutrace.sys.ErrnoException;
import dev.jutrace.sys.Libc;
import dev.jutrace.sys.Regs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** KernelPtrace on real processes: the zoo tracee of jutrace-testing, and /bin/sh. */
@Timeout(30)
class KernelPtraceTest {

    private static String zoo() {
        return Path.of(System.getProperty("jutrace.tracees"), "zoo").toString();
    }

    private static boolean gone(int pid) {
        return !Files.exists(Path.of("/proc/" + pid));
    }

    /**
     * posix_spawn returns while the child is still inside execve; an attach then would see the
     * exec's SIGTRAP first. Waiting for the child to sleep in pause() (34) closes that window.
     */
    private static void awaitPause(int pid) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.readString(Path.of("/proc/" + pid + "/syscall")).startsWith("34 ")) return;
            Thread.sleep(2);
        }
        throw new AssertionError(pid + " never slept in pause()");
    }

    @Test
    void aTracemeChildStopsAndItsSignalAndExitAreReported() {
        try (KernelPtrace p = KernelPtrace.open()) {
            int pid = p.spawnTraceme(List.of(zoo(), "traceme-raise", "10", "42"));
            WaitResult w = p.waitpid(pid, Libc.WALL);
            assertThat(w).isEqualTo(new WaitResult(pid, 0xa7f));
            byte[] info = p.getSigInfo(pid);
            assertThat(info[0]).as("si_signo").isEqualTo((byte) Libc.SIGUSR1);
            p.cont(pid, 0);
            assertThat(p.waitpid(pid, Libc.WALL)).isEqualTo(new WaitResult(pid, 0x2a00));
            assertThatThrownBy(() -> p.waitpid(-1, Libc.WALL)).isInstanceOf(ErrnoException.class)
                    .extracting(e -> ((ErrnoException) e).errno()).isEqualTo(Errno.ECHILD);
        }
    }

    @Test
    void attachReadsAndWritesRegistersAndMemoryThenDetaches() throws Exception {
        try (KernelPtrace p = KernelPtrace.open()) {
            int pid = p.spawn(List.of(zoo(), "pause-loop"));
            awaitPause(pid);
            p.attach(pid);
            assertThat(p.waitpid(pid, Libc.WALL).status()).isEqualTo(0x137f);
            long[] regs = p.getRegs(pid);
            assertThat(p.peekUser(pid, Ptrace.userRegOffset(Regs.RSP))).isEqualTo(regs[Regs.RSP]);
            // The word at the stack pointer, written and read back through PEEK/POKEDATA.
            long sp = regs[Regs.RSP];
            long word = p.peekData(pid, sp);
            p.pokeData(pid, sp, 0x1122334455667788L);
            assertThat(p.peekData(pid, sp)).isEqualTo(0x1122334455667788L);
            p.pokeData(pid, sp, word);
            // A word of all ones reads back as itself, not as a failure.
            p.pokeData(pid, sp, -1L);
            assertThat(p.peekData(pid, sp)).isEqualTo(-1L);
            p.pokeData(pid, sp, word);
            assertThatThrownBy(() -> p.peekData(pid, 8)).isInstanceOf(ErrnoException.class)
                    .extracting(e -> ((ErrnoException) e).errno()).isIn(Errno.EIO, Errno.EFAULT);
            p.detach(pid, 0);
            assertThatThrownBy(() -> p.getRegs(pid)).isInstanceOf(ErrnoException.class)
                    .extracting(e -> ((ErrnoException) e).errno()).isEqualTo(Errno.ESRCH);
            Libc.kill(pid, Libc.SIGKILL);
            assertThat(p.reap(pid)).isEqualTo(Libc.SIGKILL);
        }
    }

    @Test
    void anotherThreadIsRefusedWithAClearMessage() throws Exception {
        try (KernelPtrace p = KernelPtrace.open()) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread other = Thread.ofPlatform().name("intruder").start(() -> {
                try {
                    p.waitpid(-1, Libc.WNOHANG);
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            other.join();
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only from the tracer thread").hasMessageContaining("intruder");
        }
    }

    @Test
    void waitSeesOnlyThisThreadsChildren() throws Exception {
        // A child of another thread exits; this thread's waits must neither see nor reap it.
        int[] foreign = new int[1];
        Thread other = Thread.ofPlatform().start(() -> foreign[0] = Libc.spawn("/bin/sh", List.of("sh", "-c", "exit 3"), List.of()));
        other.join();
        try (KernelPtrace p = KernelPtrace.open()) {
            Thread.sleep(100);
            assertThatThrownBy(() -> p.waitpid(-1, Libc.WALL | Libc.WNOHANG)).isInstanceOf(ErrnoException.class)
                    .extracting(e -> ((ErrnoException) e).errno()).isEqualTo(Errno.ECHILD);
        }
        // Its parent thread has ended, so any thread of the process may reap it now.
        long r = Libc.waitpidRaw(foreign[0], Libc.WALL);
        assertThat(Libc.waitedStatus(r)).isEqualTo(0x300);
    }

    @Test
    void closeKillsAndReapsStoppedTraceesAndTheirChildren() {
        int parent;
        int child;
        try (KernelPtrace p = KernelPtrace.open()) {
            parent = p.spawnTraceme(List.of(zoo(), "fork-close"));
            assertThat(p.waitpid(parent, Libc.WALL).status()).isEqualTo(0xa7f);
            p.setOptions(parent, dev.jutrace.sys.Ptrace.PTRACE_O_TRACEFORK);
            p.cont(parent, 0);
            assertThat(p.waitpid(parent, Libc.WALL).status()).isEqualTo(0x1057f);
            child = (int) p.getEventMsg(parent);
            assertThat(p.waitpid(child, Libc.WALL).status()).isEqualTo(0x137f);
            // Both stay in ptrace stops when the backend closes.
        }
        assertThat(gone(parent)).as("the spawned tracee is reaped").isTrue();
        long deadline = System.currentTimeMillis() + 2000;
        while (!gone(child) && System.currentTimeMillis() < deadline) Thread.onSpinWait();
        assertThat(gone(child)).as("the forked tracee is gone").isTrue();
    }

    @Test
    void closeDetachesAStrangerItDidNotStart() throws Exception {
        // A process started by another thread, attached here: close gives it back, alive and untraced.
        int[] pid = new int[1];
        Thread starter = Thread.ofPlatform().start(() -> pid[0] = Libc.spawn(zoo(), List.of(zoo(), "pause-loop"), List.of()));
        starter.join();
        awaitPause(pid[0]);
        try {
            try (KernelPtrace p = KernelPtrace.open()) {
                p.attach(pid[0]);
                assertThat(p.waitpid(pid[0], Libc.WALL).status()).isEqualTo(0x137f);
            }
            String status = Files.readString(Path.of("/proc/" + pid[0] + "/status"));
            assertThat(status).contains("TracerPid:\t0");
        } finally {
            Libc.kill(pid[0], Libc.SIGKILL);
            Libc.waitpidRaw(pid[0], Libc.WALL);
        }
    }
}
