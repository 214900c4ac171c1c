package dev.jutrace.ptrace;

import dev.jutrace.sys.Errno;
import dev.jutrace.sys.ErrnoException;
import dev.jutrace.sys.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kernel's own ptrace: every request is the real system call, made by the thread that
 * created this object. That thread is the tracer in the kernel's eyes, so the object refuses
 * calls from any other thread rather than let them fail later with a puzzling ESRCH.
 *
 * <p>Waits pass {@code __WNOTHREAD}: without it, this thread would also reap children of other
 * JVM threads, and other threads' waits could take this thread's stops.
 *
 * <p>What is left at {@link #close()}: the children this object started, and tasks that joined
 * through fork or clone of a tracee, are killed and reaped, so nothing of a script outlives it.
 * Tasks it attached to that it did not start are detached where they are stopped; one still
 * running stays traced until the owning thread ends, when the kernel detaches it.
 */
public final class KernelPtrace implements Ptrace {
    private static final int WAIT_OPTIONS = Libc.WNOTHREAD;
    private static final long CLOSE_DRAIN_NANOS = 5_000_000_000L;

    private final Thread owner = Thread.currentThread();
    private final int ownerTid = Libc.gettid();
    /** Children started by spawn or spawnTraceme. */
    private final Set<Integer> children = new LinkedHashSet<>();
    /** Tids attached or seized on request. */
    private final Set<Integer> attached = new LinkedHashSet<>();
    /** Tids first seen in a wait report: new tasks of tracees, auto-attached by the kernel. */
    private final Set<Integer> adopted = new LinkedHashSet<>();
    private boolean closed;

    private KernelPtrace() {}

    /** A backend whose tracer is the calling thread. */
    public static KernelPtrace open() {
        return new KernelPtrace();
    }

    private void checkThread() {
        if (closed) throw new IllegalStateException("KernelPtrace is closed");
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("KernelPtrace belongs to thread \"" + owner.getName()
                    + "\": the kernel accepts ptrace requests only from the tracer thread, and this is \""
                    + Thread.currentThread().getName() + "\"");
        }
    }

    // ==== tracees ===================================================================================

    @Override
    public int spawnTraceme(List<String> argv) {
        checkThread();
        // posix_spawn from this thread makes it the child's parent, and so the tracer that the
        // child's PTRACE_TRACEME links to.
        int pid = Libc.spawn(argv.getFirst(), argv, environment());
        children.add(pid);
        return pid;
    }

    @Override
    public int spawn(List<String> argv) {
        checkThread();
        int pid = Libc.spawn(argv.getFirst(), argv, environment());
        children.add(pid);
        return pid;
    }

    /** This process's environment, as EnginePtrace passes it, so that both start tracees alike. */
    private static List<String> environment() {
        List<String> env = new ArrayList<>();
        System.getenv().forEach((k, v) -> env.add(k + "=" + v));
        return env;
    }

    @Override
    public int reap(int pid) {
        checkThread();
        while (true) {
            long r = Libc.waitpidRaw(pid, Libc.WALL | WAIT_OPTIONS);
            if (r == -Errno.EINTR) continue;
            if (r < 0) throw new ErrnoException("waitpid", (int) -r);
            int status = Libc.waitedStatus(r);
            WaitResult w = new WaitResult(Libc.waitedTid(r), status);
            if (w.exited() || w.signaled()) {
                forget(w.tid());
                return status;
            }
        }
    }

    // ==== attaching =================================================================================

    @Override
    public void attach(int tid) {
        checkThread();
        dev.jutrace.sys.Ptrace.attach(tid);
        attached.add(tid);
    }

    @Override
    public void seize(int tid, int options) {
        checkThread();
        dev.jutrace.sys.Ptrace.seize(tid, options);
        attached.add(tid);
    }

    @Override
    public void interrupt(int tid) {
        checkThread();
        dev.jutrace.sys.Ptrace.interrupt(tid);
    }

    @Override
    public void listen(int tid) {
        checkThread();
        dev.jutrace.sys.Ptrace.listen(tid);
    }

    // ==== resuming ==================================================================================

    @Override
    public void cont(int tid, int signal) {
        checkThread();
        dev.jutrace.sys.Ptrace.cont(tid, signal);
    }

    @Override
    public void syscall(int tid, int signal) {
        checkThread();
        dev.jutrace.sys.Ptrace.syscall(tid, signal);
    }

    @Override
    public void singlestep(int tid, int signal) {
        checkThread();
        dev.jutrace.sys.Ptrace.singlestep(tid, signal);
    }

    @Override
    public void singleblock(int tid, int signal) {
        checkThread();
        dev.jutrace.sys.Ptrace.singleblock(tid, signal);
    }

    @Override
    public void kill(int tid) {
        checkThread();
        dev.jutrace.sys.Ptrace.kill(tid);
    }

    @Override
    public void detach(int tid, int signal) {
        checkThread();
        dev.jutrace.sys.Ptrace.detach(tid, signal);
        attached.remove(tid);
    }

    // ==== state =====================================================================================

    @Override
    public void setOptions(int tid, int options) {
        checkThread();
        dev.jutrace.sys.Ptrace.setOptions(tid, options);
    }

    @Override
    public long getEventMsg(int tid) {
        checkThread();
        return dev.jutrace.sys.Ptrace.getEventMsg(tid);
    }

    @Override
    public byte[] getSigInfo(int tid) {
        checkThread();
        byte[] info = new byte[dev.jutrace.sys.Ptrace.SIGINFO_BYTES];
        dev.jutrace.sys.Ptrace.getSiginfo(tid, info);
        return info;
    }

    @Override
    public void setSigInfo(int tid, byte[] siginfo) {
        checkThread();
        if (siginfo.length != dev.jutrace.sys.Ptrace.SIGINFO_BYTES) {
            throw new IllegalArgumentException("siginfo must be " + dev.jutrace.sys.Ptrace.SIGINFO_BYTES
                    + " bytes, not " + siginfo.length);
        }
        dev.jutrace.sys.Ptrace.setSiginfo(tid, siginfo);
    }

    @Override
    public long peekData(int tid, long address) {
        checkThread();
        return dev.jutrace.sys.Ptrace.peekData(tid, address);
    }

    @Override
    public void pokeData(int tid, long address, long word) {
        checkThread();
        dev.jutrace.sys.Ptrace.pokeData(tid, address, word);
    }

    @Override
    public long peekUser(int tid, long offset) {
        checkThread();
        return dev.jutrace.sys.Ptrace.peekUser(tid, offset);
    }

    @Override
    public void pokeUser(int tid, long offset, long word) {
        checkThread();
        dev.jutrace.sys.Ptrace.pokeUser(tid, offset, word);
    }

    @Override
    public long[] getRegs(int tid) {
        checkThread();
        long[] regs = new long[dev.jutrace.sys.Ptrace.REGS_WORDS];
        dev.jutrace.sys.Ptrace.getRegs(tid, regs);
        return regs;
    }

    @Override
    public void setRegs(int tid, long[] regs) {
        checkThread();
        if (regs.length != dev.jutrace.sys.Ptrace.REGS_WORDS) {
            throw new IllegalArgumentException("regs must be " + dev.jutrace.sys.Ptrace.REGS_WORDS
                    + " words, not " + regs.length);
        }
        dev.jutrace.sys.Ptrace.setRegs(tid, regs);
    }

    // ==== waiting ===================================================================================

    @Override
    public WaitResult waitpid(int pid, int options) {
        checkThread();
        while (true) {
            long r = Libc.waitpidRaw(pid, options | WAIT_OPTIONS);
            if (r == -Errno.EINTR) continue;
            if (r < 0) throw new ErrnoException("waitpid", (int) -r);
            if (r == 0) return WaitResult.NOTHING;
            WaitResult w = new WaitResult(Libc.waitedTid(r), Libc.waitedStatus(r));
            if (w.exited() || w.signaled()) {
                forget(w.tid());
            } else if (!children.contains(w.tid()) && !attached.contains(w.tid())) {
                adopted.add(w.tid());
            }
            return w;
        }
    }

    private void forget(int tid) {
        children.remove(tid);
        attached.remove(tid);
        adopted.remove(tid);
    }

    // ==== closing ===================================================================================

    /**
     * Kills and reaps what this object started or adopted, and detaches the rest where it can.
     * From a thread other than the owner this is allowed only once the owner has ended: the
     * kernel has then detached everything, and only the killing is left to do.
     */
    /** The creating thread: the kernel's tracer is a thread, not a process. */
    @Override
    public int tracerTid() {
        return ownerTid;
    }

    @Override
    public void close() {
        if (closed) return;
        boolean ownerGone = !owner.isAlive();
        if (!ownerGone) checkThread();
        closed = true;
        Set<Integer> doomed = new LinkedHashSet<>(children);
        doomed.addAll(adopted);
        Set<Integer> doomedGroups = new LinkedHashSet<>();
        for (int tid : doomed) doomedGroups.add(tgid(tid));
        for (int tid : attached) {
            if (doomedGroups.contains(tgid(tid))) {
                doomed.add(tid);
            } else if (!ownerGone) {
                // A stranger's task: give it back as it is. A running one refuses with ESRCH and
                // stays traced until this thread ends.
                dev.jutrace.sys.Ptrace.raw(dev.jutrace.sys.Ptrace.PTRACE_DETACH, tid, 0, 0);
            }
        }
        for (int tid : doomed) Libc.killRaw(tid, Libc.SIGKILL);
        if (ownerGone) return;
        long deadline = System.nanoTime() + CLOSE_DRAIN_NANOS;
        Set<Integer> alive = new LinkedHashSet<>(doomed);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            long r = Libc.waitpidRaw(-1, Libc.WALL | Libc.WNOHANG | WAIT_OPTIONS);
            if (r == -Errno.ECHILD) break;
            if (r == -Errno.EINTR) continue;
            if (r <= 0) {
                alive.removeIf(tid -> !Files.exists(Path.of("/proc/" + tid)));
                Thread.onSpinWait();
                sleepBriefly();
                continue;
            }
            WaitResult w = new WaitResult(Libc.waitedTid(r), Libc.waitedStatus(r));
            if (w.exited() || w.signaled()) alive.remove(w.tid());
        }
        children.clear();
        adopted.clear();
        attached.clear();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The thread group of {@code tid}, or {@code tid} itself once it is gone. */
    private static int tgid(int tid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + tid + "/status"))) {
                if (line.startsWith("Tgid:")) return Integer.parseInt(line.substring(5).trim());
            }
        } catch (IOException | NumberFormatException e) {
            // Gone already: it counts as its own group.
        }
        return tid;
    }
}
