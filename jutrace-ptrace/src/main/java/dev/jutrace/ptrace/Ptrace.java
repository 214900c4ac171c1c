package dev.jutrace.ptrace;

import dev.jutrace.sys.ErrnoException;
import java.util.List;

/**
 * ptrace(2) and the tracer's side of wait(2), one method per request. Every request takes the
 * tracee's tid and fails as the kernel fails, with an {@link ErrnoException} carrying the same
 * errno ({@code ESRCH} for a tracee that is not stopped or not ours, {@code EIO} for a bad signal
 * number, and so on); a caller can run one script against either backend and compare what it saw.
 *
 * <p>Signals are numbers ({@code 0} for none), options are {@code PTRACE_O_*} bits, registers are
 * the 27 words of x86_64's {@code user_regs_struct} in its order, siginfo is the kernel's 128-byte
 * {@code siginfo_t}, and user-area offsets are byte offsets into {@code struct user}.
 *
 * <p>Threads: {@code KernelPtrace} inherits the kernel's rule that only the thread that became
 * the tracer may make requests, so a script runs on one thread from start to end. The engine
 * backend accepts any thread but is used the same way.
 */
public interface Ptrace extends AutoCloseable {

    // ==== tracees ===================================================================================

    /**
     * Starts {@code argv} (argv[0] an absolute path) as a child that calls {@code PTRACE_TRACEME}
     * itself before doing anything observable; the calling tracer is then its tracer. Programs
     * started this way must ignore the result of that call: under {@code EnginePtrace} the real
     * attachment belongs to the tracer thread and the call fails, while the facade treats the
     * child as having made it.
     *
     * @return the child's pid
     */
    int spawnTraceme(List<String> argv);

    /**
     * Starts {@code argv} as an untraced child of the calling thread, for scripts that attach to a
     * running process. The caller reaps it with {@link #reap}.
     */
    int spawn(List<String> argv);

    /**
     * Waits for an untraced child started by {@link #spawn} to end, as the real parent would, and
     * returns its wait status.
     */
    int reap(int pid);

    // ==== attaching =================================================================================

    /** PTRACE_ATTACH: traces {@code tid} and sends it SIGSTOP, whose stop is the first report. */
    void attach(int tid);

    /** PTRACE_SEIZE with {@code options}: traces {@code tid} without stopping it. */
    void seize(int tid, int options);

    /** PTRACE_INTERRUPT, for a seized tracee. */
    void interrupt(int tid);

    /** PTRACE_LISTEN, for a seized tracee in a group stop. */
    void listen(int tid);

    // ==== resuming ==================================================================================

    /** PTRACE_CONT, delivering {@code signal} where the stop allows one. */
    void cont(int tid, int signal);

    /** PTRACE_SYSCALL: resumes to the next syscall entry or exit. */
    void syscall(int tid, int signal);

    /** PTRACE_SINGLESTEP. */
    void singlestep(int tid, int signal);

    /** PTRACE_SINGLEBLOCK: resumes to the next branch. */
    void singleblock(int tid, int signal);

    /** PTRACE_KILL. */
    void kill(int tid);

    /** PTRACE_DETACH, delivering {@code signal} where the stop allows one. */
    void detach(int tid, int signal);

    // ==== state =====================================================================================

    /** PTRACE_SETOPTIONS. */
    void setOptions(int tid, int options);

    /** PTRACE_GETEVENTMSG. */
    long getEventMsg(int tid);

    /** PTRACE_GETSIGINFO: the 128-byte siginfo of the current stop. */
    byte[] getSigInfo(int tid);

    /** PTRACE_SETSIGINFO. */
    void setSigInfo(int tid, byte[] siginfo);

    /** PTRACE_PEEKDATA. */
    long peekData(int tid, long address);

    /** PTRACE_POKEDATA. */
    void pokeData(int tid, long address, long word);

    /** PTRACE_PEEKUSER at a byte offset into {@code struct user}. */
    long peekUser(int tid, long offset);

    /** PTRACE_POKEUSER. */
    void pokeUser(int tid, long offset, long word);

    /** PTRACE_GETREGS: a fresh array of the 27 general registers. */
    long[] getRegs(int tid);

    /** PTRACE_SETREGS. */
    void setRegs(int tid, long[] regs);

    // ==== waiting ===================================================================================

    /**
     * waitpid for a tracee: {@code pid} is a tid or -1 for any, {@code options} the
     * {@code WNOHANG}/{@code __WALL}/{@code __WCLONE} bits. Blocks until something is reportable,
     * unless WNOHANG.
     *
     * @return the report; {@link WaitResult#NOTHING} for WNOHANG when nothing is pending
     * @throws ErrnoException ECHILD when there is nothing to wait for
     */
    WaitResult waitpid(int pid, int options);

    /**
     * The tid of the thread the kernel sees as the tracer: the calling thread for the kernel
     * backend, the tracer thread for the engine backend. It is what the kernel puts in si_pid
     * when a restart changes the signal.
     */
    int tracerTid();

    /**
     * Ends the facade as a test harness wants it: kills what it started ({@link #spawn},
     * {@link #spawnTraceme} and their traced descendants) and reaps it; detaches, as they are,
     * the processes it attached to but did not start.
     */
    @Override
    void close();

    // ==== constants =================================================================================

    /** Byte offset of {@code struct user}'s {@code u_debugreg[0]} on x86_64. */
    long USER_DEBUGREG_OFFSET = 848;

    /** Byte offset of register {@code index} (user_regs_struct order) in {@code struct user}. */
    static long userRegOffset(int index) {
        return 8L * index;
    }
}
