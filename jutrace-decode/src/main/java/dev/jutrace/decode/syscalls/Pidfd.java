package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** pidfd_open(2), pidfd_getfd(2), pidfd_send_signal(2). */
final class Pidfd {

    private static final Xlat OPEN_FLAGS = Xlat.load("pidfd_open_flags");

    private Pidfd() {}

    static void register(Registrar r) {
        r.add("pidfd_open", Decoder.atEntry(Pidfd::pidfdOpen));
        r.add("pidfd_getfd", Decoder.atEntry(Pidfd::pidfdGetfd));
        r.add("pidfd_send_signal", Decoder.atEntry(Pidfd::pidfdSendSignal));
    }

    /** pidfd_open(pid_t pid, unsigned int flags) */
    private static void pidfdOpen(long[] args, ArgWriter out) {
        long pid = args[0], flags = args[1];
        out.int32(pid);
        out.flags(OPEN_FLAGS, flags & 0xffff_ffffL);
    }

    /** pidfd_getfd(int pidfd, int targetfd, unsigned int flags): no flags are defined, so they print in hex. */
    private static void pidfdGetfd(long[] args, ArgWriter out) {
        long pidfd = args[0], targetfd = args[1], flags = args[2];
        out.fd(pidfd);
        out.fd(targetfd);
        out.hex(flags & 0xffff_ffffL);
    }

    /** pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned int flags): no flags are defined either. */
    private static void pidfdSendSignal(long[] args, ArgWriter out) {
        long pidfd = args[0], sig = args[1], info = args[2], flags = args[3];
        out.fd(pidfd);
        out.signal((int) sig);
        out.siginfo(info);
        out.hex(flags & 0xffff_ffffL);
    }
}
