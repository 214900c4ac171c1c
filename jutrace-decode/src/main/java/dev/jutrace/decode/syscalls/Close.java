package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;

/** close(2). */
final class Close {

    private Close() {}

    static void register(Registrar r) {
        r.add("close", Decoder.atEntry(Close::close));
    }

    /** close(int fd) */
    private static void close(long[] args, ArgWriter out) {
        long fd = args[0];
        out.fd(fd);
    }
}
