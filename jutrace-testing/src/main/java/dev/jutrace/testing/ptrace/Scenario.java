package dev.jutrace.testing.ptrace;

/**
 * One script against {@link dev.jutrace.ptrace.Ptrace}: an id that names its transcript file
 * ({@code s01-attach-running}, {@code c27-attach-eperm}), a title, the test or spec case it comes
 * from, and the body.
 */
public record Scenario(String id, String title, String source, Body body) {

    /** The script itself; it writes to the transcript through {@link Script} and checks as it goes. */
    @FunctionalInterface
    public interface Body {
        void run(Script s);
    }

    @Override
    public String toString() {
        return id;
    }
}
