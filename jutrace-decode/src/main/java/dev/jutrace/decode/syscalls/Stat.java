package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * stat(2), fstat(2), lstat(2), newfstatat(2). The kernel fills struct stat, so it prints at exit,
 * abbreviated as strace prints it by default: the mode, then the size, or the device number of a
 * character or block device.
 */
final class Stat {

    private static final Xlat TYPE = Xlat.load("stat_type");
    private static final Xlat MODE_BITS = Xlat.load("stat_mode_bits");
    private static final Xlat AT_FLAGS = Xlat.load("at_flags");
    static final long S_IFMT = 0170000;
    private static final long PERMISSIONS = 0777;
    static final long S_IFCHR = TYPE.value("S_IFCHR");
    static final long S_IFBLK = TYPE.value("S_IFBLK");

    /** x86_64 struct stat, asm/stat.h: its size and the offsets of the fields that print. */
    private static final int SIZE = 144;
    private static final int ST_MODE = 24;
    private static final int ST_RDEV = 40;
    private static final int ST_SIZE = 48;

    private Stat() {}

    static void register(Registrar r) {
        r.add("stat", Decoder.split(Stat::pathOnly, Stat::stat));
        r.add("lstat", Decoder.split(Stat::pathOnly, Stat::stat));
        r.add("fstat", Decoder.split(Stat::fdOnly, Stat::stat));
        r.add("newfstatat", Decoder.split(Stat::dirfdAndPath, Stat::newfstatat));
    }

    private static void pathOnly(long[] args, ArgWriter out) {
        long pathname = args[0];
        out.path(pathname);
    }

    private static void fdOnly(long[] args, ArgWriter out) {
        long fd = args[0];
        out.fd(fd);
    }

    private static void dirfdAndPath(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1];
        out.dirfd(dirfd);
        out.path(pathname);
    }

    /** stat(const char *pathname, struct stat *statbuf), and fstat's and lstat's alike, after the first. */
    private static void stat(long[] args, long ret, ArgWriter out) {
        long statbuf = args[1];
        statBuffer(statbuf, ret, out);
    }

    /** newfstatat(int dirfd, const char *pathname, struct stat *statbuf, int flags), after the path. */
    private static void newfstatat(long[] args, long ret, ArgWriter out) {
        long statbuf = args[2], flags = args[3];
        statBuffer(statbuf, ret, out);
        out.flags(AT_FLAGS, flags & 0xffff_ffffL);
    }

    /** The struct, abbreviated; its address when the call failed or it cannot be read. */
    static void statBuffer(long statbuf, long ret, ArgWriter out) {
        if (Errno.isError(ret) || statbuf == 0 || !out.fetch(statbuf, SIZE)) {
            out.pointer(statbuf);
            return;
        }
        long mode = out.fetchedUint32(ST_MODE);
        long rdev = out.fetchedLong(ST_RDEV);
        long size = out.fetchedLong(ST_SIZE);
        out.beginStruct();
        out.field("st_mode");
        printMode(mode, out);
        long type = mode & S_IFMT;
        if (type == S_IFCHR || type == S_IFBLK) {
            out.field("st_rdev");
            out.makedev(rdev, major(rdev), minor(rdev));
        } else {
            out.field("st_size");
            out.signed(size);
        }
        out.ellipsis();
        out.endStruct();
    }

    /** st_mode: the file type, the set-id and sticky bits, then the permissions in octal. */
    static void printMode(long mode, ArgWriter out) {
        out.beginModeFlags(mode);
        long type = mode & S_IFMT;
        if (type != 0) {
            out.flagValue(TYPE, type);
        }
        out.flagBits(MODE_BITS, mode & ~S_IFMT & ~PERMISSIONS);
        out.flagMode(mode & PERMISSIONS);
        out.endFlags(MODE_BITS);
    }

    /** The major half of a dev_t as glibc's major() splits it. */
    static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    }

    /** The minor half of a dev_t as glibc's minor() splits it. */
    static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
    }
}
