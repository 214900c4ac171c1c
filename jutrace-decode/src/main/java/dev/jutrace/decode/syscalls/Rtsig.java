package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;

/**
 * rt_sigsuspend(2), rt_sigpending(2), rt_sigtimedwait(2), rt_sigqueueinfo(2),
 * rt_tgsigqueueinfo(2). rt_sigtimedwait returns the signal it took, and strace names it.
 */
final class Rtsig {

    private Rtsig() {}

    static void register(Registrar r) {
        r.add("rt_sigsuspend", Decoder.atEntry(Rtsig::rtSigsuspend));
        r.add("rt_sigpending", Decoder.split((args, out) -> {}, Rtsig::rtSigpending));
        r.add("rt_sigtimedwait", Decoder.annotated(Rtsig::rtSigtimedwaitEntry, Rtsig::rtSigtimedwaitExit, Rtsig::signalName));
        r.add("rt_sigqueueinfo", Decoder.atEntry(Rtsig::rtSigqueueinfo));
        r.add("rt_tgsigqueueinfo", Decoder.atEntry(Rtsig::rtTgsigqueueinfo));
    }

    /** rt_sigsuspend(const sigset_t *mask, size_t sigsetsize) */
    private static void rtSigsuspend(long[] args, ArgWriter out) {
        long mask = args[0], sigsetsize = args[1];
        Sigaction.sigset(mask, sigsetsize, out);
        out.unsigned(sigsetsize);
    }

    /** rt_sigpending(sigset_t *set, size_t sigsetsize) */
    private static void rtSigpending(long[] args, long ret, ArgWriter out) {
        long set = args[0], sigsetsize = args[1];
        if (Errno.isError(ret)) {
            out.pointer(set);
        } else {
            Sigaction.sigset(set, sigsetsize, out);
        }
        out.unsigned(sigsetsize);
    }

    private static void rtSigtimedwaitEntry(long[] args, ArgWriter out) {
        long set = args[0], sigsetsize = args[3];
        Sigaction.sigset(set, sigsetsize, out);
    }

    /** rt_sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout, size_t sigsetsize), after the set. */
    private static void rtSigtimedwaitExit(long[] args, long ret, ArgWriter out) {
        long info = args[1], timeout = args[2], sigsetsize = args[3];
        if (Errno.isError(ret)) {
            out.pointer(info);
        } else {
            out.siginfo(info);
        }
        Times.timespec(timeout, out);
        out.unsigned(sigsetsize);
    }

    private static void signalName(long[] args, long ret, ArgWriter out) {
        out.signal((int) ret);
    }

    /** rt_sigqueueinfo(pid_t tgid, int sig, siginfo_t *info) */
    private static void rtSigqueueinfo(long[] args, ArgWriter out) {
        long tgid = args[0], sig = args[1], info = args[2];
        out.int32(tgid);
        out.signal((int) sig);
        out.siginfo(info);
    }

    /** rt_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig, siginfo_t *info) */
    private static void rtTgsigqueueinfo(long[] args, ArgWriter out) {
        long tgid = args[0], tid = args[1], sig = args[2], info = args[3];
        out.int32(tgid);
        out.int32(tid);
        out.signal((int) sig);
        out.siginfo(info);
    }
}
