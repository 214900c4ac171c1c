package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * chmod(2), fchmod(2), fchmodat(2), chown(2), fchown(2), lchown(2), fchownat(2). Ids print as
 * C's int, so "leave unchanged" shows as -1, as strace shows it.
 */
final class Chmod {

    private static final Xlat AT_FLAGS = Xlat.load("at_flags");

    private Chmod() {}

    static void register(Registrar r) {
        r.add("chmod", Decoder.atEntry(Chmod::chmod));
        r.add("fchmod", Decoder.atEntry(Chmod::fchmod));
        r.add("fchmodat", Decoder.atEntry(Chmod::fchmodat));
        r.add("chown", Decoder.atEntry(Chmod::chown));
        r.add("lchown", Decoder.atEntry(Chmod::chown));
        r.add("fchown", Decoder.atEntry(Chmod::fchown));
        r.add("fchownat", Decoder.atEntry(Chmod::fchownat));
    }

    /** chmod(const char *pathname, mode_t mode) */
    private static void chmod(long[] args, ArgWriter out) {
        long pathname = args[0], mode = args[1];
        out.path(pathname);
        out.mode(Open.umode(mode));
    }

    /** fchmod(int fd, mode_t mode) */
    private static void fchmod(long[] args, ArgWriter out) {
        long fd = args[0], mode = args[1];
        out.fd(fd);
        out.mode(Open.umode(mode));
    }

    /** fchmodat(int dirfd, const char *pathname, mode_t mode); the syscall has no flags argument. */
    private static void fchmodat(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1], mode = args[2];
        out.dirfd(dirfd);
        out.path(pathname);
        out.mode(Open.umode(mode));
    }

    /** chown(const char *pathname, uid_t owner, gid_t group), and lchown's alike. */
    private static void chown(long[] args, ArgWriter out) {
        long pathname = args[0], owner = args[1], group = args[2];
        out.path(pathname);
        out.int32(owner);
        out.int32(group);
    }

    /** fchown(int fd, uid_t owner, gid_t group) */
    private static void fchown(long[] args, ArgWriter out) {
        long fd = args[0], owner = args[1], group = args[2];
        out.fd(fd);
        out.int32(owner);
        out.int32(group);
    }

    /** fchownat(int dirfd, const char *pathname, uid_t owner, gid_t group, int flags) */
    private static void fchownat(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1], owner = args[2], group = args[3], flags = args[4];
        out.dirfd(dirfd);
        out.path(pathname);
        out.int32(owner);
        out.int32(group);
        out.flags(AT_FLAGS, flags & 0xffff_ffffL);
    }
}
