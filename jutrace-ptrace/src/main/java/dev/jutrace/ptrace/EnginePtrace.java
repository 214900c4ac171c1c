package dev.jutrace.ptrace;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineExistsException;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.SignalAction;
import dev.jutrace.core.SignalReport;
import dev.jutrace.core.Syscall;
import dev.jutrace.core.Task;
import dev.jutrace.core.TraceException;
import dev.jutrace.core.TraceeDiedException;
import dev.jutrace.core.Tracer;
import dev.jutrace.sys.Errno;
import dev.jutrace.sys.ErrnoException;
import dev.jutrace.sys.Libc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * ptrace(2) as one engine on a {@link Tracer}, after utrace's ptrace-over-utrace (utrace-spec §4):
 * a per-thread context with options, the stop being reported, its siginfo and the resume wishes;
 * callbacks that turn engine events into ptrace stops and answer STOP while the tracer has them;
 * requests that act on the held thread from the tracer thread.
 *
 * <p>The real tracee always sits in a real kernel stop of the same kind as the ptrace stop the
 * facade reports (a signal-delivery stop for a signal stop, a syscall stop for a syscall stop, and
 * so on), because the core holds every thread with the kernel's own ptrace. So wherever the kernel
 * keeps state for a stop (siginfo, the event message, what a restart signal means) the facade
 * reads it through, and writes what ptrace would write; it synthesises only what the core's
 * different attachment changes: the siginfo of signals the kernel would have sent itself, and
 * si_code of syscall stops without TRACESYSGOOD.
 *
 * <p>The ptrace engine is attached EXCLUSIVE with MATCH_OPS on one ops object shared by every
 * facade, so two ptracers cannot hold one thread, while any number of other engines can. Stops
 * that only another engine holds are never reported by {@link #waitpid}.
 */
public final class EnginePtrace implements Ptrace {

    private static final PtraceOps OPS = new PtraceOps();

    private static final int SI_USER = 0, SI_KERNEL = 0x80, SI_TKILL = -6;
    private static final int SYS_PTRACE = 101;
    private static final long CLONE_VFORK = 0x4000, CLONE_PTRACE = 0x2000, CLONE_UNTRACED = 0x800000;
    /** PTRACE_O_* bits this kernel knows: TRACESYSGOOD..TRACESECCOMP, EXITKILL, SUSPEND_SECCOMP. */
    private static final int KNOWN_OPTIONS = 0xff | 1 << 20 | 1 << 21;
    private static final int BASE_EVENTS = Event.mask(Event.QUIESCE, Event.CLONE, Event.EXEC, Event.EXIT,
            Event.DEATH, Event.JCTL) | Event.SIGNAL_ALL;
    private static final int SYSCALL_EVENTS = Event.mask(Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT);

    /**
     * How the facade's caller waits for its own children. Never without __WNOTHREAD: a wait from
     * any other thread of this process would take the tracer thread's ptrace stops.
     */
    private static final int OWN_CHILDREN = Libc.WALL | Libc.WNOTHREAD;

    private final Tracer tracer;
    private final boolean ownsTracer;
    private final Consumer<Task> besides;
    private final int myPid = Libc.getpid();

    /** Tracees by tid until their death is waited for or they are detached; guarded by {@code this}. */
    private final Map<Integer, Tracee> tracees = new LinkedHashMap<>();
    /** Untraced children of the facade's caller (from {@link #spawn}); guarded by {@code this}. */
    private final Set<Integer> children = new HashSet<>();
    private long reportSeq;
    /**
     * Exit statuses, by pid, of children the facade let go while other engines still trace them
     * (-1 while alive); guarded by {@code this}. Such a child must not be waited for directly:
     * the kernel shows a parent the ptrace stops of a child that its own process traces.
     */
    private final Map<Integer, Integer> letGo = new java.util.HashMap<>();

    private EnginePtrace(Tracer tracer, boolean ownsTracer, Consumer<Task> besides) {
        this.tracer = tracer;
        this.ownsTracer = ownsTracer;
        this.besides = besides;
    }

    /** A facade on a tracer of its own. */
    public static EnginePtrace open() {
        return new EnginePtrace(Tracer.start("jutrace-ptrace"), true, task -> { });
    }

    /**
     * A facade on a tracer of its own that runs {@code onNewTask} on the tracer thread for every
     * thread it comes to trace, right after attaching the ptrace engine: the place to attach other
     * engines beside it. Engines attached there are its companions: PTRACE_DETACH detaches them
     * with the ptrace engine, so the thread is given back as untraced as the kernel leaves it.
     */
    public static EnginePtrace open(Consumer<Task> onNewTask) {
        return new EnginePtrace(Tracer.start("jutrace-ptrace"), true, onNewTask);
    }

    /** A facade on a shared tracer, which the caller closes. Facades on one tracer exclude each other per thread. */
    public static EnginePtrace on(Tracer tracer) {
        return new EnginePtrace(tracer, false, task -> { });
    }

    public Tracer tracer() {
        return tracer;
    }

    // ==== the per-thread context ====================================================================

    /** What the facade's ptrace stop is; NONE while the tracer does not have the thread. */
    private enum Kind { NONE, SIGNAL, SYSCALL, EVENT, GROUP, STEP, INTERRUPT }

    /** utrace's {@code ptrace_context}: one per traced thread, the engine's data. */
    private static final class Tracee {
        final EnginePtrace facade;
        Engine engine;
        Task task;
        volatile int tid;
        int options;
        /** TRACEME made, or attached: before that a spawned child's events are not ptrace's business. */
        boolean adopted;
        /** Its ptrace(PTRACE_TRACEME) is being answered. */
        boolean tracemeCall;
        boolean seized;
        /** Attached to a process the facade did not start: given back, not killed, on close. */
        boolean stranger;
        /** Engines the {@code onNewTask} hook attached beside this one: they leave with it. */
        final List<Engine> companions = new ArrayList<>(1);
        /** Resumed with PTRACE_SYSCALL, so syscall entry and exit stop. */
        boolean syscallMode;
        boolean stepping;
        boolean interruptAsked;
        /** A vfork under TRACEVFORKDONE: the parent stops again once its child has left. */
        boolean vforkDoneOwed;
        Kind kind = Kind.NONE;
        int stopStatus;
        /** The signal stop's siginfo, as the tracer reads and writes it. */
        final byte[] siginfo = new byte[dev.jutrace.sys.Ptrace.SIGINFO_BYTES];
        /** Signals the facade sent in the kernel's place, whose siginfo it makes the kernel's. */
        long fakeSignals;
        final int[] fakeCode = new int[65];
        final int[] fakePid = new int[65];
        /** A stop or death the tracer has not waited for yet; guarded by the facade. */
        boolean reportPending;
        int reportStatus;
        long reportOrder;
        boolean dead;

        Tracee(EnginePtrace facade, int tid) {
            this.facade = facade;
            this.tid = tid;
        }

        boolean held() {
            return kind != Kind.NONE;
        }

        int events() {
            return BASE_EVENTS | (syscallMode || !adopted ? SYSCALL_EVENTS : 0);
        }

        /** Holds the thread for the tracer and makes the stop reportable. */
        Action stop(Kind k, int status) {
            kind = k;
            stopStatus = status;
            facade.post(this, status);
            return Action.STOP;
        }

        void expectFake(int sig, int code, int pid) {
            fakeSignals |= 1L << sig;
            fakeCode[sig] = code;
            fakePid[sig] = pid;
        }
    }

    // ==== tracees ===================================================================================

    /**
     * The child is the caller's, as a TRACEME child is its parent's: it starts in a shell that
     * stops itself, is seized there by the tracer thread (a thread of the same process, so the
     * kernel lets the tracer reap it), and is adopted when it makes its PTRACE_TRACEME call; until
     * then, its shell and its exec are not ptrace's business.
     */
    @Override
    public int spawnTraceme(List<String> argv) {
        List<String> shim = new ArrayList<>(List.of("/bin/sh", "-c", "kill -STOP $$; exec \"$@\"", "sh"));
        shim.addAll(argv);
        int pid = spawn(shim);
        long r;
        while ((r = Libc.waitpidRaw(pid, OWN_CHILDREN | Libc.WUNTRACED)) == -Errno.EINTR) { }
        if (r < 0 || (Libc.waitedStatus(r) & 0xff) != 0x7f) {
            throw new TraceException("the stop shim for " + argv.get(0) + " ended before it could be traced");
        }
        try {
            tracer.attachThread(pid, task -> attachCompanions(attachEngine(task, false)));
        } catch (RuntimeException e) {
            Libc.killRaw(pid, Libc.SIGKILL);
            reap(pid);
            throw e;
        }
        Libc.killRaw(pid, Libc.SIGCONT);
        return pid;
    }

    @Override
    public int spawn(List<String> argv) {
        List<String> env = new ArrayList<>();
        System.getenv().forEach((k, v) -> env.add(k + "=" + v));
        int pid = Libc.spawn(argv.get(0), argv, env);
        synchronized (this) {
            children.add(pid);
        }
        return pid;
    }

    @Override
    public int reap(int pid) {
        synchronized (this) {
            Tracee c = tracees.get(pid);
            if (c != null) {
                // Still traced: its death reaches this process through the tracer thread.
                while (true) {
                    WaitResult w = waitpid(pid, 0);
                    if (!w.stopped()) return w.status();
                }
            }
            children.remove(pid);
            if (letGo.containsKey(pid)) {
                while (letGo.get(pid) < 0) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        throw new ErrnoException("waitpid", Errno.EINTR);
                    }
                }
                return letGo.remove(pid);
            }
        }
        long r;
        do {
            r = Libc.waitpidRaw(pid, OWN_CHILDREN);
        } while (r == -Errno.EINTR);
        if (r < 0) throw new ErrnoException("waitpid", (int) -r);
        return Libc.waitedStatus(r);
    }

    /** On the tracer thread: runs the {@code besides} hook and remembers the engines it attached. */
    private void attachCompanions(Tracee c) {
        List<Engine> before = c.task.engines();
        besides.accept(c.task);
        for (Engine e : c.task.engines()) {
            if (!before.contains(e)) c.companions.add(e);
        }
    }

    /** On the tracer thread: the ptrace engine for a new thread, and whatever goes beside it. */
    private Tracee attachEngine(Task task, boolean adopted) {
        Tracee c = new Tracee(this, task.tid());
        c.task = task;
        c.adopted = adopted;
        try {
            c.engine = tracer.attach(task, OPS, c, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_OPS);
        } catch (EngineExistsException e) {
            throw new ErrnoException("ptrace(PTRACE_ATTACH)", Errno.EPERM);
        }
        c.engine.setEvents(c.events());
        synchronized (this) {
            tracees.put(c.tid, c);
        }
        return c;
    }

    // ==== attaching =================================================================================

    @Override
    public void attach(int tid) {
        attachAs(tid, false, 0);
    }

    @Override
    public void seize(int tid, int options) {
        if ((options & ~KNOWN_OPTIONS) != 0) throw new ErrnoException("ptrace(PTRACE_SEIZE)", Errno.EIO);
        attachAs(tid, true, options);
    }

    private void attachAs(int tid, boolean seize, int options) {
        String op = seize ? "ptrace(PTRACE_SEIZE)" : "ptrace(PTRACE_ATTACH)";
        synchronized (this) {
            Tracee known = tracees.get(tid);
            if (known != null && !known.dead) throw new ErrnoException(op, Errno.EPERM);
        }
        if (tid <= 0 || !java.nio.file.Files.exists(Path.of("/proc/" + tid))) throw new ErrnoException(op, Errno.ESRCH);
        java.util.function.Function<Task, Tracee> attachPtrace = task -> {
            Tracee c = attachEngine(task, true);
            c.stranger = !isChild(task.tgid());
            c.seized = seize;
            c.options = options;
            if (!seize) {
                // PTRACE_ATTACH's SIGSTOP is the kernel's own: no sender, si_code SI_KERNEL.
                c.expectFake(Libc.SIGSTOP, SI_KERNEL, 0);
                Libc.tgkillRaw(task.tgid(), tid, Libc.SIGSTOP);
            }
            return c;
        };
        try {
            Task traced = tracer.task(tid);
            if (traced != null) {
                // Other engines trace it already (the facade detached and attaches again): only
                // the ptrace engine is new.
                synchronized (this) {
                    letGo.remove(tid);
                }
                onTracer(() -> attachPtrace.apply(traced));
            } else {
                tracer.attachThread(tid, task -> attachCompanions(attachPtrace.apply(task)));
            }
        } catch (ErrnoException e) {
            throw new ErrnoException(op, e.errno());
        } catch (TraceException e) {
            throw new ErrnoException(op, Errno.ESRCH);
        }
    }

    @Override
    public void interrupt(int tid) {
        onTracer(() -> {
            Tracee c = tracee(tid, "ptrace(PTRACE_INTERRUPT)");
            if (!c.seized) throw new ErrnoException("ptrace(PTRACE_INTERRUPT)", Errno.EIO);
            if (c.held()) return null;
            c.interruptAsked = true;
            c.engine.control(Action.INTERRUPT);
            return null;
        });
    }

    @Override
    public void listen(int tid) {
        onTracer(() -> {
            Tracee c = stopped(tid, "ptrace(PTRACE_LISTEN)");
            if (!c.seized || c.kind != Kind.GROUP) throw new ErrnoException("ptrace(PTRACE_LISTEN)", Errno.EIO);
            release(c, 0, false, Action.RESUME);
            return null;
        });
    }

    // ==== resuming ==================================================================================

    @Override
    public void cont(int tid, int signal) {
        resume(tid, signal, "ptrace(PTRACE_CONT)", false, Action.RESUME);
    }

    @Override
    public void syscall(int tid, int signal) {
        resume(tid, signal, "ptrace(PTRACE_SYSCALL)", true, Action.RESUME);
    }

    @Override
    public void singlestep(int tid, int signal) {
        resume(tid, signal, "ptrace(PTRACE_SINGLESTEP)", false, Action.SINGLESTEP);
    }

    @Override
    public void singleblock(int tid, int signal) {
        resume(tid, signal, "ptrace(PTRACE_SINGLEBLOCK)", false, Action.BLOCKSTEP);
    }

    private void resume(int tid, int signal, String op, boolean syscalls, Action mode) {
        onTracer(() -> {
            Tracee c = stopped(tid, op);
            checkSignal(signal, op);
            c.syscallMode = syscalls;
            c.stepping = mode != Action.RESUME;
            c.engine.setEvents(c.events());
            // ptrace's PTRACE_CONT lets a thread run out of a group stop (utrace-spec §4.6).
            release(c, signal, true, mode);
            return null;
        });
    }

    /** Hands the thread back: the stop is no longer the tracer's, and the restart carries {@code signal}. */
    private void release(Tracee c, int signal, boolean leaveGroupStop, Action mode) {
        c.engine.setRestart(signal, leaveGroupStop);
        c.kind = Kind.NONE;
        synchronized (this) {
            // Resuming consumes a stop the tracer never waited for, as the kernel's exit_code is reset.
            c.reportPending = false;
        }
        c.engine.control(mode);
    }

    @Override
    public void kill(int tid) {
        onTracer(() -> {
            Tracee c = tracee(tid, "ptrace(PTRACE_KILL)");
            // Since Linux 5.19 PTRACE_KILL sends SIGKILL whatever the tracee is doing.
            Libc.killRaw(c.task.tgid(), Libc.SIGKILL);
            return null;
        });
    }

    @Override
    public void detach(int tid, int signal) {
        onTracer(() -> {
            Tracee c = stopped(tid, "ptrace(PTRACE_DETACH)");
            checkSignal(signal, "ptrace(PTRACE_DETACH)");
            c.engine.setRestart(signal, false);
            c.kind = Kind.NONE;
            synchronized (this) {
                tracees.remove(c.tid);
            }
            // Companions first: the ptrace engine still holds the thread, so they leave at this
            // stop, and the last detach hands the kernel the signal.
            for (Engine e : c.companions) {
                if (!e.isDetached()) e.detach();
            }
            c.engine.detach();
            Task task = c.task;
            if (task.isLeader() && isChild(task.tgid()) && !task.engines().isEmpty()) {
                // Still traced by other engines: hear its death for the parent's wait.
                synchronized (this) {
                    letGo.put(task.tid(), -1);
                }
                tracer.attach(task, WATCH, this, AttachFlag.CREATE).setEvents(Event.DEATH);
            }
            return null;
        });
    }

    // ==== state =====================================================================================

    @Override
    public void setOptions(int tid, int options) {
        onTracer(() -> {
            Tracee c = stopped(tid, "ptrace(PTRACE_SETOPTIONS)");
            if ((options & ~KNOWN_OPTIONS) != 0) throw new ErrnoException("ptrace(PTRACE_SETOPTIONS)", Errno.EINVAL);
            c.options = options;
            return null;
        });
    }

    @Override
    public long getEventMsg(int tid) {
        return onTracer(() -> {
            Tracee c = stopped(tid, "ptrace(PTRACE_GETEVENTMSG)");
            return dev.jutrace.sys.Ptrace.getEventMsg(c.tid);
        });
    }

    @Override
    public byte[] getSigInfo(int tid) {
        return onTracer(() -> {
            Tracee c = stopped(tid, "ptrace(PTRACE_GETSIGINFO)");
            return switch (c.kind) {
                case SIGNAL -> c.siginfo.clone();
                case GROUP -> throw new ErrnoException("ptrace(PTRACE_GETSIGINFO)", Errno.EINVAL);
                default -> {
                    byte[] si = new byte[dev.jutrace.sys.Ptrace.SIGINFO_BYTES];
                    dev.jutrace.sys.Ptrace.getSiginfo(c.tid, si);
                    if (c.kind == Kind.SYSCALL) putInt(si, 8, (c.stopStatus >> 8) & 0xff);
                    yield si;
                }
            };
        });
    }

    @Override
    public void setSigInfo(int tid, byte[] siginfo) {
        onTracer(() -> {
            Tracee c = stopped(tid, "ptrace(PTRACE_SETSIGINFO)");
            if (c.kind == Kind.GROUP) throw new ErrnoException("ptrace(PTRACE_SETSIGINFO)", Errno.EINVAL);
            if (c.kind == Kind.SIGNAL) System.arraycopy(siginfo, 0, c.siginfo, 0, c.siginfo.length);
            dev.jutrace.sys.Ptrace.setSiginfo(c.tid, siginfo);
            return null;
        });
    }

    @Override
    public long peekData(int tid, long address) {
        return onTracer(() -> {
            Tracee c = stopped(tid, "ptrace(PTRACE_PEEKDATA)");
            byte[] word = new byte[8];
            // Through /proc/PID/mem, which like ptrace reads pages the tracee itself may not.
            int fd = Libc.openProcMem(c.tid);
            try {
                if (Libc.preadProcMem(fd, address, word, 0, 8) != 8) {
                    throw new ErrnoException("ptrace(PTRACE_PEEKDATA)", Errno.EIO);
                }
            } finally {
                Libc.close(fd);
            }
            return java.nio.ByteBuffer.wrap(word).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        });
    }

    @Override
    public void pokeData(int tid, long address, long word) {
        onTracer(() -> {
            Tracee c = stopped(tid, "ptrace(PTRACE_POKEDATA)");
            byte[] bytes = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(word).array();
            try {
                if (c.task.writeMemory(address, bytes, 0, 8) != 8) {
                    throw new ErrnoException("ptrace(PTRACE_POKEDATA)", Errno.EIO);
                }
            } catch (ErrnoException e) {
                throw new ErrnoException("ptrace(PTRACE_POKEDATA)", Errno.EIO);
            }
            return null;
        });
    }

    @Override
    public long peekUser(int tid, long offset) {
        return onTracer(() -> stopped(tid, "ptrace(PTRACE_PEEKUSER)").task.peekUser(offset));
    }

    @Override
    public void pokeUser(int tid, long offset, long word) {
        onTracer(() -> {
            stopped(tid, "ptrace(PTRACE_POKEUSER)").task.pokeUser(offset, word);
            return null;
        });
    }

    @Override
    public long[] getRegs(int tid) {
        return onTracer(() -> stopped(tid, "ptrace(PTRACE_GETREGS)").task.registers().clone());
    }

    @Override
    public void setRegs(int tid, long[] regs) {
        onTracer(() -> {
            stopped(tid, "ptrace(PTRACE_SETREGS)").task.setRegisters(regs);
            return null;
        });
    }

    // ==== waiting ===================================================================================

    @Override
    public WaitResult waitpid(int pid, int options) {
        Tracee found;
        synchronized (this) {
            while (true) {
                found = null;
                boolean any = false;
                for (Tracee c : tracees.values()) {
                    if (pid != -1 && c.tid != pid) continue;
                    any = true;
                    if (c.reportPending && (found == null || c.reportOrder < found.reportOrder)) found = c;
                }
                if (found != null) break;
                if (!any) {
                    if (pid == -1 ? !children.isEmpty() : children.contains(pid)) return waitChild(pid, options);
                    throw new ErrnoException("waitpid", Errno.ECHILD);
                }
                if ((options & Libc.WNOHANG) != 0) return WaitResult.NOTHING;
                try {
                    wait();
                } catch (InterruptedException e) {
                    throw new ErrnoException("waitpid", Errno.EINTR);
                }
            }
            found.reportPending = false;
            if (found.dead) tracees.remove(found.tid);
            // A traced child of the tracer's own process was reaped by the tracer thread's wait,
            // as the kernel reaps it for a tracer that is also the parent.
            if (found.dead) children.remove(found.tid);
        }
        return new WaitResult(found.tid, found.reportStatus);
    }

    private synchronized boolean isChild(int pid) {
        return children.contains(pid);
    }

    /** An untraced child of the caller: waited for as the kernel would, by the caller itself. */
    private WaitResult waitChild(int pid, int options) {
        synchronized (this) {
            if (letGo.containsKey(pid)) {
                if (letGo.get(pid) < 0 && (options & Libc.WNOHANG) != 0) return WaitResult.NOTHING;
                return new WaitResult(pid, reap(pid));
            }
        }
        long r;
        do {
            r = Libc.waitpidRaw(pid, options | OWN_CHILDREN);
        } while (r == -Errno.EINTR);
        if (r < 0) throw new ErrnoException("waitpid", (int) -r);
        int tid = Libc.waitedTid(r);
        if (tid == 0) return WaitResult.NOTHING;
        int status = Libc.waitedStatus(r);
        if ((status & 0xff) != 0x7f) {
            synchronized (this) {
                children.remove(tid);
            }
        }
        return new WaitResult(tid, status);
    }

    /** From a callback: a stop or death the tracer's wait will report. */
    private void post(Tracee c, int status) {
        synchronized (this) {
            c.reportStatus = status;
            c.reportPending = true;
            c.reportOrder = ++reportSeq;
            notifyAll();
        }
    }

    @Override
    public int tracerTid() {
        return tracer.threadId();
    }

    @Override
    public void close() {
        List<Tracee> left;
        List<Integer> untraced;
        synchronized (this) {
            left = new ArrayList<>(tracees.values());
            tracees.clear();
            untraced = new ArrayList<>(children);
            children.clear();
        }
        for (Tracee c : left) {
            if (c.stranger) {
                try {
                    onTracer(() -> {
                        if (!c.engine.isDetached()) {
                            if (c.held()) c.engine.setRestart(0, false);
                            c.kind = Kind.NONE;
                            c.engine.detach();
                        }
                        return null;
                    });
                } catch (RuntimeException e) {
                    // Gone already: nothing to let go.
                }
            } else {
                Libc.killRaw(c.task.tgid(), Libc.SIGKILL);
            }
        }
        for (int pid : untraced) Libc.killRaw(pid, Libc.SIGKILL);
        if (ownsTracer) {
            try {
                tracer.awaitNoTasks(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tracer.close();
        }
        for (int pid : untraced) {
            // Traced ones were reaped by the tracer thread; this reaps the rest.
            while (Libc.waitpidRaw(pid, OWN_CHILDREN) == -Errno.EINTR) { }
        }
    }

    // ==== helpers ===================================================================================

    private <T> T onTracer(Supplier<T> body) {
        return tracer.call(body);
    }

    /** ptrace_check_attach without the stopped part: ours, alive. */
    private Tracee tracee(int tid, String op) {
        Tracee c;
        synchronized (this) {
            c = tracees.get(tid);
        }
        if (c == null || c.dead || c.engine.isDetached()) throw new ErrnoException(op, Errno.ESRCH);
        return c;
    }

    /** ptrace_check_attach: ours, and stopped for the tracer. */
    private Tracee stopped(int tid, String op) {
        Tracee c = tracee(tid, op);
        if (!c.held() || !c.task.isStopped()) throw new ErrnoException(op, Errno.ESRCH);
        return c;
    }

    private static void checkSignal(int signal, String op) {
        if (signal < 0 || signal > 64) throw new ErrnoException(op, Errno.EIO);
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
        b[at + 3] = (byte) (v >> 24);
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | b[at + 3] << 24;
    }

    /** Records the death of a child the facade let go (see {@link #letGo}). */
    private static final EngineOps WATCH = new EngineOps() {
        @Override
        public Action reportDeath(Engine engine, Task task, boolean groupDead, int status) {
            EnginePtrace facade = (EnginePtrace) engine.data();
            synchronized (facade) {
                if (facade.letGo.containsKey(task.tid())) facade.letGo.put(task.tid(), status);
                facade.notifyAll();
            }
            return Action.DETACH;
        }
    };

    // ==== the engine's callbacks (tracer thread) ====================================================

    /** utrace-spec §4.5, on this core's events. */
    private static final class PtraceOps implements EngineOps {

        @Override
        public Action reportQuiesce(Engine engine, Task task, Action action, Event event) {
            Tracee c = (Tracee) engine.data();
            if (c.held()) return Action.STOP;
            if (event == null && c.vforkDoneOwed) {
                // The only report a vfork parent makes before it returns to user mode.
                c.vforkDoneOwed = false;
                return c.stop(Kind.EVENT, dev.jutrace.sys.Ptrace.PTRACE_EVENT_VFORK_DONE << 16 | Libc.SIGTRAP << 8 | 0x7f);
            }
            if (event == null && c.stepping && c.adopted) {
                // The trap at the end of a step: a SIGTRAP stop for the tracer.
                c.stepping = false;
                return c.stop(Kind.STEP, Libc.SIGTRAP << 8 | 0x7f);
            }
            return Action.RESUME;
        }

        @Override
        public Action reportSignal(Engine engine, Task task, Action action, SignalReport report) {
            Tracee c = (Tracee) engine.data();
            if (c.held()) return Action.STOP;
            SignalAction in = report.action();
            if (in == SignalAction.REPORT) {
                if (c.interruptAsked) {
                    c.interruptAsked = false;
                    return c.stop(Kind.INTERRUPT, dev.jutrace.sys.Ptrace.PTRACE_EVENT_STOP << 16 | Libc.SIGTRAP << 8 | 0x7f);
                }
                return reportQuiesce(engine, task, action, null);
            }
            if (in == SignalAction.HANDLER) {
                if (!c.stepping || !c.adopted) return Action.RESUME;
                // Stepped into a handler: the kernel's step trap on its first instruction.
                c.stepping = false;
                return c.stop(Kind.STEP, Libc.SIGTRAP << 8 | 0x7f);
            }
            if (!c.adopted) return Action.RESUME;
            int sig = report.signal();
            byte[] si = report.siginfo();
            if ((c.fakeSignals & 1L << sig) != 0 && getInt(si, 8) == SI_TKILL && getInt(si, 16) == c.facade.myPid) {
                // A signal the kernel would have sent itself: give it the kernel's siginfo.
                c.fakeSignals &= ~(1L << sig);
                putInt(si, 8, c.fakeCode[sig]);
                putInt(si, 16, c.fakePid[sig]);
                dev.jutrace.sys.Ptrace.setSiginfoRaw(task.tid(), si);
            }
            System.arraycopy(si, 0, c.siginfo, 0, si.length);
            // The tracer decides at the restart what is delivered (Engine.setRestart); until then nothing.
            report.setAction(SignalAction.IGN);
            c.stepping = false;
            return c.stop(Kind.SIGNAL, sig << 8 | 0x7f);
        }

        @Override
        public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
            Tracee c = (Tracee) engine.data();
            if (!c.adopted) {
                if (call.number() == SYS_PTRACE && call.arg(0) == dev.jutrace.sys.Ptrace.PTRACE_TRACEME) {
                    // The child asks to be traced by its parent: the facade adopts it, and the
                    // call succeeds as it would have under a kernel tracer.
                    call.abort();
                    c.tracemeCall = true;
                }
                return Action.RESUME;
            }
            if (c.held()) return Action.STOP;
            if (!c.syscallMode) return Action.RESUME;
            return c.stop(Kind.SYSCALL, syscallStatus(c));
        }

        @Override
        public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
            Tracee c = (Tracee) engine.data();
            if (c.tracemeCall) {
                c.tracemeCall = false;
                call.setReturnValue(0);
                c.adopted = true;
                engine.setEvents(c.events());
                return Action.RESUME;
            }
            if (!c.adopted) return Action.RESUME;
            if (c.held()) return Action.STOP;
            if (!c.syscallMode) return Action.RESUME;
            return c.stop(Kind.SYSCALL, syscallStatus(c));
        }

        private static int syscallStatus(Tracee c) {
            int sig = (c.options & dev.jutrace.sys.Ptrace.PTRACE_O_TRACESYSGOOD) != 0 ? Libc.SIGTRAP | 0x80 : Libc.SIGTRAP;
            return sig << 8 | 0x7f;
        }

        @Override
        public Action reportClone(Engine engine, Task parent, Action action, long flags, Task child) {
            Tracee c = (Tracee) engine.data();
            if (!c.adopted) return Action.RESUME;
            int event = cloneEvent(c.options, flags);
            c.vforkDoneOwed = (flags & CLONE_VFORK) != 0 && (flags & CLONE_UNTRACED) == 0
                    && (c.options & dev.jutrace.sys.Ptrace.PTRACE_O_TRACEVFORKDONE) != 0;
            if (event != 0 || (flags & CLONE_PTRACE) != 0) {
                // Auto-attach: the child is traced with its parent's options and first shows a
                // SIGSTOP from its private pending set, which has no sender (SI_USER, pid 0).
                Tracee k = c.facade.attachEngine(child, true);
                c.facade.attachCompanions(k);
                k.options = c.options;
                k.stranger = c.stranger;
                k.expectFake(Libc.SIGSTOP, SI_USER, 0);
                Libc.tgkillRaw(child.tgid(), child.tid(), Libc.SIGSTOP);
            }
            if (event == 0) return c.held() ? Action.STOP : Action.RESUME;
            return c.stop(Kind.EVENT, event << 16 | Libc.SIGTRAP << 8 | 0x7f);
        }

        /** Which PTRACE_EVENT_* a clone with {@code flags} reports under {@code options} (utrace-spec §4.4). */
        private static int cloneEvent(int options, long flags) {
            if ((flags & CLONE_UNTRACED) != 0) return 0;
            if ((flags & CLONE_VFORK) != 0) {
                return (options & dev.jutrace.sys.Ptrace.PTRACE_O_TRACEVFORK) != 0 ? dev.jutrace.sys.Ptrace.PTRACE_EVENT_VFORK : 0;
            }
            if ((flags & 0xff) != Libc.SIGCHLD) {
                return (options & dev.jutrace.sys.Ptrace.PTRACE_O_TRACECLONE) != 0 ? dev.jutrace.sys.Ptrace.PTRACE_EVENT_CLONE : 0;
            }
            return (options & dev.jutrace.sys.Ptrace.PTRACE_O_TRACEFORK) != 0 ? dev.jutrace.sys.Ptrace.PTRACE_EVENT_FORK : 0;
        }

        @Override
        public Action reportExec(Engine engine, Task task, Action action, int formerTid) {
            Tracee c = (Tracee) engine.data();
            if (!c.adopted) return Action.RESUME;
            if ((c.options & dev.jutrace.sys.Ptrace.PTRACE_O_TRACEEXEC) != 0) {
                return c.stop(Kind.EVENT, dev.jutrace.sys.Ptrace.PTRACE_EVENT_EXEC << 16 | Libc.SIGTRAP << 8 | 0x7f);
            }
            // Without TRACEEXEC the kernel sends the tracee a SIGTRAP from itself.
            c.expectFake(Libc.SIGTRAP, SI_USER, task.tgid());
            Libc.tgkillRaw(task.tgid(), task.tid(), Libc.SIGTRAP);
            return c.held() ? Action.STOP : Action.RESUME;
        }

        @Override
        public Action reportExit(Engine engine, Task task, Action action, int code) {
            Tracee c = (Tracee) engine.data();
            if (!c.adopted || (c.options & dev.jutrace.sys.Ptrace.PTRACE_O_TRACEEXIT) == 0) {
                return c.held() ? Action.STOP : Action.RESUME;
            }
            return c.stop(Kind.EVENT, dev.jutrace.sys.Ptrace.PTRACE_EVENT_EXIT << 16 | Libc.SIGTRAP << 8 | 0x7f);
        }

        @Override
        public Action reportJctl(Engine engine, Task task, Action action, boolean stopped, int signal) {
            Tracee c = (Tracee) engine.data();
            if (!c.adopted || !stopped) return c.held() ? Action.STOP : Action.RESUME;
            if (c.held()) return Action.STOP;
            int status = signal << 8 | 0x7f;
            if (c.seized) status |= dev.jutrace.sys.Ptrace.PTRACE_EVENT_STOP << 16;
            return c.stop(Kind.GROUP, status);
        }

        @Override
        public Action reportDeath(Engine engine, Task task, boolean groupDead, int status) {
            Tracee c = (Tracee) engine.data();
            c.kind = Kind.NONE;
            c.dead = true;
            if (task.supersededBy() != 0) {
                // A leader replaced by an exec'ing thread: the kernel reports no death for it.
                synchronized (c.facade) {
                    c.facade.tracees.remove(c.tid);
                }
                return Action.DETACH;
            }
            if (c.adopted) {
                c.facade.post(c, status);
            } else {
                synchronized (c.facade) {
                    c.facade.tracees.remove(c.tid);
                }
            }
            return Action.DETACH;
        }
    }
}
