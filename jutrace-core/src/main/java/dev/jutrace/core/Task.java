package dev.jutrace.core;

import dev.jutrace.sys.Libc;
import dev.jutrace.sys.Ptrace;
import dev.jutrace.sys.Regs;
import java.util.ArrayList;
import java.util.List;

/**
 * One traced thread. Engines attach to a task; examination (registers, memory, the current
 * system call) is valid while the thread is stopped, that is inside a callback or while an engine
 * holds it with {@link Action#STOP}.
 *
 * <p>All mutable state belongs to the tracer thread. Other threads read only the immutable
 * identity and go through {@link Tracer} for everything else.
 */
public final class Task {

    /** Where the real thread is, as far as the tracer knows. */
    enum State {
        /** Known from a clone event; its first stop has not been seen yet. */
        NEW,
        /** Spawned and still in the stop shim: engines have not seen it yet. */
        SHIM,
        /** Restarted by the tracer. */
        RUNNING,
        /** In a ptrace-stop. */
        STOPPED,
        /** In a group stop, restarted with PTRACE_LISTEN: stopped, but not ready for requests. */
        LISTENING,
        /** Its death has been reported. */
        DEAD
    }

    /** The kind of ptrace-stop the thread sits in, which decides how it can be restarted. */
    enum Stop { NONE, SYSCALL, SIGNAL, EVENT, GROUP, INTERRUPT }

    final Tracer tracer;
    volatile int tid;
    int tgid;
    State state;
    Stop stop = Stop.NONE;

    /** Engines the report passes walk, in attach order. */
    final ArrayList<Engine> attached = new ArrayList<>(4);
    /** Engines attached during a pass; spliced onto {@link #attached} at the next pass. */
    final ArrayList<Engine> attaching = new ArrayList<>(2);
    /** The union of the attached engines' masks. */
    int unionMask;

    /** A signal to hand the thread when it is next restarted. */
    int injectSignal;
    /** The next restart from a group stop lets the thread run instead of listening (ptrace's PTRACE_CONT). */
    boolean leaveGroupStop;
    /** The one-shot action (REPORT, INTERRUPT, a step) still owed to the thread. */
    Action pending = Action.RESUME;
    /** A clone event seen before the child's first stop, or a first stop seen before its clone event. */
    boolean firstStopSeen;
    boolean detaching;
    boolean spawned;
    /** The parent's clone pass has run (or the thread was attached), so its first stop may be let go. */
    boolean cloneReported;
    /** Set by an exec from a non-leader thread: the tid the thread had before. */
    int formerTid;
    /** Whether the last restart was PTRACE_SYSCALL. */
    boolean traceSyscalls;
    /** The signal just decided on runs a handler: a step from here lands on its first instruction. */
    boolean handlerStep;
    /** Stepped into a signal handler: the step trap is reported as HANDLER. */
    boolean enteringHandler;
    /** Restarted with a step: the next SIGTRAP is the tracer's own trap. */
    boolean stepping;
    /** The stop signal of a group stop the thread was born into, or 0. */
    int firstStopSignal;
    /** The shim's execve exit is still to come; engines never saw that call begin. */
    boolean shimExecExit;
    /** Its EXIT pass has run. */
    boolean exitReported;
    /** An engine asked for STOP while the thread ran: its next stop owes a quiesce report. */
    boolean stopRequested;
    /** Restart with PTRACE_SYSCALL once, so that an owed report gets a stop to happen at. */
    boolean traceSyscallsOnce;
    /** The calls the seccomp filter this thread runs under traces, or null without one. */
    java.util.BitSet seccomp;
    /** Every engine wanting syscall events wants only calls in {@link #seccomp}: PTRACE_CONT will do. */
    boolean seccompCovers;
    int exitStatus = -1;
    /** For a leader that vanished because another thread exec'd: that thread's former tid. */
    int supersededBy;

    final Syscall syscall = new Syscall(this);
    final SignalReport signal = new SignalReport(this);

    private final long[] regs = new long[Ptrace.REGS_WORDS];
    private int regsStop = -1;
    private boolean regsDirty;
    /** Counts stops, so caches know when they went stale. */
    int stopCount;

    Task(Tracer tracer, int tid, int tgid, State state) {
        this.tracer = tracer;
        this.tid = tid;
        this.tgid = tgid;
        this.state = state;
    }

    /** The thread id. It changes once, when a non-leader thread execs and takes the leader's id. */
    public int tid() {
        return tid;
    }

    /** The process (thread group) id. */
    public int tgid() {
        return tgid;
    }

    public boolean isLeader() {
        return tid == tgid;
    }

    public Tracer tracer() {
        return tracer;
    }

    /** Whether the thread is in a ptrace-stop now; only meaningful on the tracer thread. */
    public boolean isStopped() {
        return state == State.STOPPED;
    }

    public boolean isDead() {
        return state == State.DEAD;
    }

    /**
     * For a thread group leader whose death was reported because another thread of its process
     * called execve and took over its tid: that thread's former tid. Otherwise 0.
     */
    public int supersededBy() {
        return supersededBy;
    }

    /** Whether this task was started by {@link Tracer#spawn}, or descends from one that was. */
    public boolean isSpawned() {
        return spawned;
    }

    /** The wait status the thread died with, or -1 while it lives. */
    public int exitStatus() {
        return exitStatus;
    }

    /** The engines attached now, in attach order. A copy; for inspection only. */
    public List<Engine> engines() {
        tracer.checkThread();
        List<Engine> all = new ArrayList<>(attached);
        all.addAll(attaching);
        all.removeIf(e -> e.state != Engine.State.ATTACHED);
        return all;
    }

