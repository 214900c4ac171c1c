package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** getrandom(2): the kernel fills the buffer, which strace prints in hex. */
final class Getrandom {

    private static final Xlat FLAGS = Xlat.load("getrandom_flags");

    private Getrandom() {}

    static void register(Registrar r) {
        r.add("getrandom", Decoder.split((args, out) -> {}, Getrandom::getrandom));
    }

    /** getrandom(void *buf, size_t buflen, unsigned int flags) */
    private static void getrandom(long[] args, long ret, ArgWriter out) {
        long buf = args[0], buflen = args[1], flags = args[2];
        if (Errno.isError(ret)) {
            out.pointer(buf);
        } else {
            out.hexBuffer(buf, ret);
        }
        out.unsigned(buflen);
        out.flags(FLAGS, flags & 0xffff_ffffL);
    }
}
