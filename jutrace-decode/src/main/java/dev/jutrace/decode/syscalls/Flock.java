package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** flock(2). */
final class Flock {

    private static final Xlat OPERATIONS = Xlat.load("flock_ops");

    private Flock() {}

    static void register(Registrar r) {
        r.add("flock", Decoder.atEntry(Flock::flock));
    }

    /** flock(int fd, int operation) */
    private static void flock(long[] args, ArgWriter out) {
        long fd = args[0], operation = args[1];
        out.fd(fd);
        out.flags(OPERATIONS, operation & 0xffff_ffffL);
    }
}
