package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** eventfd(2), eventfd2(2), signalfd(2), signalfd4(2): descriptors that deliver events and signals. */
final class EventFd {

    private static final Xlat EVENTFD_FLAGS = Xlat.load("eventfd_flags");
    private static final Xlat SIGNALFD_FLAGS = Xlat.load("signalfd_flags");

    private EventFd() {}

    static void register(Registrar r) {
        r.add("eventfd", Decoder.atEntry(EventFd::eventfd));
        r.add("eventfd2", Decoder.atEntry(EventFd::eventfd2));
        r.add("signalfd", Decoder.atEntry(EventFd::signalfd));
        r.add("signalfd4", Decoder.atEntry(EventFd::signalfd4));
    }

    /** eventfd(unsigned int initval) */
    private static void eventfd(long[] args, ArgWriter out) {
        long initval = args[0];
        out.uint32(initval);
    }

    /** eventfd2(unsigned int initval, int flags) */
    private static void eventfd2(long[] args, ArgWriter out) {
        long initval = args[0], flags = args[1];
        out.uint32(initval);
        out.flags(EVENTFD_FLAGS, flags & 0xffff_ffffL);
    }

    /** signalfd(int fd, const sigset_t *mask, size_t sizemask) */
    private static void signalfd(long[] args, ArgWriter out) {
        long fd = args[0], mask = args[1], sizemask = args[2];
        out.fd(fd);
        Poll.sigset(mask, sizemask, out);
        out.unsigned(sizemask);
    }

    /** signalfd4(int fd, const sigset_t *mask, size_t sizemask, int flags) */
    private static void signalfd4(long[] args, ArgWriter out) {
        long flags = args[3];
        signalfd(args, out);
        out.flags(SIGNALFD_FLAGS, flags & 0xffff_ffffL);
    }
}
