package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * rt_sigaction(2), rt_sigprocmask(2): what the caller passes prints at entry, what the kernel
 * fills in (the old action, the old mask) at exit. Both take the size of a signal set; strace
 * reads a set only when that size is the kernel's, 8 bytes, and otherwise prints its address.
 */
final class Sigaction {

    private static final Xlat HOW = Xlat.load("sigprocmask_how");
    private static final Xlat FLAGS = Xlat.load("sa_flags");
    private static final long SA_RESTORER = FLAGS.value("SA_RESTORER");
    /** The kernel's sigset_t on x86_64: 64 signals. */
    private static final int SIGSET_SIZE = 8;
    /** The kernel's struct sigaction on x86_64: handler, flags, restorer, mask, 8 bytes each. */
    private static final int SIGACTION_SIZE = 32;

    private Sigaction() {}

    static void register(Registrar r) {
        r.add("rt_sigaction", Decoder.split(Sigaction::rtSigactionEntry, Sigaction::rtSigactionExit));
        r.add("rt_sigprocmask", Decoder.split(Sigaction::rtSigprocmaskEntry, Sigaction::rtSigprocmaskExit));
    }

    /** rt_sigaction(int signum, const struct sigaction *act, struct sigaction *oldact, size_t sigsetsize) */
    private static void rtSigactionEntry(long[] args, ArgWriter out) {
        long signum = args[0], act = args[1], sigsetsize = args[3];
        out.signal((int) signum);
        sigaction(act, sigsetsize, out);
    }

    private static void rtSigactionExit(long[] args, long ret, ArgWriter out) {
        long oldact = args[2], sigsetsize = args[3];
        if (Errno.isError(ret)) {
            out.pointer(oldact);
        } else {
            sigaction(oldact, sigsetsize, out);
        }
        out.unsigned(sigsetsize);
    }

    /** rt_sigprocmask(int how, const sigset_t *set, sigset_t *oldset, size_t sigsetsize) */
    private static void rtSigprocmaskEntry(long[] args, ArgWriter out) {
        long how = args[0], set = args[1], sigsetsize = args[3];
        out.value(HOW, how & 0xffff_ffffL);
        sigset(set, sigsetsize, out);
    }

    private static void rtSigprocmaskExit(long[] args, long ret, ArgWriter out) {
        long oldset = args[2], sigsetsize = args[3];
        if (Errno.isError(ret)) {
            out.pointer(oldset);
        } else {
            sigset(oldset, sigsetsize, out);
        }
        out.unsigned(sigsetsize);
    }

    static void sigset(long address, long sigsetsize, ArgWriter out) {
        if (address == 0 || sigsetsize != SIGSET_SIZE || !out.fetch(address, SIGSET_SIZE)) {
            out.pointer(address);
            return;
        }
        out.sigset(out.fetchedLong(0));
    }

    /**
     * SIG_DFL, SIG_IGN and SIG_ERR, asm-generic/signal-defs.h, are casts of 0, 1 and -1 to a
     * function pointer, which no xlat table can check against its header; the values are ABI.
     */
    private static void handler(long handler, ArgWriter out) {
        if (handler == 0) {
            out.symbol("SIG_DFL");
        } else if (handler == 1) {
            out.symbol("SIG_IGN");
        } else if (handler == -1) {
            out.symbol("SIG_ERR");
        } else {
            out.pointer(handler);
        }
    }

    private static void sigaction(long address, long sigsetsize, ArgWriter out) {
        if (address == 0 || !out.fetch(address, SIGACTION_SIZE)) {
            out.pointer(address);
            return;
        }
        long handler = out.fetchedLong(0), flags = out.fetchedLong(8), restorer = out.fetchedLong(16);
        long mask = out.fetchedLong(24);
        out.beginStruct();
        out.field("sa_handler");
        handler(handler, out);
        out.field("sa_mask");
        if (sigsetsize == SIGSET_SIZE) {
            out.sigset(mask);
        } else {
            out.pointer(address + 24);
        }
        out.field("sa_flags");
        out.flags(FLAGS, flags);
        if ((flags & SA_RESTORER) != 0) {
            out.field("sa_restorer");
            out.pointer(restorer);
        }
        out.endStruct();
    }
}
