package dev.jutrace.core;

import dev.jutrace.sys.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Classifies a signal by the thread's real dispositions, read from /proc/TID/status (SigIgn,
 * SigCgt), into the signal event that reports it and the action that would follow.
 */
final class Dispositions {
    private Dispositions() {}

    static Event classify(int tid, int sig) {
        long ignored = 0, caught = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + tid + "/status"))) {
                if (line.startsWith("SigIgn:")) ignored = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                else if (line.startsWith("SigCgt:")) caught = Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        } catch (IOException | RuntimeException e) {
            // The thread is dying; classify by default action alone.
        }
        long bit = 1L << (sig - 1);
        if ((ignored & bit) != 0) return Event.SIGNAL_IGN;
        if ((caught & bit) != 0) return Event.SIGNAL;
        return switch (sig) {
            case Libc.SIGQUIT, Libc.SIGILL, Libc.SIGTRAP, Libc.SIGABRT, Libc.SIGBUS, Libc.SIGFPE,
                    Libc.SIGSEGV, 24 /* SIGXCPU */, 25 /* SIGXFSZ */, 31 /* SIGSYS */ -> Event.SIGNAL_CORE;
            case Libc.SIGCHLD, Libc.SIGCONT, 23 /* SIGURG */, 28 /* SIGWINCH */ -> Event.SIGNAL_IGN;
            case Libc.SIGSTOP, Libc.SIGTSTP, Libc.SIGTTIN, Libc.SIGTTOU -> Event.SIGNAL_STOP;
            default -> Event.SIGNAL_TERM;
        };
    }

    static SignalAction defaultAction(Event kind, int sig) {
        return switch (kind) {
            case SIGNAL -> SignalAction.DELIVER;
            case SIGNAL_IGN -> SignalAction.IGN;
            case SIGNAL_CORE -> SignalAction.CORE;
            case SIGNAL_STOP -> sig == Libc.SIGSTOP ? SignalAction.STOP : SignalAction.TSTP;
            default -> SignalAction.TERM;
        };
    }
}
