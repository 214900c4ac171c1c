package dev.jutrace.core;

import dev.jutrace.sys.Ptrace;

/**
 * The signal a {@link EngineOps#reportSignal} callback is shown, and what engines decide about
 * it. One instance per task, reused at every signal stop; valid only during the callback.
 */
public final class SignalReport {
    private final Task task;
    final byte[] siginfo = new byte[Ptrace.SIGINFO_BYTES];
    int signal;
    SignalAction action = SignalAction.DELIVER;
    boolean hold;
    boolean siginfoLoaded;
    Event classification;

    SignalReport(Task task) {
        this.task = task;
    }

    /** The signal the thread stopped for, before engines rewrote it. */
    int original;
    /** An explicit report (REPORT, HANDLER): no signal, no classification. */
    boolean explicit;

    /**
     * Starts a report of {@code signal}. A null {@code classification} is worked out from /proc
     * only if an engine asks: most signal reports (the strace engine's) never need it.
     */
    void reset(int signal, SignalAction initial, Event classification) {
        this.signal = signal;
        this.original = signal;
        this.action = initial;
        this.classification = classification;
        this.explicit = initial == SignalAction.REPORT || initial == SignalAction.HANDLER;
        this.hold = false;
        this.siginfoLoaded = false;
    }

    /** Whether anything decided the disposition; when not, the signal goes on as the thread would take it. */
    boolean decided() {
        return action != null;
    }

    /** The signal number that will be acted on; engines may rewrite it. */
    public int signal() {
        return signal;
    }

    public void setSignal(int signal) {
        this.signal = signal;
    }

    /** The disposition the previous engine chose (initially the thread's own). */
    public SignalAction action() {
        if (action == null) action = Dispositions.defaultAction(classification(), original);
        return action;
    }

    public void setAction(SignalAction action) {
        this.action = action;
    }

    /** Which signal event this is, from the thread's real dispositions. */
    public Event classification() {
        if (classification == null && !explicit) classification = Dispositions.classify(task.tid(), original);
        return classification;
    }

    /** Asks for the signal to be queued again after this report, so it is seen once more. */
    public void hold() {
        this.hold = true;
    }

    /** The raw 128-byte {@code siginfo_t}, read from the kernel on first use. */
    public byte[] siginfo() {
        if (!siginfoLoaded) {
            if (Ptrace.getSiginfoRaw(task.tid(), siginfo) < 0) java.util.Arrays.fill(siginfo, (byte) 0);
            siginfoLoaded = true;
        }
        return siginfo;
    }

    /** {@code si_code} of the siginfo. */
    public int code() {
        byte[] si = siginfo();
        return (si[8] & 0xff) | (si[9] & 0xff) << 8 | (si[10] & 0xff) << 16 | si[11] << 24;
    }
}
