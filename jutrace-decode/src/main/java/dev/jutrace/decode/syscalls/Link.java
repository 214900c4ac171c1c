package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * link(2), linkat(2), symlink(2), symlinkat(2), readlink(2), readlinkat(2). What readlink reads
 * is not NUL-terminated: exactly as many bytes as it returns print, at exit.
 */
final class Link {

    private static final Xlat AT_FLAGS = Xlat.load("at_flags");

    private Link() {}

    static void register(Registrar r) {
        r.add("link", Decoder.atEntry(Link::link));
        r.add("linkat", Decoder.atEntry(Link::linkat));
        r.add("symlink", Decoder.atEntry(Link::link));
        r.add("symlinkat", Decoder.atEntry(Link::symlinkat));
        r.add("readlink", Decoder.split(Link::readlinkEntry, Link::readlinkExit));
        r.add("readlinkat", Decoder.split(Link::readlinkatEntry, Link::readlinkatExit));
    }

    /** link(const char *oldpath, const char *newpath), and symlink(const char *target, const char *linkpath) */
    private static void link(long[] args, ArgWriter out) {
        long oldpath = args[0], newpath = args[1];
        out.path(oldpath);
        out.path(newpath);
    }

    /** linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags) */
    private static void linkat(long[] args, ArgWriter out) {
        long olddirfd = args[0], oldpath = args[1], newdirfd = args[2], newpath = args[3], flags = args[4];
        out.dirfd(olddirfd);
        out.path(oldpath);
        out.dirfd(newdirfd);
        out.path(newpath);
        out.flags(AT_FLAGS, flags & 0xffff_ffffL);
    }

    /** symlinkat(const char *target, int newdirfd, const char *linkpath) */
    private static void symlinkat(long[] args, ArgWriter out) {
        long target = args[0], newdirfd = args[1], linkpath = args[2];
        out.path(target);
        out.dirfd(newdirfd);
        out.path(linkpath);
    }

    private static void readlinkEntry(long[] args, ArgWriter out) {
        long pathname = args[0];
        out.path(pathname);
    }

    /** readlink(const char *pathname, char *buf, size_t bufsiz), after the path. */
    private static void readlinkExit(long[] args, long ret, ArgWriter out) {
        long buf = args[1], bufsiz = args[2];
        ReadWrite.received(buf, ret, out);
        out.unsigned(bufsiz);
    }

    private static void readlinkatEntry(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1];
        out.dirfd(dirfd);
        out.path(pathname);
    }

    /** readlinkat(int dirfd, const char *pathname, char *buf, size_t bufsiz), after the path. */
    private static void readlinkatExit(long[] args, long ret, ArgWriter out) {
        long buf = args[2], bufsiz = args[3];
        ReadWrite.received(buf, ret, out);
        out.unsigned(bufsiz);
    }
}
