package dev.jutrace.sys;

/**
 * A {@code waitpid} status word. Each method is one of the C macros; {@link #ptraceEvent()} is
 * the {@code status >> 16} that ptrace adds to event stops.
 */
public record WaitStatus(int raw) {

    /** {@code WIFEXITED}. */
    public boolean exited() {
        return (raw & 0x7f) == 0;
    }

    /** {@code WEXITSTATUS}. */
    public int exitStatus() {
        return (raw >> 8) & 0xff;
    }

    /** {@code WIFSIGNALED}. */
    public boolean signaled() {
        return ((byte) ((raw & 0x7f) + 1) >> 1) > 0;
    }

    /** {@code WTERMSIG}. */
    public int termSig() {
        return raw & 0x7f;
    }

    /** {@code WCOREDUMP}. */
    public boolean coreDumped() {
        return (raw & 0x80) != 0;
    }

    /** {@code WIFSTOPPED}. */
    public boolean stopped() {
        return (raw & 0xff) == 0x7f;
    }

    /** {@code WSTOPSIG}, including the 0x80 bit of a TRACESYSGOOD syscall stop. */
    public int stopSig() {
        return (raw >> 8) & 0xff;
    }

    /** {@code WIFCONTINUED}. */
    public boolean continued() {
        return raw == 0xffff;
    }

    /** {@code status >> 16}: the PTRACE_EVENT_* of an event stop, or 0. */
    public int ptraceEvent() {
        return (raw >>> 16) & 0xffff;
    }

    @Override
    public String toString() {
        if (exited()) return "exited(" + exitStatus() + ")";
        if (signaled()) return "killed(" + termSig() + (coreDumped() ? ", core" : "") + ")";
        if (continued()) return "continued";
        if (stopped()) {
            return "stopped(" + stopSig() + (ptraceEvent() != 0 ? ", event " + ptraceEvent() : "") + ")";
        }
        return String.format("status(0x%x)", raw);
    }
}
