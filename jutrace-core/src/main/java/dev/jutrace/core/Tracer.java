package dev.jutrace.core;

import static dev.jutrace.sys.Ptrace.PTRACE_EVENT_CLONE;
import static dev.jutrace.sys.Ptrace.PTRACE_EVENT_EXEC;
import static dev.jutrace.sys.Ptrace.PTRACE_EVENT_EXIT;
import static dev.jutrace.sys.Ptrace.PTRACE_EVENT_FORK;
import static dev.jutrace.sys.Ptrace.PTRACE_EVENT_SECCOMP;
import static dev.jutrace.sys.Ptrace.PTRACE_EVENT_STOP;
import static dev.jutrace.sys.Ptrace.PTRACE_EVENT_VFORK;
import static dev.jutrace.sys.Ptrace.PTRACE_EVENT_VFORK_DONE;

import dev.jutrace.sys.Errno;
import dev.jutrace.sys.ErrnoException;
import dev.jutrace.sys.Libc;
import dev.jutrace.sys.Ptrace;
import dev.jutrace.sys.Regs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Holds the one real ptrace attachment of every traced thread and multiplexes it to engines.
 *
 * <p>A tracer owns one platform thread, the tracer thread, because the kernel accepts ptrace
 * requests only from the thread that attached. Every ptrace and waitpid call, and every engine
 * callback, happens there. Its loop is waitpid, then the report pass, then the restart: no thread
 * hop on an ordinary stop. Calls from other threads are queued, and the tracer thread is woken out
 * of waitpid by a signal whose handler does nothing and lacks SA_RESTART.
 */
public final class Tracer implements AutoCloseable {

    /** The wake-up signal, SIGRTMIN + 7 under glibc. No JDK component uses real-time signals. */
    static final int WAKE_SIGNAL = 34 + 7;
    private static final int SIGTRAP_SYSGOOD = Libc.SIGTRAP | 0x80;
    private static final long CLONE_THREAD = 0x10000;
    private static final long CLONE_VM = 0x100, CLONE_VFORK = 0x4000;
    private static final int RESERVED_PIDS = 300;
    private static final int SYS_CLONE = 56, SYS_FORK = 57, SYS_VFORK = 58, SYS_CLONE3 = 435;
    private static final int BASE_OPTIONS = Ptrace.PTRACE_O_TRACESYSGOOD | Ptrace.PTRACE_O_TRACEFORK
            | Ptrace.PTRACE_O_TRACEVFORK | Ptrace.PTRACE_O_TRACECLONE | Ptrace.PTRACE_O_TRACEEXEC
            | Ptrace.PTRACE_O_TRACEEXIT | Ptrace.PTRACE_O_TRACEVFORKDONE;

    private final Thread thread;
    private final int pid = Libc.getpid();
    private volatile int tracerTid;
    private final CountDownLatch started = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<Request<?>> requests = new ConcurrentLinkedQueue<>();
    private volatile boolean closing;
    private volatile Throwable crash;

    private final IntMap<Task> tasks = new IntMap<>();
    private final Object idleLock = new Object();
    private volatile int liveTasks;

    /** The task and engine a callback is running for, if any (utrace's "reporting"). */
    private Task reportingTask;
    private Engine reporting;
    /** Event arguments of the pass in progress; fields rather than lambdas so a pass allocates nothing. */
    private long evCloneFlags;
    private Task evChild;
    private int evFormerTid;
    private int evCode;
    private boolean evStopped;
    private int evSignal;
    private boolean evGroupDead;
    /** The min of the non-STOP answers of the last pass: what the thread does once nobody holds it. */
    private Action stepAcc;

    private Tracer(String name) {
        thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
    }

    /** Starts a tracer and its thread. */
    public static Tracer start() {
        return start("jutrace-tracer");
    }

    public static Tracer start(String threadName) {
        Tracer t = new Tracer(threadName);
        t.thread.start();
        try {
            t.started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TraceException("interrupted while starting the tracer thread", e);
        }
        if (t.crash != null) throw new TraceException("tracer thread failed to start", t.crash);
        return t;
    }

    // ==== public API ===============================================================================

    /**
     * Starts {@code argv} (argv[0] resolved on PATH by the caller into {@code program}) as a traced
     * process. The program first passes through a stop shim that engines never see; {@code onStart}
     * runs on the tracer thread with the new task before the program's execve, so that engines
     * attached there see its EXEC event first.
     */
    public Task spawn(Path program, List<String> argv, Map<String, String> environment, Consumer<Task> onStart) {
        return spawn(program, argv, environment, null, onStart);
    }

    /** As {@link #spawn(Path, List, Map, Consumer)}, with the program's stdout and stderr appended to {@code output}. */
    public Task spawn(Path program, List<String> argv, Map<String, String> environment, Path output,
            Consumer<Task> onStart) {
        return onTracerThread(() -> doSpawn(program, argv, environment, output, onStart));
    }

    /**
     * Attaches to every thread of a running process with PTRACE_SEIZE, re-reading
     * /proc/PID/task until no new thread appears. {@code onAttach} runs on the tracer thread for
     * each task, and should attach engines; the threads are then interrupted so that engines
     * asking for syscall events get them from the next call on.
     *
     * @throws TraceException naming the pid when it does not exist or may not be traced
     */
    public List<Task> attach(int pid, Consumer<Task> onAttach) {
        return onTracerThread(() -> doAttach(pid, onAttach));
    }

    /**
     * Attaches an engine to a task, or looks one up, as {@code utrace_attach_task}.
     *
     * @throws EngineExistsException with CREATE|EXCLUSIVE when a matching engine exists
     * @throws NoSuchEngineException without CREATE when none matches
     * @throws TraceeDiedException when the task is already dead
     */
    public Engine attach(Task task, EngineOps ops, Object data, AttachFlag... flags) {
        Set<AttachFlag> f = flags.length == 0 ? EnumSet.noneOf(AttachFlag.class) : EnumSet.of(flags[0], flags);
        return onTracerThread(() -> doAttachEngine(task, ops, data, f));
    }

    /**
     * Runs {@code body} on the tracer thread, between stops, and returns its result: for a facade
     * whose requests must see and change several things of one stopped thread at once (the ptrace
     * facade's requests are such units). {@code body} must not block.
     */
    public <T> T call(java.util.function.Supplier<T> body) {
        return onTracerThread(body::get);
    }

    /**
     * Attaches to one thread with PTRACE_SEIZE, leaving the other threads of its process alone, as
     * PTRACE_ATTACH does. {@code onAttach} runs on the tracer thread with the new task, which is
     * then interrupted once so that it restarts in the mode its engines need.
     *
     * @throws ErrnoException with the kernel's errno (ESRCH, EPERM) when it cannot be seized
     */
    public Task attachThread(int tid, Consumer<Task> onAttach) {
        return onTracerThread(() -> doAttachThread(tid, onAttach));
    }

    /** Finds the task of a traced thread, or null. */
    public Task task(int tid) {
        return onTracerThread(() -> tasks.get(tid));
    }

    /** The tasks traced now. */
    public List<Task> tasks() {
        return onTracerThread(() -> {
            List<Task> all = new ArrayList<>();
            tasks.forEach(all::add);
            return all;
        });
    }

    /**
     * Blocks until no task is traced: every one has died or been detached.
     *
     * @return false on timeout
     */
    public boolean awaitNoTasks(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (idleLock) {
            while (liveTasks > 0 && crash == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(idleLock, left);
            }
        }
        if (crash != null) throw new TraceException("tracer thread failed", crash);
        return true;
    }

    /**
     * Detaches from every traced thread, leaving each process running as it was (a stopped one
     * stays stopped, a pending signal is still delivered), and waits until that is done.
     */
    public void detachAll() {
        onTracerThread(() -> {
            beginDetachAll();
            return null;
        });
    }

