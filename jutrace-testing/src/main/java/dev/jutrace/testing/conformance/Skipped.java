package dev.jutrace.testing.conformance;

/** A case cannot run on this machine (no compiler, a kernel feature missing); the message says why. */
public final class Skipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Skipped(String reason) {
        super(reason);
    }
}
