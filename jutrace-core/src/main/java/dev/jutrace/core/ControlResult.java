package dev.jutrace.core;

/**
 * The successful outcomes of {@link Engine#control} and {@link Engine#setEvents}, named after
 * the results utrace gives them. Failures (utrace's -ESRCH and -EINVAL) are exceptions.
 */
public enum ControlResult {
    /** Done: utrace's 0. */
    DONE,
    /**
     * Accepted, but the thread was running or inside this engine's callback, so the effect comes
     * later: utrace's -EINPROGRESS. Call {@link Engine#barrier()} to wait for it.
     */
    IN_PROGRESS,
    /** Too late: the death report has begun and will still be made. utrace's -EALREADY. */
    ALREADY
}
