package dev.jutrace.testing.ptrace;

import dev.jutrace.sys.Errno;

/** How the transcript spells signals, siginfo codes, options and wait flags (kernel names). */
final class Names {
    private Names() {}

    private static final String[] SIGNALS = {"0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP",
        "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM",
        "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG",
        "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    static String signal(int sig) {
        return sig >= 0 && sig < SIGNALS.length ? SIGNALS[sig] : "SIG" + sig;
    }

    static String errno(int errno) {
        return Errno.name(errno);
    }

    /** si_code as the kernel headers name it for this signal. */
    static String siCode(int signo, int code) {
        switch (code) {
            case 0: return "SI_USER";
            case 0x80: return "SI_KERNEL";
            case -1: return "SI_QUEUE";
            case -2: return "SI_TIMER";
            case -6: return "SI_TKILL";
            default: break;
        }
        if (signo == 5) {
            switch (code) {
                case 1: return "TRAP_BRKPT";
                case 2: return "TRAP_TRACE";
                case 3: return "TRAP_BRANCH";
                case 4: return "TRAP_HWBKPT";
                default: break;
            }
        }
        if (signo == 17) {
            String[] cld = {null, "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"};
            if (code > 0 && code < cld.length) return cld[code];
        }
        if (signo == 11 && code == 1) return "SEGV_MAPERR";
        if (signo == 11 && code == 2) return "SEGV_ACCERR";
        return code < 0 ? "-0x" + Integer.toHexString(-code) : "0x" + Integer.toHexString(code);
    }

    private static final String[] OPTIONS = {"PTRACE_O_TRACESYSGOOD", "PTRACE_O_TRACEFORK", "PTRACE_O_TRACEVFORK",
        "PTRACE_O_TRACECLONE", "PTRACE_O_TRACEEXEC", "PTRACE_O_TRACEVFORKDONE", "PTRACE_O_TRACEEXIT",
        "PTRACE_O_TRACESECCOMP"};

    static String options(int options) {
        StringBuilder b = new StringBuilder();
        int rest = options;
        for (int bit = 0; bit < OPTIONS.length; bit++) {
            if ((options & (1 << bit)) != 0) {
                append(b, OPTIONS[bit]);
                rest &= ~(1 << bit);
            }
        }
        if ((rest & (1 << 20)) != 0) {
            append(b, "PTRACE_O_EXITKILL");
            rest &= ~(1 << 20);
        }
        if (rest != 0) append(b, "0x" + Integer.toHexString(rest));
        return b.isEmpty() ? "0" : b.toString();
    }

    static String waitOptions(int options) {
        StringBuilder b = new StringBuilder();
        if ((options & 1) != 0) append(b, "WNOHANG");
        if ((options & 2) != 0) append(b, "WUNTRACED");
        if ((options & 0x40000000) != 0) append(b, "__WALL");
        if ((options & 0x80000000) != 0) append(b, "__WCLONE");
        int rest = options & ~(1 | 2 | 0x40000000 | 0x80000000);
        if (rest != 0) append(b, "0x" + Integer.toHexString(rest));
        return b.isEmpty() ? "0" : b.toString();
    }

    private static void append(StringBuilder b, String name) {
        if (!b.isEmpty()) b.append('|');
        b.append(name);
    }
}
