package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** access(2) and faccessat(2). faccessat2(2), which adds flags, is not decoded yet. */
final class Access {

    private static final Xlat MODES = Xlat.load("access_modes");

    private Access() {}

    static void register(Registrar r) {
        r.add("access", Decoder.atEntry(Access::access));
        r.add("faccessat", Decoder.atEntry(Access::faccessat));
    }

    /** access(const char *pathname, int mode) */
    private static void access(long[] args, ArgWriter out) {
        long pathname = args[0], mode = args[1];
        out.path(pathname);
        out.flags(MODES, mode & 0xffff_ffffL);
    }

    /** faccessat(int dirfd, const char *pathname, int mode); the syscall has no flags argument. */
    private static void faccessat(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1], mode = args[2];
        out.dirfd(dirfd);
        out.path(pathname);
        out.flags(MODES, mode & 0xffff_ffffL);
    }
}
