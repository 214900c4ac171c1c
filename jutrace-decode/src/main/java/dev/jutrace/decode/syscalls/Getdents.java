package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;

/**
 * getdents(2), getdents64(2). strace abbreviates the entries by default to their count, which
 * takes walking the records the kernel wrote: each gives its length at the same offset.
 */
final class Getdents {

    /** d_reclen in both struct linux_dirent and struct linux_dirent64: after two 8-byte fields. */
    private static final int D_RECLEN = 16;

    private Getdents() {}

    static void register(Registrar r) {
        r.add("getdents", Decoder.split(Getdents::fdOnly, Getdents::getdents));
        r.add("getdents64", Decoder.split(Getdents::fdOnly, Getdents::getdents));
    }

    private static void fdOnly(long[] args, ArgWriter out) {
        long fd = args[0];
        out.fd(fd);
    }

    /** getdents64(int fd, void *dirp, size_t count), after the fd. */
    private static void getdents(long[] args, long ret, ArgWriter out) {
        long dirp = args[1], count = args[2];
        out.pointer(dirp);
        if (!Errno.isError(ret) && (ret == 0 || out.fetch(dirp, (int) ret))) {
            out.comment(entries((int) ret, out), "entries");
        }
        out.unsigned(count);
    }

    private static int entries(int length, ArgWriter out) {
        int n = 0;
        for (int at = 0; at + D_RECLEN + 2 <= length; n++) {
            int reclen = out.fetchedUint16(at + D_RECLEN);
            if (reclen == 0) {
                break;
            }
            at += reclen;
        }
        return n;
    }
}
