package dev.jutrace.testing.ptrace;

import dev.jutrace.sys.Errno;
import dev.jutrace.sys.Libc;
import dev.jutrace.sys.Ptrace;

/** The kernel numbers the scenarios use, under their kernel names, for one static import. */
final class Consts {
    private Consts() {}

    static final int SIGINT = Libc.SIGINT, SIGQUIT = Libc.SIGQUIT, SIGTRAP = Libc.SIGTRAP, SIGABRT = Libc.SIGABRT,
            SIGKILL = Libc.SIGKILL, SIGUSR1 = Libc.SIGUSR1, SIGUSR2 = Libc.SIGUSR2, SIGPIPE = Libc.SIGPIPE,
            SIGALRM = Libc.SIGALRM, SIGCHLD = Libc.SIGCHLD, SIGCONT = Libc.SIGCONT, SIGSTOP = Libc.SIGSTOP;

    static final int PTRACE_O_TRACESYSGOOD = Ptrace.PTRACE_O_TRACESYSGOOD, PTRACE_O_TRACEFORK = Ptrace.PTRACE_O_TRACEFORK,
            PTRACE_O_TRACEVFORK = Ptrace.PTRACE_O_TRACEVFORK, PTRACE_O_TRACECLONE = Ptrace.PTRACE_O_TRACECLONE,
            PTRACE_O_TRACEEXEC = Ptrace.PTRACE_O_TRACEEXEC, PTRACE_O_TRACEVFORKDONE = Ptrace.PTRACE_O_TRACEVFORKDONE,
            PTRACE_O_TRACEEXIT = Ptrace.PTRACE_O_TRACEEXIT;

    static final int EPERM = Errno.EPERM, ESRCH = Errno.ESRCH, EIO = Errno.EIO, EINVAL = Errno.EINVAL,
            ENOSYS = Errno.ENOSYS;

    /** x86_64 system call numbers. */
    static final int NR_READ = 0, NR_POLL = 7, NR_PAUSE = 34, NR_CLONE = 56, NR_EXECVE = 59, NR_KILL = 62,
            NR_GETPPID = 110, NR_RESTART_SYSCALL = 219, NR_CLOCK_NANOSLEEP = 230, NR_EXIT_GROUP = 231;

    /** -ERESTART_RESTARTBLOCK, what an interrupted sleep leaves in rax. */
    static final long ERESTART_RESTARTBLOCK = -516;

    /** Status words: a stop for a signal, an event stop, an exit. */
    static int stop(int signal) {
        return signal << 8 | 0x7f;
    }

    static int event(int event) {
        return event << 16 | 0x57f;
    }

    static int exit(int code) {
        return code << 8;
    }

    static final int SYSCALL_STOP = 0x57f, SYSGOOD_STOP = 0x857f;
    static final int PTRACE_EVENT_FORK = 1, PTRACE_EVENT_VFORK = 2, PTRACE_EVENT_CLONE = 3, PTRACE_EVENT_EXEC = 4,
            PTRACE_EVENT_VFORK_DONE = 5, PTRACE_EVENT_EXIT = 6;

    /** Byte offsets in x86_64 {@code struct user}. */
    static long user(int regIndex) {
        return 8L * regIndex;
    }

    static long debugReg(int n) {
        return dev.jutrace.ptrace.Ptrace.USER_DEBUGREG_OFFSET + 8L * n;
    }
}
