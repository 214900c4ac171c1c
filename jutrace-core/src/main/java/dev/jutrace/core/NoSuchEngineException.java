package dev.jutrace.core;

/** A lookup without CREATE found no matching engine (utrace's -ENOENT). */
public final class NoSuchEngineException extends TraceException {
    private static final long serialVersionUID = 1L;

    public NoSuchEngineException(Task task) {
        super("no matching engine is attached to " + task);
    }
}
