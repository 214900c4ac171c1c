package dev.jutrace.testing.conformance;

/** A conformance check did not hold; the message says what was expected and what happened. */
public final class CheckFailed extends AssertionError {
    private static final long serialVersionUID = 1L;

    public CheckFailed(String message) {
        super(message);
    }
}
