package dev.jutrace.core;

/** The engine is detached or detaching, so it can no longer be used (utrace's -ESRCH). */
public final class EngineDetachedException extends TraceException {
    private static final long serialVersionUID = 1L;

    public EngineDetachedException(Engine engine) {
        super(engine + " is detached");
    }
}
