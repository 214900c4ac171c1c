package dev.jutrace.core;

import dev.jutrace.sys.Regs;


/**
 * The system call a thread is in, as syscall callbacks see it. One instance per task, refilled at
 * each syscall stop: the arguments read at entry stay readable at exit.
 */
public final class Syscall {
    private final Task task;
    final long[] info = new long[12];
    int nr = -1;
    final long[] args = new long[6];
    long returnValue;
    boolean error;
    boolean aborted;
    boolean resumed;
    boolean entered;
    boolean seccomp;
    /** An engine changed an argument at this entry. */
    boolean argsChanged;
    /** Marks engines leave for each other: the result was injected, the call was delayed. */
    boolean injected;
    boolean delayed;
    /** A signal asked for at a seccomp stop, which the kernel would drop: handed over at the exit. */
    int deferredSignal;

    Syscall(Task task) {
        this.task = task;
    }

    void loadEntry() {
        nr = (int) info[4];
        System.arraycopy(info, 5, args, 0, 6);
        aborted = false;
        resumed = false;
        argsChanged = false;
        injected = false;
        delayed = false;
        deferredSignal = 0;
        entered = true;
    }

    /** An exit stop with no entry seen: the registers still name the call and its arguments. */
    void loadUnenteredExit(long[] regs) {
        nr = (int) regs[Regs.ORIG_RAX];
        for (int i = 0; i < 6; i++) args[i] = regs[Regs.SYSCALL_ARGS[i]];
        aborted = false;
        resumed = false;
        argsChanged = false;
    }

    void loadExit() {
        returnValue = info[4];
        error = info[5] != 0;
        entered = false;
        if (deferredSignal != 0) {
            task.injectSignal = deferredSignal;
            deferredSignal = 0;
        }
    }

    /** The system call number (x86_64 numbering). */
    public int number() {
        return nr;
    }

    /** Argument {@code i}, 0 to 5, as read at entry. */
    public long arg(int i) {
        return args[i];
    }

    /** Changes argument {@code i} before the call runs; only meaningful at entry. */
    public void setArg(int i, long value) {
        args[i] = value;
        argsChanged = true;
    }

    /** The raw return value ({@code -errno} on failure); meaningful at exit. */
    public long returnValue() {
        return returnValue;
    }

    /** Whether the kernel flags the return value as an error. */
    public boolean isError() {
        return error;
    }

    /** Replaces the value the call returns to the thread; only meaningful at exit. */
    public void setReturnValue(long value) {
        returnValue = value;
        error = value < 0 && value > -4096;
        task.writeRegister(Regs.RAX, value);
    }

    /** The instruction pointer just past the syscall instruction. */
    public long instructionPointer() {
        return info[2];
    }

    /** Whether an earlier engine in this pass asked to skip the call. */
    public boolean aborted() {
        return aborted;
    }

    /** Skips the call: it returns -ENOSYS unless an exit callback sets another value. */
    public void abort() {
        aborted = true;
    }

    /** Runs the call after all, undoing an earlier engine's {@link #abort}. */
    public void run() {
        aborted = false;
    }

    /** Whether this entry report repeats one after which the thread was stopped. */
    public boolean resumed() {
        return resumed;
    }

    /**
     * Has the kernel send {@code signal} to the thread as it resumes from this syscall stop
     * (siginfo {@code si_code=SI_KERNEL}), as a tracer restarting a syscall stop with a signal
     * does. Asked at a seccomp stop, where the kernel drops a restart signal, it is sent at the
     * call's exit stop instead.
     */
    public void deliverSignal(int signal) {
        if (entered && seccomp) deferredSignal = signal;
        else task.injectSignal = signal;
    }

    /**
     * Marks the call's result as injected by an engine (a fault injector), so that an engine
     * printing it can say so, as strace's {@code (INJECTED)}. Cleared at the next entry.
     */
    public void markInjected() {
        injected = true;
    }

    /** Whether an engine marked this call's result as injected. */
    public boolean injected() {
        return injected;
    }

    /** Marks the call as delayed by an engine, as strace's {@code (DELAYED)}. Cleared at the next entry. */
    public void markDelayed() {
        delayed = true;
    }

    /** Whether an engine marked this call as delayed. */
    public boolean delayed() {
        return delayed;
    }

    /** Whether the stop came from a seccomp filter rather than from syscall tracing. */
    public boolean viaSeccomp() {
        return seccomp;
    }
}