    private volatile boolean seccomp;

    /**
     * Lets processes spawned from now on run under a seccomp filter (off by default). At a spawned
     * program's exec, when its engines all want syscall events for a known subset of calls
     * ({@link EngineOps#syscalls}) and all follow clones, a SECCOMP_RET_TRACE filter for that set
     * is installed and the threads run under PTRACE_CONT, stopping only at those calls. Children
     * inherit the filter. A thread falls back to PTRACE_SYSCALL whenever an engine wants calls
     * the filter lets through. Never for attached processes: the filter outlives the tracer,
     * which is also why {@link #detachAll} kills a filtered process rather than let it go. For
     * the same reason engines must not all detach from a filtered thread that lives on (strace's
     * -b and --syscall-limit): its traced calls would then fail with ENOSYS.
     */
    public void useSeccomp(boolean on) {
        seccomp = on;
    }

    /** Detaches from everything and ends the tracer thread. */
    @Override
    public void close() {
        if (closing) return;
        detachAll();
        try {
            awaitNoTasks(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closing = true;
        wake();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The kernel thread id of the tracer thread: the tracer the kernel knows, e.g. as si_pid of signals it rewrites. */
    public int threadId() {
        return tracerTid;
    }

    public boolean isTracerThread() {
        return Thread.currentThread() == thread;
    }

    void checkThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("only the tracer thread may examine tasks; do it inside a callback");
        }
    }

    // ==== requests from other threads ==============================================================

    private static final class Request<T> {
        final Callable<T> body;
        final Thread waiter = Thread.currentThread();
        volatile boolean picked;
        volatile boolean done;
        T result;
        Throwable failure;

        Request(Callable<T> body) {
            this.body = body;
        }

        void run() {
            picked = true;
            try {
                result = body.call();
            } catch (Throwable t) {
                failure = t;
            }
            done = true;
            LockSupport.unpark(waiter);
        }
    }

    /** Set by the first waker since the tracer last drained; real-time signals queue, so send one, not one each. */
    private final java.util.concurrent.atomic.AtomicBoolean wakeSent = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Runs {@code body} on the tracer thread and returns its result. Off the tracer thread the
     * request is queued and the tracer woken. A wake-up signal that lands between the tracer's last
     * look at its queue and its waitpid is lost, so while the request has not been picked up the
     * signal is sent again, at growing intervals. The wait is not interruptible: the request runs
     * anyway, and the caller's interrupt status is restored afterwards.
     */
    <T> T onTracerThread(Callable<T> body) {
        if (Thread.currentThread() == thread) {
            try {
                return body.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new TraceException(e.getMessage(), e);
            }
        }
        if (crash != null) throw new TraceException("tracer thread failed", crash);
        if (!thread.isAlive()) throw new TraceException("tracer is closed");
        Request<T> r = new Request<>(body);
        requests.add(r);
        LockSupport.unpark(thread);
        if (!wakeSent.getAndSet(true)) signalTracer();
        boolean interrupted = false;
        long waitNanos = 1_000_000;
        while (!r.done) {
            LockSupport.parkNanos(this, waitNanos);
            if (Thread.interrupted()) interrupted = true;
            if (r.done) break;
            if (crash != null) throw new TraceException("tracer thread failed", crash);
            if (!thread.isAlive()) throw new TraceException("tracer is closed");
            if (!r.picked) {
                signalTracer();
                waitNanos = Math.min(waitNanos * 2, 50_000_000);
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (r.failure instanceof RuntimeException e) throw e;
        if (r.failure instanceof Error e) throw e;
        if (r.failure != null) throw new TraceException(r.failure.getMessage(), r.failure);
        return r.result;
    }

    private void wake() {
        LockSupport.unpark(thread);
        signalTracer();
    }

    private void signalTracer() {
        int tid = tracerTid;
        if (tid > 0) Libc.tgkillRaw(pid, tid, WAKE_SIGNAL);
    }

    private void drainRequests() {
        wakeSent.set(false);
        Request<?> r;
        while ((r = requests.poll()) != null) r.run();
    }

    // ==== the loop ==================================================================================

    private void run() {
        try {
            tracerTid = Libc.gettid();
            Libc.installWakeupHandler(WAKE_SIGNAL);
        } catch (Throwable t) {
            crash = t;
            started.countDown();
            return;
        }
        started.countDown();
        try {
            loop();
        } catch (Throwable t) {
            crash = t;
            System.err.println("jutrace: tracer thread failed: " + t);
            t.printStackTrace();
        } finally {
            synchronized (idleLock) {
                idleLock.notifyAll();
            }
        }
    }

    private void loop() {
        final int options = Libc.WALL | Libc.WNOTHREAD;
        while (true) {
            drainRequests();
            if (tasks.isEmpty()) {
                if (closing) return;
                LockSupport.parkNanos(this, 50_000_000);
                continue;
            }
            long r = Libc.waitpidRaw(-1, options);
            if (r == -Errno.EINTR) continue;
            if (r == -Errno.ECHILD) {
                forgetVanishedTasks();
                continue;
            }
            if (r < 0) throw new ErrnoException("waitpid", (int) -r);
            int tid = Libc.waitedTid(r);
            try {
                dispatch(tid, Libc.waitedStatus(r));
            } catch (TraceeDiedException e) {
                // Killed under us (SIGKILL wakes any stop); waitpid brings its death next.
            } catch (ErrnoException e) {
                if (e.errno() != Errno.ESRCH) recover(tid, e);
            } catch (RuntimeException e) {
                recover(tid, e);
            }
        }
    }

    /**
     * A bug in handling one stop must not leave that thread stopped for ever nor take the tracer
     * down with every other tracee: report it and let the thread run on.
     */
    private void recover(int tid, RuntimeException e) {
        System.err.println("jutrace: internal error at a stop of thread " + tid + ": " + e);
        if (DEBUG) e.printStackTrace();
        Task t = tasks.get(tid);
        if (t != null && t.state == Task.State.STOPPED) {
            reporting = null;
            reportingTask = null;
            restart(t, Action.RESUME);
        }
    }

    /** waitpid has nothing to report although tasks are known: they left without a trace. */
    private void forgetVanishedTasks() {
        List<Task> gone = new ArrayList<>();
        tasks.forEach(gone::add);
        for (Task t : gone) {
            if (t.state != Task.State.DEAD) died(t, 0);
        }
    }

    /** {@code JUTRACE_DEBUG=1} logs every stop to stderr; a constant, so the check costs nothing. */
    private static final boolean DEBUG = System.getenv("JUTRACE_DEBUG") != null;

    private void dispatch(int tid, int status) {
        if (DEBUG) System.err.printf("jutrace-debug: tid %d %s%n", tid, new dev.jutrace.sys.WaitStatus(status));
        int sig = (status >> 8) & 0xff;
        int event = status >>> 16;
        boolean stopped = (status & 0xff) == 0x7f;
        if (stopped && event == PTRACE_EVENT_EXEC) tid = takeOverExec(tid);
        Task t = tasks.get(tid);
        if (t == null) {
            stray(tid, status);
            return;
        }
        t.newStop();
        if (!stopped) {
            if ((status & 0x7f) == 0 || ((byte) ((status & 0x7f) + 1) >> 1) > 0) died(t, status);
            return;
        }
        switch (t.state) {
            case NEW -> {
                firstStop(t, status);
                return;
            }
            case SHIM -> {
                shimStop(t, sig, event);
                return;
            }
            default -> { }
        }
        Task.State before = t.state;
        t.state = Task.State.STOPPED;
        if (before == Task.State.STOPPED) {
            // Only SIGKILL wakes a thread we hold in a ptrace-stop, and SIGKILL breaks every STOP.
            breakHolds(t);
        }
        if (t.detaching || !t.hasEngines()) {
            t.stop = stopKind(sig, event);
            detachAtStop(t, t.stop == Task.Stop.SIGNAL ? sig : t.injectSignal);
            return;
        }
        if (sig == SIGTRAP_SYSGOOD) {
            t.stop = Task.Stop.SYSCALL;
            syscallStop(t);
            return;
        }
        boolean stepped = t.stepping;
        t.stepping = false;
        switch (event) {
            case 0 -> {
                if (stepped && sig == Libc.SIGTRAP) stepStop(t);
                else signalStop(t, sig);
            }
            case PTRACE_EVENT_FORK, PTRACE_EVENT_VFORK, PTRACE_EVENT_CLONE -> cloneStop(t, event);
            case PTRACE_EVENT_EXEC -> execStop(t);
            case PTRACE_EVENT_EXIT -> exitStop(t);
            case PTRACE_EVENT_SECCOMP -> seccompStop(t);
            case PTRACE_EVENT_VFORK_DONE -> {
                // The vfork parent is about to return to user mode, its child gone or exec'd:
                // utrace's ptrace asked for a quiesce report here (REPORT from report_clone).
                t.stop = Task.Stop.EVENT;
                finishStop(t, (t.unionMask & Event.QUIESCE.bit()) != 0 ? pass(t, null, false) : Action.RESUME);
            }
            case PTRACE_EVENT_STOP -> {
                if (isStopSignal(sig)) groupStop(t, sig, before == Task.State.LISTENING);
                else interruptStop(t, before == Task.State.LISTENING);
            }
            default -> {
                t.stop = Task.Stop.EVENT;
                finishStop(t, Action.RESUME);
            }
        }
    }

    private static boolean isStopSignal(int sig) {
        return sig == Libc.SIGSTOP || sig == Libc.SIGTSTP || sig == Libc.SIGTTIN || sig == Libc.SIGTTOU;
    }

    private static Task.Stop stopKind(int sig, int event) {
        if (sig == SIGTRAP_SYSGOOD) return Task.Stop.SYSCALL;
        if (event == 0) return Task.Stop.SIGNAL;
        if (event == PTRACE_EVENT_STOP) return isStopSignal(sig) ? Task.Stop.GROUP : Task.Stop.INTERRUPT;
        return Task.Stop.EVENT;
    }

    // ==== stops =====================================================================================

    /** A stop from a thread not known yet: a new child whose parent's clone event is still queued. */
    private void stray(int tid, int status) {
        if ((status & 0xff) != 0x7f) {
            // A death before any stop: a child killed before its parent's clone event was seen.
            vanished.add(tid);
            return;
        }
        Task t = new Task(this, tid, tid, Task.State.NEW);
        addTask(t);
        firstStop(t, status);
    }

    /** Tids that died before they were known, so a late clone event does not wait for them. */
    private final Set<Integer> vanished = new HashSet<>();

    /**
     * A new thread's first stop. It is normally its PTRACE_EVENT_STOP, held until the parent's
     * clone pass has run; but a thread killed before it ever ran stops first at its exit event,
     * and must be let die at once: the parent's clone event may never come, and the kernel holds
     * the group leader's death until it is gone.
     */
    private void firstStop(Task t, int status) {
        int event = status >>> 16;
        int sig = (status >> 8) & 0xff;
        t.firstStopSeen = true;
        // A thread born while its process is stopping starts in that group stop.
        t.firstStopSignal = event == PTRACE_EVENT_STOP && isStopSignal(sig) ? sig : 0;
        if (event == PTRACE_EVENT_EXIT) {
            t.state = Task.State.STOPPED;
            if (t.hasEngines()) {
                exitStop(t);
            } else {
                t.stop = Task.Stop.EVENT;
                Ptrace.raw(Ptrace.PTRACE_CONT, t.tid, 0, 0);
                t.state = Task.State.RUNNING;
            }
            return;
        }
        if (t.cloneReported) childReady(t);
    }

    /** The child sits in its first stop and its parent's clone pass is done: let it go. */
    private void childReady(Task child) {
        if (child.state != Task.State.NEW) return; // already on its way out (see firstStop)
        child.state = Task.State.STOPPED;
        child.stop = Task.Stop.INTERRUPT;
        if (child.detaching || !child.hasEngines()) {
            detachAtStop(child, 0);
            return;
        }
        if (child.firstStopSignal != 0) {
            groupStop(child, child.firstStopSignal, false);
            return;
        }
        finishStop(child, Action.RESUME);
    }

    /** Stops of a spawned process before its real program starts: never shown to engines. */
    private void shimStop(Task t, int sig, int event) {
        if (event == PTRACE_EVENT_EXEC) {
            t.state = Task.State.STOPPED;
            t.stop = Task.Stop.EVENT;
            t.shimExecExit = true;
            if (t.detaching || !t.hasEngines()) {
                detachAtStop(t, 0);
                return;
            }
            if (seccomp && !installSeccomp(t)) return;
            evFormerTid = t.tid;
            finishStop(t, pass(t, Event.EXEC, false));
            return;
        }
        // The shim's own SIGCONT (and anything else) is swallowed: the shim is ours.
        int deliver = (event == 0 && sig != Libc.SIGCONT && sig != Libc.SIGSTOP) ? sig : 0;
        if (Ptrace.raw(Ptrace.PTRACE_CONT, t.tid, 0, deliver) < 0) {
            // It died; its death will be reported by waitpid.
        }
    }

    /**
     * At a spawned program's first exec, installs the filter its engines allow, if any. Returns
     * false when the thread died meanwhile (its death has then been reported).
     */
    private boolean installSeccomp(Task t) {
        java.util.BitSet set = SeccompFilter.wanted(t);
        if (set == null) return true;
        SeccompInstaller.Outcome o = SeccompInstaller.install(t, set, BASE_OPTIONS | Ptrace.PTRACE_O_EXITKILL);
        if (DEBUG) System.err.println("jutrace-debug: seccomp filter for " + t + ": " + o);
        if (o instanceof SeccompInstaller.Outcome.Died(int status)) {
            died(t, status);
            return false;
        }
        t.recomputeMask();
        return true;
    }

    private void syscallStop(Task t) {
        Syscall call = t.syscall;
        long op = Ptrace.getSyscallInfoRaw(t.tid, call.info);
        if (op == Ptrace.SYSCALL_INFO_ENTRY) {
            t.shimExecExit = false;
            call.loadEntry();
            call.seccomp = false;
            finishStop(t, entryPass(t, false));
        } else if (op == Ptrace.SYSCALL_INFO_EXIT && (call.entered || !t.shimExecExit)) {
            // An exit whose entry went by untraced (a call in flight at attach, or one entered
            // under PTRACE_CONT before an engine asked for syscalls) is still an exit: as utrace,
            // report it, with the number and arguments the registers still hold.
            if (!call.entered) call.loadUnenteredExit(t.registers());
            call.loadExit();
            finishStop(t, pass(t, Event.SYSCALL_EXIT, false));
        } else {
            // The shim's own execve, which engines never saw begin.
            t.shimExecExit = false;
            call.entered = false;
            finishStop(t, Action.RESUME);
        }
    }

    /**
     * A call the seccomp filter traces, entered under PTRACE_CONT: the entry pass as at a
     * syscall-entry stop. The restart asks for the exit stop (PTRACE_SYSCALL while a call is
     * entered). Under PTRACE_SYSCALL the same call stops twice, at its syscall-entry stop and then
     * here; the second is not reported again.
     */
    private void seccompStop(Task t) {
        t.stop = Task.Stop.SYSCALL;
        Syscall call = t.syscall;
        boolean reported = call.entered && !call.seccomp;
        long op = Ptrace.getSyscallInfoRaw(t.tid, call.info);
        if (op != Ptrace.SYSCALL_INFO_SECCOMP || (reported && call.info[4] == call.nr)) {
            finishStop(t, Action.RESUME);
            return;
        }
        t.shimExecExit = false;
        call.loadEntry();
        call.seccomp = true;
        finishStop(t, entryPass(t, false));
    }

    /**
     * The syscall-entry pass, in reverse attach order. Run again with {@code resumed} when a thread
     * held at entry is let go with REPORT or INTERRUPT: engines then see the registers as they are
     * now, and may abort or run the call afresh.
     */
    private Action entryPass(Task t, boolean resumed) {
        Syscall call = t.syscall;
        boolean wasAborted = call.aborted;
        call.resumed = resumed;
        Action a = pass(t, Event.SYSCALL_ENTRY, true);
        if (call.aborted || wasAborted || call.argsChanged) {
            // An invalid number makes the kernel skip the call; it returns -ENOSYS unless changed at exit.
            rewriteEntry(t, call.aborted ? -1 : call.nr, call.args);
            call.argsChanged = false;
        }
        return a;
    }

    /** Whether PTRACE_SET_SYSCALL_INFO works here; probed on first use. */
    private int setSyscallInfo = 0; // 0 unknown, 1 yes, -1 no

    /**
     * Changes the call about to run: with PTRACE_SET_SYSCALL_INFO where the kernel has it (6.16+),
     * else through the registers (orig_rax and the argument registers).
     */
    private void rewriteEntry(Task t, long nr, long[] args) {
        // PTRACE_SET_SYSCALL_INFO wants the op of the stop; the registers serve at a seccomp stop.
        if (setSyscallInfo >= 0 && !t.syscall.seccomp) {
            long rc = Ptrace.setSyscallEntryRaw(t.tid, t.syscall.info, nr, args);
            if (rc == 0) {
                setSyscallInfo = 1;
                t.syncRegisters(nr, args);
                return;
            }
            if (rc == -Errno.ESRCH) return;
            setSyscallInfo = -1;
        }
        t.writeRegister(Regs.ORIG_RAX, nr);
        for (int i = 0; i < 6; i++) t.writeRegister(Regs.SYSCALL_ARGS[i], args[i]);
    }

    /**
     * The report an INTERRUPT owes: a signal pass with no signal (action REPORT) for engines with
     * QUIESCE. The call the thread was kicked out of restarts by itself.
     */
    private Action interruptReport(Task t) {
        SignalReport report = t.signal;
        report.reset(0, SignalAction.REPORT, null);
        Action a = signalPass(t, report);
        t.injectSignal = 0;
        return a;
    }

    /**
     * The trap that ends a single step (or block step) the engines asked for. It is the tracer's
     * own, so it is never delivered; engines hear of it as a report on the way back to user mode.
     */
    private void stepStop(Task t) {
        t.stop = Task.Stop.SIGNAL;
        t.injectSignal = 0;
        if (t.enteringHandler) {
            // The step delivered a handled signal: the thread sits on the handler's first instruction.
            t.enteringHandler = false;
            SignalReport report = t.signal;
            report.reset(0, SignalAction.HANDLER, null);
            Action a = signalPass(t, report);
            t.injectSignal = 0;
            finishStop(t, a);
            return;
        }
        finishStop(t, pass(t, null, false));
    }

    private void signalStop(Task t, int sig) {
        t.stop = Task.Stop.SIGNAL;
        int interested = t.unionMask & (Event.SIGNAL_ALL | Event.QUIESCE.bit());
        if (interested == 0) {
            t.injectSignal = sig;
            finishStop(t, Action.RESUME);
            return;
        }
        SignalReport report = t.signal;
        // Which signal event this is matters only to engines that asked for some signal events
        // and not others, or that quiesce: otherwise /proc is not read at all.
        report.reset(sig, null, needsClassification(t) ? Dispositions.classify(t.tid, sig) : null);
        Action a = signalPass(t, report);
        int deliver = report.signal;
        SignalAction outcome = report.decided() ? report.action : SignalAction.DELIVER;
        t.injectSignal = switch (outcome) {
            case IGN, REPORT, HANDLER -> 0;
            case DELIVER -> deliver;
            // ptrace cannot bypass a handler the thread installed: a handled signal is made fatal
            // with SIGKILL (see DEVIATIONS.md), an unhandled one by delivering it.
            case TERM, CORE -> handles(t, deliver) ? Libc.SIGKILL : deliver;
            case STOP -> Libc.SIGSTOP;
            case TSTP -> handles(t, deliver) ? Libc.SIGSTOP : deliver;
        };
        if (t.injectSignal == deliver && deliver > 0 && (deliver != sig || report.siginfoLoaded)) {
            // Keep the siginfo the engines saw (and maybe edited): the kernel replaces it with a
            // tracer-sent one whenever the number it is resumed with differs from si_signo.
            byte[] si = report.siginfo();
            si[0] = (byte) deliver;
            si[1] = si[2] = si[3] = 0;
            Ptrace.setSiginfoRaw(t.tid, si);
        }
        if (report.hold && report.signal > 0) Libc.tgkillRaw(t.tgid, t.tid, report.signal);
        t.handlerStep = outcome == SignalAction.DELIVER && deliver > 0;
        finishStop(t, a);
    }

    private static boolean handles(Task t, int sig) {
        return sig > 0 && Dispositions.classify(t.tid, sig) == Event.SIGNAL;
    }

    /** Whether some engine's callbacks depend on the signal's class (see {@link #signalStop}). */
    private static boolean needsClassification(Task t) {
        ArrayList<Engine> list = t.attached;
        for (int i = 0, n = list.size(); i < n; i++) {
            Engine e = list.get(i);
            int m = e.mask & (Event.SIGNAL_ALL | Event.QUIESCE.bit());
            if (m != 0 && m != Event.SIGNAL_ALL) return true;
        }
        return !t.attaching.isEmpty();
    }

    private void cloneStop(Task parent, int event) {
        parent.stop = Task.Stop.EVENT;
        long msg = Ptrace.getEventMsgRaw(parent.tid);
        if (msg < 0) return; // the parent died under us; its death comes next
        int childTid = (int) msg;
        long flags = cloneFlags(parent, event);
        Task child = tasks.get(childTid);
        if (child == null) {
            if (vanished.remove(childTid) || (childTid < RESERVED_PIDS && !isChildOf(childTid, parent))) {
                // Killed before we knew it, or a parent killed inside clone() whose event message
                // is its exit code rather than a child: nothing to follow. (Exit codes are below
                // 300, where the kernel hands out no pid once pids wrap; only there is /proc asked.)
                finishStop(parent, Action.RESUME);
                return;
            }
            child = new Task(this, childTid, childTid, Task.State.NEW);
            addTask(child);
        }
        child.tgid = (flags & CLONE_THREAD) != 0 ? parent.tgid : childTid;
        child.spawned = parent.spawned;
        child.seccomp = parent.seccomp; // a filter is inherited by every child
        evCloneFlags = flags;
        evChild = child;
        Action a = pass(parent, Event.CLONE, false);
        evChild = null;
        child.cloneReported = true;
        if (child.firstStopSeen) childReady(child);
        finishStop(parent, a);
    }

    /** Clone flags from the parent's registers: ptrace reports the event, not the flags. */
    private long cloneFlags(Task parent, int event) {
        long[] regs = parent.registers();
        return switch ((int) regs[Regs.ORIG_RAX]) {
            case SYS_CLONE -> regs[Regs.RDI];
            case SYS_CLONE3 -> {
                byte[] word = new byte[8];
                yield parent.readMemory(regs[Regs.RDI], word, 0, 8) == 8
                        ? java.nio.ByteBuffer.wrap(word).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong()
                        : CLONE_THREAD;
            }
            case SYS_FORK -> Libc.SIGCHLD;
            case SYS_VFORK -> CLONE_VM | CLONE_VFORK | Libc.SIGCHLD;
            // Not a clone call (registers rewritten meanwhile): what the event itself says.
            default -> switch (event) {
                case PTRACE_EVENT_FORK -> Libc.SIGCHLD;
                case PTRACE_EVENT_VFORK -> CLONE_VM | CLONE_VFORK | Libc.SIGCHLD;
                default -> CLONE_THREAD;
            };
        };
    }

    /**
     * An exec stop is reported under the leader's tid. When a non-leader thread exec'd, its task
     * takes over that tid and the old leader, which vanished without a death report, is retired.
     */
    private int takeOverExec(int leaderTid) {
        long former = Ptrace.getEventMsgRaw(leaderTid);
        if (former < 0 || former == leaderTid) return leaderTid;
        Task execing = tasks.get((int) former);
        if (execing == null) return leaderTid;
        Task oldLeader = tasks.remove(leaderTid);
        if (oldLeader != null) liveTasks--;
        tasks.remove((int) former);
        execing.tid = leaderTid;
        execing.tgid = leaderTid;
        tasks.put(leaderTid, execing);
        execing.formerTid = (int) former;
        if (oldLeader != null && oldLeader.state != Task.State.DEAD) {
            liveTasks++; // died() counts it down again
            oldLeader.state = Task.State.RUNNING;
            oldLeader.supersededBy = (int) former;
            reportDeathAndReap(oldLeader, 0);
            liveTasks--;
            signalIdle();
        }
        return leaderTid;
    }

    private void execStop(Task t) {
        t.stop = Task.Stop.EVENT;
        evFormerTid = t.formerTid != 0 ? t.formerTid : t.tid;
        t.formerTid = 0;
        finishStop(t, pass(t, Event.EXEC, false));
    }

    private void exitStop(Task t) {
        t.stop = Task.Stop.EVENT;
        t.exitReported = true;
        long code = Ptrace.getEventMsgRaw(t.tid);
        evCode = code < 0 ? 0 : (int) code;
        Action a = pass(t, Event.EXIT, false);
        if ((evCode & 0x7f) == Libc.SIGKILL) {
            // A thread being killed cannot be held, even at its exit.
            breakHolds(t);
            a = Action.RESUME;
        }
        finishStop(t, a);
    }

    private static void breakHolds(Task t) {
        for (int i = 0; i < t.attached.size(); i++) t.attached.get(i).holdsStop = false;
        for (int i = 0; i < t.attaching.size(); i++) t.attaching.get(i).holdsStop = false;
        t.stopRequested = false;
    }

    private void groupStop(Task t, int sig, boolean wasListening) {
        t.stop = Task.Stop.GROUP;
        if (wasListening) {
            // Interrupted out of PTRACE_LISTEN (an engine's STOP): the same group stop, not a new one.
            finishStop(t, Action.RESUME);
            return;
        }
        evStopped = true;
        evSignal = sig;
        finishStop(t, pass(t, Event.JCTL, false));
    }

    private void interruptStop(Task t, boolean wasListening) {
        t.stop = Task.Stop.INTERRUPT;
        if (wasListening && !t.anyEngineHoldsStop()) {
            // A listening thread traps again when its group is continued. (A held one was
            // interrupted out of its group stop by the holder; it continues only when let go.)
            evStopped = false;
            evSignal = Libc.SIGCONT;
            finishStop(t, pass(t, Event.JCTL, false));
            return;
        }
        finishStop(t, Action.RESUME);
    }

    private void died(Task t, int status) {
        boolean wasLive = t.state != Task.State.DEAD;
        tasks.remove(t.tid);
        if (t.state == Task.State.NEW && !t.hasEngines()) {
            t.state = Task.State.DEAD;
            liveTasks--;
            signalIdle();
            return;
        }
        if (!t.exitReported && (t.unionMask & (Event.EXIT.bit() | Event.QUIESCE.bit())) != 0) {
            // The exit stop went by unseen: a SIGKILL woke the thread from a stop and our restart
            // of that stop resumed its exit stop instead. The report is still owed, if late.
            t.state = Task.State.STOPPED;
            evCode = status;
            pass(t, Event.EXIT, false);
            breakHolds(t);
        }
        reportDeathAndReap(t, status);
        if (wasLive) {
            liveTasks--;
            signalIdle();
        }
        releaseOrphans(t);
    }

    /**
     * A new child whose parent died before its clone event could be reported has no engines and
     * never will: let it run untraced rather than leave it stopped.
     */
    private void releaseOrphans(Task dead) {
        List<Task> orphans = null;
        for (Task t : allTasks()) {
            if (t.state == Task.State.NEW && t.firstStopSeen && !t.cloneReported) {
                if (orphans == null) orphans = new ArrayList<>();
                orphans.add(t);
            }
        }
        if (orphans == null) return;
        for (Task t : orphans) {
            if (parentOf(t.tid) == dead.tgid || tgidOf(t.tid) == dead.tgid) {
                t.state = Task.State.STOPPED;
                detachAtStop(t, 0);
            }
        }
    }

    private List<Task> allTasks() {
        List<Task> all = new ArrayList<>(tasks.size());
        tasks.forEach(all::add);
        return all;
    }

    private static int statusField(int tid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + tid + "/status"))) {
            return lines.filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> Integer.parseInt(l.substring(field.length()).trim())).orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether {@code tid} is a thread or child process of {@code parent}'s process. */
    private static boolean isChildOf(int tid, Task parent) {
        return tgidOf(tid) == parent.tgid || parentOf(tid) == parent.tgid;
    }

    private static int parentOf(int tid) {
        return statusField(tid, "PPid:");
    }

    private static int tgidOf(int tid) {
        return statusField(tid, "Tgid:");
    }

    // ==== the report pass (utrace-spec §2.4) =======================================================

    /**
     * Calls every engine for {@code event} (null: the report on the way back to user mode) and
     * folds their answers with min. Each engine with QUIESCE gets {@code reportQuiesce} right
     * before its own event callback. Syscall entry walks engines in reverse attach order.
     */
    private Action pass(Task t, Event event, boolean reverse) {
        t.splice();
        t.stopRequested = false;
        reportingTask = t;
        Action acc = Action.RESUME;
        stepAcc = Action.RESUME;
        boolean detaches = false;
        ArrayList<Engine> list = t.attached;
        int n = list.size();
        for (int k = 0; k < n; k++) {
            Engine e = list.get(reverse ? n - 1 - k : k);
            if (e.state != Engine.State.ATTACHED) continue;
            reporting = e;
            int mask = e.mask;
            if ((mask & Event.QUIESCE.bit()) != 0) {
                acc = apply(e, acc, callQuiesce(e, t, acc, event));
                if (e.state != Engine.State.ATTACHED) {
                    detaches = true;
                    continue;
                }
                mask = e.mask;
            }
            if (e.holdsStop) acc = Action.STOP;
            if (event != null && (mask & event.bit()) != 0) {
                acc = apply(e, acc, callEvent(e, t, acc, event));
                if (e.state != Engine.State.ATTACHED) detaches = true;
            }
        }
        reporting = null;
        reportingTask = null;
        if (detaches) t.purge();
        return acc;
    }

    private Action apply(Engine e, Action acc, Action r) {
        if (r == Action.DETACH || e.state != Engine.State.ATTACHED) {
            markDetached(e);
            return acc;
        }
        e.holdsStop = r == Action.STOP;
        if (r != Action.STOP) stepAcc = Action.min(stepAcc, r);
        return Action.min(acc, r);
    }

    private Action callQuiesce(Engine e, Task t, Action acc, Event event) {
        try {
            return orResume(e.ops.reportQuiesce(e, t, acc, event));
        } catch (TraceeDiedException x) {
            return Action.RESUME; // the thread died under the callback; its death report follows
        } catch (RuntimeException | Error x) {
            return failed(e, "reportQuiesce", x);
        }
    }

    private Action callEvent(Engine e, Task t, Action acc, Event event) {
        try {
            return orResume(switch (event) {
                case CLONE -> e.ops.reportClone(e, t, acc, evCloneFlags, evChild);
                case EXEC -> e.ops.reportExec(e, t, acc, evFormerTid);
                case SYSCALL_ENTRY -> e.ops.reportSyscallEntry(e, t, acc, t.syscall);
                case SYSCALL_EXIT -> e.ops.reportSyscallExit(e, t, acc, t.syscall);
                case EXIT -> e.ops.reportExit(e, t, acc, evCode);
                case JCTL -> e.ops.reportJctl(e, t, acc, evStopped, evSignal);
                case DEATH -> e.ops.reportDeath(e, t, evGroupDead, evCode);
                default -> Action.RESUME;
            });
        } catch (TraceeDiedException x) {
            return Action.RESUME; // the thread died under the callback; its death report follows
        } catch (RuntimeException | Error x) {
            return failed(e, "report" + event, x);
        }
    }

    private static Action orResume(Action a) {
        return a == null ? Action.RESUME : a;
    }

    /** An engine that throws is detached, so one faulty engine cannot wedge a thread or the tracer. */
    private Action failed(Engine e, String callback, Throwable x) {
        System.err.println("jutrace: " + e + " failed in " + callback + " and was detached: " + x);
        return Action.DETACH;
    }

    /**
     * The signal pass (utrace-spec §2.5): engines with the classified event get
     * {@code reportSignal} and see the previous engine's disposition; engines with only QUIESCE
     * get {@code reportQuiesce} and pass the disposition through. The last engine called decides
     * the disposition; the resume action is the min.
     */
    private Action signalPass(Task t, SignalReport report) {
        t.splice();
        reportingTask = t;
        Action acc = Action.RESUME;
        stepAcc = Action.RESUME;
        boolean detaches = false;
        int wanted = report.explicit ? Event.QUIESCE.bit()
                : report.classification == null ? Event.SIGNAL_ALL : report.classification.bit();
        ArrayList<Engine> list = t.attached;
        for (int k = 0, n = list.size(); k < n; k++) {
            Engine e = list.get(k);
            if (e.state != Engine.State.ATTACHED) continue;
            int mask = e.mask;
            if ((mask & (wanted | Event.QUIESCE.bit())) == 0) continue;
            reporting = e;
            if (e.holdsStop) acc = Action.STOP;
            Action r;
            try {
                r = (mask & wanted) != 0
                        ? orResume(e.ops.reportSignal(e, t, acc, report))
                        : orResume(e.ops.reportQuiesce(e, t, acc, report.classification()));
                // An explicit report carries no signal: the engine cannot have asked for one.
                if (report.explicit && report.action != SignalAction.HANDLER) {
                    report.action = SignalAction.REPORT;
                }
            } catch (TraceeDiedException x) {
                r = Action.RESUME;
            } catch (RuntimeException | Error x) {
                r = failed(e, "reportSignal", x);
            }
            // REPORT or INTERRUPT here would report again forever: they count as RESUME.
            if (r == Action.REPORT || r == Action.INTERRUPT) r = Action.RESUME;
            acc = apply(e, acc, r);
            if (e.state != Engine.State.ATTACHED) detaches = true;
        }
        reporting = null;
        reportingTask = null;
        if (detaches) t.purge();
        return acc;
    }

    private void reportDeathAndReap(Task t, int status) {
        t.state = Task.State.DEAD;
        t.exitStatus = status;
        t.splice();
        evGroupDead = t.isLeader();
        evCode = status;
        reportingTask = t;
        ArrayList<Engine> list = t.attached;
        for (int k = 0, n = list.size(); k < n; k++) {
            Engine e = list.get(k);
            if (e.state != Engine.State.ATTACHED) continue;
            reporting = e;
            if ((e.mask & Event.QUIESCE.bit()) != 0
                    && callQuiesce(e, t, Action.RESUME, Event.DEATH) == Action.DETACH) {
                markDetached(e);
                continue;
            }
            if ((e.mask & Event.DEATH.bit()) != 0 && callEvent(e, t, Action.RESUME, Event.DEATH) == Action.DETACH) {
                markDetached(e);
            }
        }
        for (int k = 0, n = list.size(); k < n; k++) {
            Engine e = list.get(k);
            if (e.state != Engine.State.ATTACHED) continue;
            reporting = e;
            if ((e.mask & Event.REAP.bit()) != 0) {
                try {
                    e.ops.reportReap(e, t);
                } catch (RuntimeException | Error x) {
                    if (!(x instanceof TraceeDiedException)) failed(e, "reportReap", x);
                }
            }
            markDetached(e);
        }
        reporting = null;
        reportingTask = null;
        t.purge();
    }

    // ==== restarting ================================================================================

    /** The end of a stop right after a pass answered {@code acc}. */
    private void finishStop(Task t, Action acc) {
        Action want = acc == Action.STOP ? stepAcc : acc;
        if (t.stopRequested && t.state == Task.State.STOPPED) {
            // A STOP asked while the thread ran is owed a report at its next stop, and this is it.
            Action r = pass(t, null, false);
            want = Action.min(want, r == Action.STOP ? stepAcc : r);
        }
        finishStop(t, want, false);
    }

    /**
     * The end of every stop: the thread stays stopped while any engine holds it, is let go when no
     * engine is left, and is otherwise restarted in the mode the engines want. {@code want} is the
     * engines' non-STOP wish; {@code released} says the thread was held and an engine just let it
     * go. A REPORT or INTERRUPT owed is paid here, before the thread returns to user mode: a held
     * syscall entry is reported again (RESUMED), an INTERRUPT gets a signal report, anything else
     * a {@code reportQuiesce(null)}.
     */
    private void finishStop(Task t, Action want, boolean released) {
        if (t.state != Task.State.STOPPED) return;
        if (!t.hasEngines() || t.detaching) {
            detachAtStop(t, t.stop == Task.Stop.SIGNAL ? t.injectSignal : 0);
            return;
        }
        Action next = Action.min(t.pending, want);
        if (t.anyEngineHoldsStop()) {
            t.pending = next;
            return;
        }
        t.pending = Action.RESUME;
        if (next == Action.REPORT || next == Action.INTERRUPT) {
            boolean atEntry = t.stop == Task.Stop.SYSCALL && t.syscall.entered;
            if (atEntry && !released) {
                // Not held at entry: the report is owed on the way back to user mode, after the call.
                t.pending = next;
                next = Action.RESUME;
            } else {
                Action r = atEntry ? entryPass(t, true)
                        : next == Action.INTERRUPT ? interruptReport(t) : pass(t, null, false);
                Action wish = r == Action.STOP ? stepAcc : r;
                if (t.anyEngineHoldsStop()) {
                    t.pending = wish;
                    return;
                }
                next = wish == Action.REPORT || wish == Action.INTERRUPT ? Action.RESUME : wish;
            }
        }
        if (t.pending != Action.RESUME) {
            // Make sure the owed report has a stop to happen at.
            t.traceSyscallsOnce = true;
        }
        restart(t, next);
    }

    private void restart(Task t, Action mode) {
        t.flushRegisters();
        int sig = t.injectSignal;
        t.injectSignal = 0;
        int request;
        Task.State after = Task.State.RUNNING;
        if (t.stop == Task.Stop.GROUP && !t.leaveGroupStop) {
            request = Ptrace.PTRACE_LISTEN;
            sig = 0;
            after = Task.State.LISTENING;
        } else if (mode == Action.SINGLESTEP) {
            request = Ptrace.PTRACE_SINGLESTEP;
        } else if (mode == Action.BLOCKSTEP) {
            request = Ptrace.PTRACE_SINGLEBLOCK;
        } else if (t.traceSyscallsOnce || ((t.unionMask & Event.SYSCALL) != 0
                && (!t.seccompCovers || t.syscall.entered))) {
            // Under a seccomp filter that covers every engine, PTRACE_CONT, and seccomp stops
            // report the calls; but a call already entered still owes its exit stop.
            request = Ptrace.PTRACE_SYSCALL;
        } else {
            request = Ptrace.PTRACE_CONT;
        }
        t.traceSyscalls = request == Ptrace.PTRACE_SYSCALL;
        t.stepping = request == Ptrace.PTRACE_SINGLESTEP || request == Ptrace.PTRACE_SINGLEBLOCK;
        t.enteringHandler = t.stepping && t.handlerStep && sig != 0 && handles(t, sig);
        t.handlerStep = false;
        t.traceSyscallsOnce = false;
        t.leaveGroupStop = false;
        long rc = Ptrace.raw(request, t.tid, 0, sig);
        if (DEBUG) System.err.printf("jutrace-debug: restart %d %s sig %d -> %d%n", t.tid, Ptrace.requestName(request), sig, rc);
        if (rc == -Errno.EIO && request == Ptrace.PTRACE_SINGLEBLOCK) {
            rc = Ptrace.raw(Ptrace.PTRACE_SINGLESTEP, t.tid, 0, sig);
        }
        // ESRCH: killed while stopped; waitpid reports the death next.
        t.state = after;
        t.stop = Task.Stop.NONE;
    }

    /**
     * Lets a stopped thread go for good: PTRACE_DETACH, handing it any signal it was stopped for,
     * or the one a facade set to go with the restart (which the kernel sends at a syscall stop).
     */
    private void detachAtStop(Task t, int signal) {
        t.flushRegisters();
        int sig = t.stop == Task.Stop.SIGNAL ? signal : t.injectSignal;
        t.injectSignal = 0;
        Ptrace.raw(Ptrace.PTRACE_DETACH, t.tid, 0, sig);
        forget(t);
    }

    private void forget(Task t) {
        for (Engine e : new ArrayList<>(t.attached)) markDetached(e);
        for (Engine e : new ArrayList<>(t.attaching)) markDetached(e);
        t.purge();
        if (tasks.get(t.tid) == t) tasks.remove(t.tid);
        if (t.state != Task.State.DEAD) {
            t.state = Task.State.DEAD;
            liveTasks--;
            signalIdle();
        }
    }

    private void markDetached(Engine e) {
        if (e.state == Engine.State.DETACHED) return;
        e.state = Engine.State.DETACHED;
        e.holdsStop = false;
        e.put();
    }

    private void addTask(Task t) {
        tasks.put(t.tid, t);
        liveTasks++;
    }

    private void signalIdle() {
        if (liveTasks == 0) {
            synchronized (idleLock) {
                idleLock.notifyAll();
            }
        }
    }

    // ==== engine control (always on the tracer thread) ==============================================

    private Engine doAttachEngine(Task task, EngineOps ops, Object data, Set<AttachFlag> flags) {
        Engine match = null;
        for (Engine e : candidates(task)) {
            if (e.state != Engine.State.ATTACHED) continue;
            if (flags.contains(AttachFlag.MATCH_OPS) && e.ops != ops) continue;
            if (flags.contains(AttachFlag.MATCH_DATA) && e.data != data) continue;
            match = e;
            break;
        }
        if (!flags.contains(AttachFlag.CREATE)) {
            if (match == null) throw new NoSuchEngineException(task);
            return match.get();
        }
        if (ops == null) throw new IllegalArgumentException("an engine needs ops");
        if (flags.contains(AttachFlag.EXCLUSIVE) && match != null) throw new EngineExistsException(task);
        if (task.state == Task.State.DEAD) throw new TraceeDiedException(task.tid);
        Engine e = new Engine(this, task, ops, data);
        // An engine attached during a pass on this task first hears of the next event.
        (reportingTask == task ? task.attaching : task.attached).add(e);
        return e;
    }

    private static List<Engine> candidates(Task task) {
        List<Engine> all = new ArrayList<>(task.attached);
        all.addAll(task.attaching);
        return all;
    }

    /** Whether {@code e} may examine its thread now; throws with the reason when not. */
    void checkExamine(Engine e) {
        Task t = e.task;
        if (e.state != Engine.State.ATTACHED) throw new EngineDetachedException(e);
        if (t.state == Task.State.DEAD) throw new TraceeDiedException(t.tid);
        if (reporting == e && reportingTask == t) return;
        if (!e.holdsStop) {
            throw new IllegalStateException(e + " does not hold " + t + " stopped, so it may not examine it");
        }
        if (t.state != Task.State.STOPPED) {
            throw new IllegalStateException(t + " is still running: the STOP takes effect at its next stop");
        }
    }

    void setRestart(Engine e, int signal, boolean leaveGroupStop) {
        checkExamine(e);
        Task t = e.task;
        t.injectSignal = signal;
        t.leaveGroupStop = leaveGroupStop && t.stop == Task.Stop.GROUP;
    }

    ControlResult setEvents(Engine e, int mask) {
        if (e.state != Engine.State.ATTACHED) throw new EngineDetachedException(e);
        Task t = e.task;
        int deathBits = Event.DEATH.bit() | Event.QUIESCE.bit();
        if (t.state == Task.State.DEAD && (mask & ~e.mask & deathBits) != 0) return ControlResult.ALREADY;
        int before = t.unionMask;
        e.mask = mask;
        t.recomputeMask();
        // A thread running under PTRACE_CONT makes no syscall stops until it is restarted (nor
        // stops for calls its seccomp filter lets through, once an engine wants those too).
        if ((t.unionMask & Event.SYSCALL) != 0 && ((before & Event.SYSCALL) == 0 || !t.seccompCovers)
                && t.state == Task.State.RUNNING && !t.traceSyscalls) {
            t.pending = Action.min(t.pending, Action.RESUME);
            Ptrace.raw(Ptrace.PTRACE_INTERRUPT, t.tid, 0, 0);
        }
        return ControlResult.DONE;
    }

    ControlResult control(Engine e, Action action) {
        Task t = e.task;
        if (e.state != Engine.State.ATTACHED) throw new EngineDetachedException(e);
        if (t.state == Task.State.DEAD) {
            if (action == Action.DETACH) return ControlResult.ALREADY;
            throw new TraceeDiedException(t.tid);
        }
        boolean inPass = reportingTask == t;
        switch (action) {
            case STOP -> {
                e.holdsStop = true;
                if (t.state == Task.State.STOPPED) return ControlResult.DONE;
                if (t.state == Task.State.LISTENING) {
                    // Turn the group stop into a stop the engine holds, so SIGCONT alone cannot wake
                    // it. The thread is stopped either way, so the STOP is already in force.
                    t.stopRequested = false;
                    Ptrace.raw(Ptrace.PTRACE_INTERRUPT, t.tid, 0, 0);
                    return ControlResult.DONE;
                }
                t.stopRequested = true;
                return ControlResult.IN_PROGRESS;
            }
            case REPORT, SINGLESTEP, BLOCKSTEP, INTERRUPT -> {
                if (action != Action.INTERRUPT && (e.mask & Event.QUIESCE.bit()) == 0) {
                    throw new IllegalArgumentException(action + " needs an engine with QUIESCE events");
                }
                e.holdsStop = false;
                t.pending = Action.min(t.pending, action);
                if (t.state == Task.State.STOPPED) {
                    if (!inPass) finishStop(t, Action.RESUME, true);
                    return ControlResult.DONE;
                }
                if (t.state == Task.State.RUNNING && action.compareTo(Action.REPORT) <= 0) {
                    Ptrace.raw(Ptrace.PTRACE_INTERRUPT, t.tid, 0, 0);
                }
                return ControlResult.DONE;
            }
            case RESUME -> {
                e.holdsStop = false;
                if (t.state == Task.State.STOPPED && !inPass) finishStop(t, Action.RESUME, true);
                return ControlResult.DONE;
            }
            case DETACH -> {
                markDetached(e);
                if (!inPass) t.purge();
                if (t.state == Task.State.STOPPED && !inPass) {
                    finishStop(t, Action.RESUME, true);
                } else if (!t.hasEngines() && (t.state == Task.State.RUNNING || t.state == Task.State.LISTENING)) {
                    Ptrace.raw(Ptrace.PTRACE_INTERRUPT, t.tid, 0, 0);
                }
                return ControlResult.DONE;
            }
        }
        throw new IllegalArgumentException("unknown action " + action);
    }

    // ==== spawning, attaching, detaching ============================================================

    private Task doSpawn(Path program, List<String> argv, Map<String, String> environment, Path output,
            Consumer<Task> onStart) {
        if (closing) throw new TraceException("tracer is closed");
        List<String> shim = new ArrayList<>();
        Map<String, String> env = new java.util.LinkedHashMap<>(environment);
        Path bash = Path.of("/bin/bash");
        if (Files.isExecutable(bash)) {
            // bash keeps argv[0] apart from the path (exec -a); it bumps SHLVL, so hand it one less.
            shim.addAll(List.of(bash.toString(), "--norc", "--noprofile", "-c",
                    "kill -STOP $$; exec -a \"$1\" \"$0\" \"${@:2}\"", program.toString()));
            String level = env.get("SHLVL");
            if (level != null && level.matches("[0-9]+")) env.put("SHLVL", String.valueOf(Integer.parseInt(level) - 1));
        } else {
            shim.addAll(List.of("/bin/sh", "-c", "kill -STOP $$; shift; exec \"$0\" \"$@\"", program.toString()));
        }
        shim.addAll(argv);
        List<String> envp = new ArrayList<>(env.size());
        env.forEach((k, v) -> envp.add(k + "=" + v));
        int child = Libc.spawn(shim.get(0), shim, envp, output == null ? null : output.toString());
        long r;
        do {
            r = Libc.waitpidRaw(child, Libc.WUNTRACED | Libc.WALL | Libc.WNOTHREAD);
        } while (r == -Errno.EINTR);
        if (r < 0) throw new ErrnoException("waitpid", (int) -r);
        int status = Libc.waitedStatus(r);
        if ((status & 0xff) != 0x7f) {
            throw new TraceException("the stop shim for " + program + " exited before it could be traced (status 0x"
                    + Integer.toHexString(status) + ")");
        }
        try {
            Ptrace.seize(child, BASE_OPTIONS | Ptrace.PTRACE_O_EXITKILL);
        } catch (ErrnoException e) {
            Libc.killRaw(child, Libc.SIGKILL);
            Libc.waitpidRaw(child, Libc.WALL | Libc.WNOTHREAD);
            throw new TraceException("cannot trace " + program + ": " + e.getMessage(), e);
        }
        Task t = new Task(this, child, child, Task.State.SHIM);
        t.spawned = true;
        addTask(t);
        onStart.accept(t);
        Libc.killRaw(child, Libc.SIGCONT);
        return t;
    }

    private List<Task> doAttach(int pid, Consumer<Task> onAttach) {
        if (closing) throw new TraceException("tracer is closed");
        Path taskDir = Path.of("/proc/" + pid + "/task");
        if (pid <= 0 || !Files.isDirectory(taskDir)) throw new TraceException("attach: pid " + pid + ": No such process");
        if (pid == this.pid) throw new TraceException("attach: pid " + pid + " is jutrace itself");
        List<Task> seized = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        // Threads appear while we attach; read the directory again until it brings nothing new.
        for (boolean more = true; more; ) {
            more = false;
            for (int tid : threadsOf(taskDir)) {
                if (!seen.add(tid)) continue;
                more = true;
                long rc = Ptrace.raw(Ptrace.PTRACE_SEIZE, tid, 0, BASE_OPTIONS);
                if (rc == -Errno.ESRCH) continue; // the thread exited meanwhile
                if (rc < 0) {
                    for (Task t : seized) Ptrace.raw(Ptrace.PTRACE_DETACH, t.tid, 0, 0);
                    for (Task t : seized) forget(t);
                    throw new TraceException("attach: ptrace(PTRACE_SEIZE, " + tid + "): "
                            + Errno.name((int) -rc) + " (" + Errno.describe((int) -rc) + ")");
                }
                Task t = new Task(this, tid, pid, Task.State.RUNNING);
                t.cloneReported = true;
                addTask(t);
                seized.add(t);
            }
        }
        for (Task t : seized) onAttach.accept(t);
        for (Task t : seized) {
            // Bring each thread to a stop once, so it restarts in the mode its engines need.
            t.pending = Action.RESUME;
            Ptrace.raw(Ptrace.PTRACE_INTERRUPT, t.tid, 0, 0);
        }
        return seized;
    }

    private Task doAttachThread(int tid, Consumer<Task> onAttach) {
        if (closing) throw new TraceException("tracer is closed");
        if (tasks.get(tid) != null) throw new ErrnoException("ptrace(PTRACE_SEIZE)", Errno.EPERM);
        int tgid = tgidOf(tid);
        if (tgid == pid) throw new ErrnoException("ptrace(PTRACE_SEIZE)", Errno.EPERM);
        long rc = Ptrace.raw(Ptrace.PTRACE_SEIZE, tid, 0, BASE_OPTIONS);
        if (rc < 0) throw new ErrnoException("ptrace(PTRACE_SEIZE)", (int) -rc);
        Task t = new Task(this, tid, tgid > 0 ? tgid : tid, Task.State.RUNNING);
        t.cloneReported = true;
        addTask(t);
        onAttach.accept(t);
        t.pending = Action.RESUME;
        Ptrace.raw(Ptrace.PTRACE_INTERRUPT, t.tid, 0, 0);
        return t;
    }

    private static List<Integer> threadsOf(Path taskDir) {
        try (Stream<Path> s = Files.list(taskDir)) {
            return s.map(p -> Integer.parseInt(p.getFileName().toString())).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private void beginDetachAll() {
        for (Task t : allTasks()) {
            if (t.seccomp != null && t.state != Task.State.DEAD) {
                // Detached, its filter would fail the traced calls with ENOSYS: a process under a
                // filter cannot outlive its tracer (strace kills the children it started, too).
                // It stays traced, so its death is reported and reaped like any other.
                Libc.killRaw(t.tgid, Libc.SIGKILL);
                continue;
            }
            t.detaching = true;
            switch (t.state) {
                case STOPPED -> detachAtStop(t, t.stop == Task.Stop.SIGNAL ? t.injectSignal : 0);
                case RUNNING, LISTENING, SHIM -> Ptrace.raw(Ptrace.PTRACE_INTERRUPT, t.tid, 0, 0);
                case NEW -> {
                    if (t.firstStopSeen) {
                        t.state = Task.State.STOPPED;
                        detachAtStop(t, 0);
                    }
                }
                case DEAD -> forget(t);
            }
        }
    }
}
