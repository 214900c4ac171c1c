package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** access(2), faccessat(2) and faccessat2(2), which adds flags. */
final class Access {

    private static final Xlat MODES = Xlat.load("access_modes");
    private static final Xlat FLAGS = Xlat.load("faccessat2_flags");

    private Access() {}

    static void register(Registrar r) {
        r.add("access", Decoder.atEntry(Access::access));
        r.add("faccessat", Decoder.atEntry(Access::faccessat));
        r.add("faccessat2", Decoder.atEntry(Access::faccessat2));
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

    /** faccessat2(int dirfd, const char *pathname, int mode, int flags) */
    private static void faccessat2(long[] args, ArgWriter out) {
        long flags = args[3];
        faccessat(args, out);
        out.flags(FLAGS, flags & 0xffff_ffffL);
    }
}
