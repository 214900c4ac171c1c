package dev.jutrace.ptrace;

/**
 * What waitpid returned: the tid and the kernel-format status word, e.g. {@code 0x137f} for a
 * SIGSTOP stop, {@code 0x857f} for a syscall stop under TRACESYSGOOD, {@code (event<<16)|0x57f}
 * for an event stop, {@code 0x2a00} for exit(42), {@code 0x9} for death by SIGKILL.
 */
public record WaitResult(int tid, int status) {

    /** WNOHANG found nothing: waitpid returned 0. */
    public static final WaitResult NOTHING = new WaitResult(0, 0);

    public boolean isNothing() {
        return tid == 0;
    }

    public boolean stopped() {
        return tid != 0 && (status & 0xff) == 0x7f;
    }

    public boolean exited() {
        return tid != 0 && (status & 0x7f) == 0;
    }

    public boolean signaled() {
        return tid != 0 && !stopped() && !exited() && (status & 0xffff) != 0xffff;
    }

    /** The stop signal (with TRACESYSGOOD's 0x80 bit) of a stop. */
    public int stopSignal() {
        return (status >> 8) & 0xff;
    }

    /** The PTRACE_EVENT_* of an event stop, 0 otherwise. */
    public int event() {
        return status >>> 16;
    }

    @Override
    public String toString() {
        return isNothing() ? "0" : "tid " + tid + " status 0x" + Integer.toHexString(status);
    }
}
