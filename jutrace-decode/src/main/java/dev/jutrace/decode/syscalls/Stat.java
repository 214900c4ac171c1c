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
    private static final int ST_DEV = 0, ST_INO = 8, ST_NLINK = 16, ST_UID = 28, ST_GID = 32, ST_BLKSIZE = 56,
            ST_BLOCKS = 64, ST_ATIME = 72;
    private static final String[] TIMES = {"st_atime", "st_mtime", "st_ctime"};
    private static final String[] TIMES_NSEC = {"st_atime_nsec", "st_mtime_nsec", "st_ctime_nsec"};

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
        if (out.options().noAbbrev()) {
            fullStat(mode, rdev, size, out);
            out.endStruct();
            return;
        }
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

    /** -v: every field, in strace's order; a device has st_rdev where a file has st_size. */
    private static void fullStat(long mode, long rdev, long size, ArgWriter out) {
        long dev = out.fetchedLong(ST_DEV);
        out.field("st_dev");
        out.makedev(dev, major(dev), minor(dev));
        out.field("st_ino");
        out.unsigned(out.fetchedLong(ST_INO));
        out.field("st_mode");
        printMode(mode, out);
        out.field("st_nlink");
        out.unsigned(out.fetchedLong(ST_NLINK));
        out.field("st_uid");
        out.unsigned(out.fetchedUint32(ST_UID));
        out.field("st_gid");
        out.unsigned(out.fetchedUint32(ST_GID));
        out.field("st_blksize");
        out.signed(out.fetchedLong(ST_BLKSIZE));
        out.field("st_blocks");
        out.signed(out.fetchedLong(ST_BLOCKS));
        long type = mode & S_IFMT;
        if (type == S_IFCHR || type == S_IFBLK) {
            out.field("st_rdev");
            out.makedev(rdev, major(rdev), minor(rdev));
        } else {
            out.field("st_size");
            out.signed(size);
        }
        for (int i = 0; i < 3; i++) {
            long seconds = out.fetchedLong(ST_ATIME + 16 * i), nanos = out.fetchedLong(ST_ATIME + 16 * i + 8);
            out.field(TIMES[i]);
            out.signed(seconds);
            if (nanos == 0) {
                out.commentDate(seconds); // strace leaves out a zero fraction
            } else {
                out.commentDate(seconds, nanos);
            }
            out.field(TIMES_NSEC[i]);
            out.unsigned(nanos);
        }
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
