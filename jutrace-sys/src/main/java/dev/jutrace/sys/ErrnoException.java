package dev.jutrace.sys;

/**
 * A system call failed. The message has one format everywhere:
 * {@code ptrace(PTRACE_CONT) failed: ESRCH (No such process)}.
 */
public class ErrnoException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operation;
    private final int errno;

    public ErrnoException(String operation, int errno) {
        super(operation + " failed: " + Errno.name(errno) + " (" + Errno.describe(errno) + ")");
        this.operation = operation;
        this.errno = errno;
    }

    /** The call that failed, as in {@code ptrace(PTRACE_SEIZE)}. */
    public String operation() {
        return operation;
    }

    public int errno() {
        return errno;
    }

    /** The constant's name, such as {@code ESRCH}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** Raises the exception for a {@code -errno} result, or returns the non-negative result. */
    static long check(long result, String operation) {
        if (result < 0) {
            throw new ErrnoException(operation, (int) -result);
        }
        return result;
    }
}
