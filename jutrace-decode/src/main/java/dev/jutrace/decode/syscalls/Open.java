package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * open(2), openat(2), creat(2), openat2(2). The mode only means something, and only prints, when the flags
 * can create a file: O_CREAT or O_TMPFILE.
 */
final class Open {

    private static final Xlat ACCESS = Xlat.load("open_access");
    private static final Xlat FLAGS = Xlat.load("open_flags");
    private static final Xlat RESOLVE = Xlat.load("resolve_flags");
    /** struct open_how, linux/openat2.h: flags, mode, resolve, three 64-bit fields. */
    private static final int OPEN_HOW_SIZE = 24;
    private static final int O_ACCMODE = (int) ACCESS.value("O_ACCMODE");
    /** The bits that make open create a file; __O_TMPFILE alone, without O_DIRECTORY, is enough for strace. */
    private static final int CREATES = (int) (FLAGS.value("O_CREAT") | FLAGS.value("__O_TMPFILE"));

    private Open() {}

    static void register(Registrar r) {
        r.add("open", Decoder.atEntry(Open::open));
        r.add("openat", Decoder.atEntry(Open::openat));
        r.add("creat", Decoder.atEntry(Open::creat));
        r.add("openat2", Decoder.atEntry(Open::openat2));
    }

    /** open(const char *pathname, int flags, mode_t mode) */
    private static void open(long[] args, ArgWriter out) {
        long pathname = args[0], flags = args[1], mode = args[2];
        out.path(pathname);
        flagsAndMode(flags, mode, out);
    }

    /** openat(int dirfd, const char *pathname, int flags, mode_t mode) */
    private static void openat(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1], flags = args[2], mode = args[3];
        out.dirfd(dirfd);
        out.path(pathname);
        flagsAndMode(flags, mode, out);
    }

    /** creat(const char *pathname, mode_t mode) */
    private static void creat(long[] args, ArgWriter out) {
        long pathname = args[0], mode = args[1];
        out.path(pathname);
        out.mode(umode(mode));
    }

    /** openat2(int dirfd, const char *pathname, struct open_how *how, size_t size) */
    private static void openat2(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1], how = args[2], size = args[3];
        out.dirfd(dirfd);
        out.path(pathname);
        openHow(how, size, out);
        out.unsigned(size);
    }

    /** struct open_how; a size too small for it means the kernel rejects it, and strace prints the address. */
    private static void openHow(long how, long size, ArgWriter out) {
        if (how == 0 || Long.compareUnsigned(size, OPEN_HOW_SIZE) < 0 || !out.fetch(how, OPEN_HOW_SIZE)) {
            out.pointer(how);
            return;
        }
        long flags = out.fetchedLong(0), mode = out.fetchedLong(8), resolve = out.fetchedLong(16);
        out.beginStruct();
        out.field("flags");
        printFlags((int) flags, out);
        if (((int) flags & CREATES) != 0 || mode != 0) {
            out.field("mode");
            out.mode(mode);
        }
        out.field("resolve");
        out.flags(RESOLVE, resolve);
        out.endStruct();
    }

    private static void flagsAndMode(long flags, long mode, ArgWriter out) {
        int f = (int) flags;
        printFlags(f, out);
        if ((f & CREATES) != 0) {
            out.mode(umode(mode));
        }
    }

    /** open's flags: the access mode, a value, then the bits above it. */
    static void printFlags(int flags, ArgWriter out) {
        out.beginFlags(Integer.toUnsignedLong(flags));
        out.flagValue(ACCESS, flags & O_ACCMODE);
        out.flagBits(FLAGS, Integer.toUnsignedLong(flags & ~O_ACCMODE));
        out.endFlags(FLAGS);
    }

    /** The kernel takes a mode as umode_t, an unsigned short: the bits above are dropped. */
    static long umode(long mode) {
        return mode & 0xffff;
    }
}
