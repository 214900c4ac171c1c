package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** close(2), close_range(2). */
final class Close {

    private static final Xlat RANGE_FLAGS = Xlat.load("close_range_flags");

    private Close() {}

    static void register(Registrar r) {
        r.add("close", Decoder.atEntry(Close::close));
        r.add("close_range", Decoder.atEntry(Close::closeRange));
    }

    /** close(int fd) */
    private static void close(long[] args, ArgWriter out) {
        long fd = args[0];
        out.fd(fd);
    }

    /** close_range(unsigned int first, unsigned int last, unsigned int flags) */
    private static void closeRange(long[] args, ArgWriter out) {
        long first = args[0], last = args[1], flags = args[2];
        out.uint32(first);
        out.uint32(last);
        out.flags(RANGE_FLAGS, flags & 0xffff_ffffL);
    }
}
