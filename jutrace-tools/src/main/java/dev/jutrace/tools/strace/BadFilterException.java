package dev.jutrace.tools.strace;

/**
 * A qualifying expression that names nothing strace would accept. The message is strace's own
 * one-line complaint, such as {@code invalid system call 'foo'}, without the program name.
 */
public final class BadFilterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final boolean suggestHelp;

    public BadFilterException(String message) {
        this(message, false);
    }

    /** {@code suggestHelp}: strace follows this complaint with its "Try 'strace -h'" line. */
    public BadFilterException(String message, boolean suggestHelp) {
        super(message);
        this.suggestHelp = suggestHelp;
    }

    public boolean suggestHelp() {
        return suggestHelp;
    }
}
