package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;

/** chdir(2), fchdir(2), chroot(2), getcwd(2). The directory getcwd returns prints at exit. */
final class Chdir {

    private Chdir() {}

    static void register(Registrar r) {
        r.add("chdir", Decoder.atEntry(Chdir::pathOnly));
        r.add("chroot", Decoder.atEntry(Chdir::pathOnly));
        r.add("fchdir", Decoder.atEntry(Chdir::fchdir));
        r.add("getcwd", Decoder.split((args, out) -> {}, Chdir::getcwd));
    }

    /** chdir(const char *path), chroot(const char *path) */
    private static void pathOnly(long[] args, ArgWriter out) {
        long path = args[0];
        out.path(path);
    }

    /** fchdir(int fd) */
    private static void fchdir(long[] args, ArgWriter out) {
        long fd = args[0];
        out.fd(fd);
    }

    /** getcwd(char *buf, size_t size): the kernel stores a NUL-terminated path. */
    private static void getcwd(long[] args, long ret, ArgWriter out) {
        long buf = args[0], size = args[1];
        if (Errno.isError(ret)) {
            out.pointer(buf);
        } else {
            out.path(buf);
        }
        out.unsigned(size);
    }
}
