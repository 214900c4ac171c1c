package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * poll(2), ppoll(2), select(2), pselect6(2). The arguments print at entry; what became ready,
 * and the time left, print after the return value: {@code = 1 ([{fd=3, revents=POLLIN}])},
 * {@code = 1 (in [3], left {tv_sec=0, tv_usec=5})}, or {@code = 0 (Timeout)}.
 */
final class Poll {

    private static final Xlat EVENTS = Xlat.load("poll_events");
    /** struct pollfd: int fd, short events, short revents. */
    private static final int POLLFD_SIZE = 8;
    /** The kernel's sigset_t on x86_64. */
    private static final int SIGSET_SIZE = 8;

    private Poll() {}

    static void register(Registrar r) {
        r.add("poll", Decoder.annotated(Poll::poll, Poll::pollReady));
        r.add("ppoll", Decoder.annotated(Poll::ppoll, Poll::ppollReady));
        r.add("select", Decoder.annotated(Poll::select, Poll::selectReady));
        r.add("pselect6", Decoder.annotated(Poll::pselect6, Poll::pselect6Ready));
    }

    /** poll(struct pollfd *fds, nfds_t nfds, int timeout) */
    private static void poll(long[] args, ArgWriter out) {
        long fds = args[0], nfds = args[1], timeout = args[2];
        pollfds(fds, nfds, out);
        out.unsigned(nfds);
        out.int32(timeout);
    }

    private static void pollReady(long[] args, long ret, ArgWriter out) {
        long fds = args[0], nfds = args[1];
        ready(fds, nfds, ret, out);
    }

    /** ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo_p, const sigset_t *sigmask, size_t sigsetsize) */
    private static void ppoll(long[] args, ArgWriter out) {
        long fds = args[0], nfds = args[1], tmoP = args[2], sigmask = args[3], sigsetsize = args[4];
        pollfds(fds, nfds, out);
        out.unsigned(nfds);
        Times.timespec(tmoP, out);
        sigset(sigmask, sigsetsize, out);
        out.unsigned(sigsetsize);
    }

    private static void ppollReady(long[] args, long ret, ArgWriter out) {
        long fds = args[0], nfds = args[1], tmoP = args[2];
        ready(fds, nfds, ret, out);
        if (ret != 0 && tmoP != 0) {
            out.label("left");
            Times.timespec(tmoP, out);
        }
    }

    /** select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout) */
    private static void select(long[] args, ArgWriter out) {
        long nfds = args[0], readfds = args[1], writefds = args[2], exceptfds = args[3], timeout = args[4];
        sets(nfds, readfds, writefds, exceptfds, out);
        Times.timeval(timeout, out);
    }

    private static void selectReady(long[] args, long ret, ArgWriter out) {
        long timeout = args[4];
        if (readySets(args, ret, out) && timeout != 0) {
            out.label("left");
            Times.timeval(timeout, out);
        }
    }

    /**
     * pselect6(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
     * const struct timespec *timeout, const struct { const sigset_t *ss; size_t ss_len; } *data):
     * the raw syscall packs the mask and its size into a struct.
     */
    private static void pselect6(long[] args, ArgWriter out) {
        long nfds = args[0], readfds = args[1], writefds = args[2], exceptfds = args[3], timeout = args[4], data = args[5];
        sets(nfds, readfds, writefds, exceptfds, out);
        Times.timespec(timeout, out);
        if (data == 0 || !out.fetch(data, 16)) {
            out.pointer(data);
            return;
        }
        long ss = out.fetchedLong(0), ssLen = out.fetchedLong(8);
        out.beginStruct();
        out.field("sigmask");
        sigset(ss, ssLen, out);
        out.field("sigsetsize");
        out.unsigned(ssLen);
        out.endStruct();
    }

    private static void pselect6Ready(long[] args, long ret, ArgWriter out) {
        long timeout = args[4];
        if (readySets(args, ret, out) && timeout != 0) {
            out.label("left");
            Times.timespec(timeout, out);
        }
    }

    private static void sets(long nfds, long readfds, long writefds, long exceptfds, ArgWriter out) {
        int n = (int) nfds;
        out.int32(n);
        out.fdSet(readfds, n);
        out.fdSet(writefds, n);
        out.fdSet(exceptfds, n);
    }

    /** Prints the sets the kernel left descriptors in; true when the call did not time out. */
    private static boolean readySets(long[] args, long ret, ArgWriter out) {
        if (ret == 0) {
            out.symbol("Timeout");
            return false;
        }
        int nfds = (int) args[0];
        out.labelledFdSet("in", args[1], nfds);
        out.labelledFdSet("out", args[2], nfds);
        out.labelledFdSet("except", args[3], nfds);
        return true;
    }

    /** The pollfd array as passed: {@code [{fd=3, events=POLLIN}, {fd=-1}]}; a negative fd is ignored, so is its events. */
    private static void pollfds(long fds, long nfds, ArgWriter out) {
        if (fds == 0 || (nfds != 0 && !out.fetch(fds, POLLFD_SIZE))) {
            out.pointer(fds);
            return;
        }
        int limit = out.options().stringLimit();
        out.beginArray();
        for (long i = 0; Long.compareUnsigned(i, nfds) < 0; i++) {
            if (i == limit || !out.fetch(fds + i * POLLFD_SIZE, POLLFD_SIZE)) {
                out.ellipsis();
                break;
            }
            int fd = (int) out.fetchedUint32(0);
            int events = out.fetchedUint16(4);
            out.beginStruct();
            out.field("fd");
            out.fd(fd);
            if (fd >= 0) {
                out.field("events");
                out.flags(EVENTS, events);
            }
            out.endStruct();
        }
        out.endArray();
    }

    /** The entries with revents set, or {@code Timeout}. */
    private static void ready(long fds, long nfds, long ret, ArgWriter out) {
        if (ret == 0) {
            out.symbol("Timeout");
            return;
        }
        int limit = out.options().stringLimit();
        int shown = 0;
        out.beginArray();
        for (long i = 0; Long.compareUnsigned(i, nfds) < 0 && out.fetch(fds + i * POLLFD_SIZE, POLLFD_SIZE); i++) {
            int revents = out.fetchedUint16(6);
            if (revents == 0) {
                continue;
            }
            if (shown++ == limit) {
                out.ellipsis();
                break;
            }
            long fd = out.fetchedUint32(0);
            out.beginStruct();
            out.field("fd");
            out.fd(fd);
            out.field("revents");
            out.flags(EVENTS, revents);
            out.endStruct();
        }
        out.endArray();
    }

    /** A signal mask of {@code size} bytes: read only when it is the kernel's size. */
    static void sigset(long address, long size, ArgWriter out) {
        if (address == 0 || size != SIGSET_SIZE || !out.fetch(address, SIGSET_SIZE)) {
            out.pointer(address);
        } else {
            out.sigset(out.fetchedLong(0));
        }
    }
}
