package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** unlink(2), unlinkat(2), rmdir(2). */
final class Unlink {

    private static final Xlat AT_FLAGS = Xlat.load("at_flags");

    private Unlink() {}

    static void register(Registrar r) {
        r.add("unlink", Decoder.atEntry(Unlink::pathOnly));
        r.add("rmdir", Decoder.atEntry(Unlink::pathOnly));
        r.add("unlinkat", Decoder.atEntry(Unlink::unlinkat));
    }

    /** unlink(const char *pathname), rmdir(const char *pathname) */
    private static void pathOnly(long[] args, ArgWriter out) {
        long pathname = args[0];
        out.path(pathname);
    }

    /** unlinkat(int dirfd, const char *pathname, int flags) */
    private static void unlinkat(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1], flags = args[2];
        out.dirfd(dirfd);
        out.path(pathname);
        out.flags(AT_FLAGS, flags & 0xffff_ffffL);
    }
}
