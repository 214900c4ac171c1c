package dev.jutrace.core;

/** The thread is gone: it died or was reaped while the request was made (ESRCH from the kernel). */
public final class TraceeDiedException extends TraceException {
    private static final long serialVersionUID = 1L;

    public TraceeDiedException(int tid) {
        super("thread " + tid + " is gone");
    }
}
