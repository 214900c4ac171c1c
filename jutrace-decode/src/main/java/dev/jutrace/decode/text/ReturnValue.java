package dev.jutrace.decode.text;

import dev.jutrace.decode.Errno;

/**
 * The end of a syscall line: {@code )}, padding to strace's return column, and the value:
 * {@code = 3}, {@code = -1 ENOENT (No such file or directory)},
 * {@code = ? ERESTARTSYS (To be restarted if SA_RESTART is set)}, {@code = 0x7f3c2a1b2000}.
 */
public final class ReturnValue {

    /** strace's default alignment column for {@code =}, counted from the start of the line. */
    public static final int COLUMN = 40;

    private ReturnValue() {}

    /** Appends {@code )}, the padding and the return value {@code ret} (the raw rax) in {@code style}. */
    public static void append(StringBuilder out, long ret, ReturnStyle style) {
        closeParen(out);
        if (Errno.isError(ret)) {
            appendError(out, (int) -ret);
            return;
        }
        switch (style) {
            case DECIMAL -> out.append(ret);
            case HEX -> Numbers.appendHex(out, ret);
            case OCTAL -> Numbers.appendMode(out, ret);
        }
    }

    /**
     * Appends {@code )}, the padding and {@code = }, for a caller that prints the value itself:
     * a successful value strace explains, as {@code 0x1 (flags FD_CLOEXEC)}.
     */
    public static void appendEquals(StringBuilder out) {
        closeParen(out);
    }

    /** Appends {@code )}, the padding and {@code ?}: the call never returned (exit_group, or the tracee died in it). */
    public static void appendUnknown(StringBuilder out) {
        closeParen(out);
        out.append('?');
    }

    private static void appendError(StringBuilder out, int errno) {
        String name = Errno.name(errno);
        if (name == null) {
            out.append("-1 (errno ").append(errno).append(')');
            return;
        }
        // A restart code never reaches the caller, so there is no -1 to show.
        out.append(Errno.isRestart(errno) ? "? " : "-1 ").append(name)
                .append(" (").append(Errno.message(errno)).append(')');
    }

    /**
     * Appends {@code )} and then {@code = } at column {@link #COLUMN}, or one space later when the
     * line is already that long. The column counts from the last newline in {@code out}, so a
     * caller's pid prefix counts, as it does in strace.
     */
    private static void closeParen(StringBuilder out) {
        out.append(')');
        int column = out.length() - (lastNewline(out) + 1);
        if (column < COLUMN) {
            for (; column < COLUMN; column++) {
                out.append(' ');
            }
            out.append("= ");
        } else {
            out.append(" = ");
        }
    }

    private static int lastNewline(StringBuilder out) {
        for (int i = out.length() - 1; i >= 0; i--) {
            if (out.charAt(i) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
