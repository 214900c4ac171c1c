package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** rename(2), renameat(2), renameat2(2). */
final class Rename {

    private static final Xlat FLAGS = Xlat.load("rename_flags");

    private Rename() {}

    static void register(Registrar r) {
        r.add("rename", Decoder.atEntry(Rename::rename));
        r.add("renameat", Decoder.atEntry(Rename::renameat));
        r.add("renameat2", Decoder.atEntry(Rename::renameat2));
    }

    /** rename(const char *oldpath, const char *newpath) */
    private static void rename(long[] args, ArgWriter out) {
        long oldpath = args[0], newpath = args[1];
        out.path(oldpath);
        out.path(newpath);
    }

    /** renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath) */
    private static void renameat(long[] args, ArgWriter out) {
        long olddirfd = args[0], oldpath = args[1], newdirfd = args[2], newpath = args[3];
        out.dirfd(olddirfd);
        out.path(oldpath);
        out.dirfd(newdirfd);
        out.path(newpath);
    }

    /** renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags) */
    private static void renameat2(long[] args, ArgWriter out) {
        long flags = args[4];
        renameat(args, out);
        out.flags(FLAGS, flags & 0xffff_ffffL);
    }
}
