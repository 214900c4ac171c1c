package dev.jutrace.core;

/**
 * What an engine asks of a thread when a callback returns or when it calls
 * {@link Engine#control}. The declaration order is the strength order: when several engines
 * answer, the smallest (most constrained) wins.
 */
public enum Action {
    /** Keep the thread stopped until this engine says otherwise. The only sticky action. */
    STOP,
    /** Kick the thread out of a blocking call and report before it returns to user mode. */
    INTERRUPT,
    /** Report once more (a quiesce callback) before the thread returns to user mode. */
    REPORT,
    /** Resume for one instruction. */
    SINGLESTEP,
    /** Resume until the next branch; single-steps where the CPU cannot block-step. */
    BLOCKSTEP,
    /** Resume normally; the neutral answer. */
    RESUME,
    /** Detach this engine; resumes as far as this engine is concerned. */
    DETACH;

    /** The stronger of two actions. */
    public static Action min(Action a, Action b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