    // ---- examination --------------------------------------------------------------------------

    /** The system call the thread is in at a syscall stop. */
    public Syscall syscall() {
        checkStopped();
        return syscall;
    }

    /**
     * The thread's registers (x86_64 {@code user_regs_struct}, indexed by {@link Regs}), read
     * once per stop. The array is owned by the task; do not keep it past the stop.
     */
    public long[] registers() {
        checkStopped();
        if (regsStop != stopCount) {
            if (Ptrace.getRegsRaw(tid, regs) < 0) throw new TraceeDiedException(tid);
            regsStop = stopCount;
        }
        return regs;
    }

    /** The stack pointer at this stop. */
    public long stackPointer() {
        return registers()[Regs.RSP];
    }

    /** The instruction pointer at this stop. */
    public long instructionPointer() {
        return registers()[Regs.RIP];
    }

    /** Sets one register; written back to the thread before it is restarted. */
    public void writeRegister(int index, long value) {
        registers()[index] = value;
        regsDirty = true;
    }

    /**
     * Writes all registers at once, now rather than at the restart, so that the kernel's checks
     * (a bad segment selector, a non-canonical base) fail here with its errno, as PTRACE_SETREGS does.
     *
     * @throws dev.jutrace.sys.ErrnoException with the kernel's errno (EIO) when it refuses them
     */
    public void setRegisters(long[] values) {
        checkStopped();
        Ptrace.setRegs(tid, values);
        System.arraycopy(values, 0, regs, 0, regs.length);
        regsDirty = false;
        regsStop = -1; // the kernel may have adjusted some (eflags): read back on next use
    }

    /** PTRACE_PEEKUSER: a word of {@code struct user}, e.g. a debug register. */
    public long peekUser(long offset) {
        checkStopped();
        flushRegisters();
        return Ptrace.peekUser(tid, offset);
    }

    /** PTRACE_POKEUSER; the kernel's refusals (EIO) come back as its errno. */
    public void pokeUser(long offset, long value) {
        checkStopped();
        flushRegisters();
        Ptrace.pokeUser(tid, offset, value);
        regsStop = -1;
    }

    /** Keeps a cached register set true to a call rewritten behind its back. */
    void syncRegisters(long nr, long[] args) {
        if (regsStop != stopCount) return;
        regs[Regs.ORIG_RAX] = nr;
        for (int i = 0; i < 6; i++) regs[Regs.SYSCALL_ARGS[i]] = args[i];
    }

    void flushRegisters() {
        if (regsDirty) {
            regsDirty = false;
            if (regsStop == stopCount) Ptrace.setRegs(tid, regs);
        }
    }

    void newStop() {
        stopCount++;
        regsDirty = false;
    }

    /**
     * Reads tracee memory into {@code buffer}. Returns the bytes read, short at an unmapped page,
     * or -1 when nothing at {@code address} is readable. Safe while the thread is stopped.
     */
    public int readMemory(long address, byte[] buffer, int offset, int length) {
        long n = Libc.readMemoryRaw(tid, address, buffer, offset, length);
        return n < 0 ? -1 : (int) n;
    }

    /**
     * Writes tracee memory, through /proc/PID/mem when the page is not writable (text), as a
     * debugger needs. Returns bytes written.
     */
    public int writeMemory(long address, byte[] buffer, int offset, int length) {
        checkStopped();
        long n = Libc.writeMemoryRaw(tid, address, buffer, offset, length);
        if (n == length) return (int) n;
        int fd = Libc.openProcMem(tid);
        try {
            long w = Libc.pwriteProcMem(fd, address, buffer, offset, length);
            if (w < 0) throw new dev.jutrace.sys.ErrnoException("pwrite(/proc/" + tid + "/mem)", (int) -w);
            return (int) w;
        } finally {
            Libc.close(fd);
        }
    }

    private void checkStopped() {
        tracer.checkThread();
        if (state != State.STOPPED) {
            throw new IllegalStateException(this + " is not stopped, so it cannot be examined");
        }
    }

    // ---- engine bookkeeping -------------------------------------------------------------------

    void recomputeMask() {
        int m = 0;
        for (int i = 0; i < attached.size(); i++) {
            Engine e = attached.get(i);
            if (e.state == Engine.State.ATTACHED) m |= e.mask;
        }
        for (int i = 0; i < attaching.size(); i++) {
            Engine e = attaching.get(i);
            if (e.state == Engine.State.ATTACHED) m |= e.mask;
        }
        unionMask = m;
        seccompCovers = seccomp != null && SeccompFilter.covers(seccomp, attached, attaching);
    }

    boolean anyEngineHoldsStop() {
        for (int i = 0; i < attached.size(); i++) {
            Engine e = attached.get(i);
            if (e.holdsStop && e.state == Engine.State.ATTACHED) return true;
        }
        for (int i = 0; i < attaching.size(); i++) {
            Engine e = attaching.get(i);
            if (e.holdsStop && e.state == Engine.State.ATTACHED) return true;
        }
        return false;
    }

    boolean hasEngines() {
        return !attached.isEmpty() || !attaching.isEmpty();
    }

    void splice() {
        if (!attaching.isEmpty()) {
            attached.addAll(attaching);
            attaching.clear();
        }
    }

    /** Drops engines that are fully detached from the lists. */
    void purge() {
        attached.removeIf(e -> e.state == Engine.State.DETACHED);
        attaching.removeIf(e -> e.state == Engine.State.DETACHED);
        recomputeMask();
    }

    @Override
    public String toString() {
        return "task " + tid;
    }
}
