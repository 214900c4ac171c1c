package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** dup(2), dup2(2), dup3(2). */
final class Dup {

    private static final Xlat FLAGS = Xlat.load("dup3_flags");

    private Dup() {}

    static void register(Registrar r) {
        r.add("dup", Decoder.atEntry(Dup::dup));
        r.add("dup2", Decoder.atEntry(Dup::dup2));
        r.add("dup3", Decoder.atEntry(Dup::dup3));
    }

    /** dup(int oldfd) */
    private static void dup(long[] args, ArgWriter out) {
        long oldfd = args[0];
        out.fd(oldfd);
    }

    /** dup2(int oldfd, int newfd) */
    private static void dup2(long[] args, ArgWriter out) {
        long oldfd = args[0], newfd = args[1];
        out.fd(oldfd);
        out.fd(newfd);
    }

    /** dup3(int oldfd, int newfd, int flags) */
    private static void dup3(long[] args, ArgWriter out) {
        long oldfd = args[0], newfd = args[1], flags = args[2];
        out.fd(oldfd);
        out.fd(newfd);
        out.flags(FLAGS, flags & 0xffff_ffffL);
    }
}
