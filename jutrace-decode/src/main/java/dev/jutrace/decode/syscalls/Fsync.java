package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;

/** fsync(2), fdatasync(2), syncfs(2), sync(2), truncate(2), ftruncate(2). */
final class Fsync {

    private Fsync() {}

    static void register(Registrar r) {
        r.add("fsync", Decoder.atEntry(Fsync::fdOnly));
        r.add("fdatasync", Decoder.atEntry(Fsync::fdOnly));
        r.add("syncfs", Decoder.atEntry(Fsync::fdOnly));
        r.add("sync", Decoder.atEntry((args, out) -> {}));
        r.add("truncate", Decoder.atEntry(Fsync::truncate));
        r.add("ftruncate", Decoder.atEntry(Fsync::ftruncate));
    }

    private static void fdOnly(long[] args, ArgWriter out) {
        long fd = args[0];
        out.fd(fd);
    }

    /** truncate(const char *path, off_t length) */
    private static void truncate(long[] args, ArgWriter out) {
        long path = args[0], length = args[1];
        out.path(path);
        out.signed(length);
    }

    /** ftruncate(int fd, off_t length) */
    private static void ftruncate(long[] args, ArgWriter out) {
        long fd = args[0], length = args[1];
        out.fd(fd);
        out.signed(length);
    }
}
