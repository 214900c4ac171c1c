package dev.jutrace.testing.ptrace;

/** A scenario's check did not hold; the message says what was expected and what was seen. */
public final class ScenarioFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioFailed(String message) {
        super(message);
    }
}
