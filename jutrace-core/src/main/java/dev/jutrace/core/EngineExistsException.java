package dev.jutrace.core;

/** An exclusive attach found a matching engine already attached (utrace's -EEXIST). */
public final class EngineExistsException extends TraceException {
    private static final long serialVersionUID = 1L;

    public EngineExistsException(Task task) {
        super("an engine matching this one is already attached to " + task);
    }
}
