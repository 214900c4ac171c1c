package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * open(2), openat(2), creat(2). The mode only means something, and only prints, when the flags
 * can create a file: O_CREAT or O_TMPFILE.
 */
final class Open {

    private static final Xlat ACCESS = Xlat.load("open_access");
    private static final Xlat FLAGS = Xlat.load("open_flags");
    private static final int O_ACCMODE = (int) ACCESS.value("O_ACCMODE");
    /** The bits that make open create a file; __O_TMPFILE alone, without O_DIRECTORY, is enough for strace. */
    private static final int CREATES = (int) (FLAGS.value("O_CREAT") | FLAGS.value("__O_TMPFILE"));

    private Open() {}

    static void register(Registrar r) {
        r.add("open", Decoder.atEntry(Open::open));
        r.add("openat", Decoder.atEntry(Open::openat));
        r.add("creat", Decoder.atEntry(Open::creat));
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

    private static void flagsAndMode(long flags, long mode, ArgWriter out) {
        int f = (int) flags;
        printFlags(f, out);
        if ((f & CREATES) != 0) {
            out.mode(umode(mode));
        }
    }

    /** open's flags: the access mode, a value, then the bits above it. */
    static void printFlags(int flags, ArgWriter out) {
        out.beginFlags();
        out.flagValue(ACCESS, flags & O_ACCMODE);
        out.flagBits(FLAGS, Integer.toUnsignedLong(flags & ~O_ACCMODE));
        out.endFlags(FLAGS);
    }

    /** The kernel takes a mode as umode_t, an unsigned short: the bits above are dropped. */
    static long umode(long mode) {
        return mode & 0xffff;
    }
}
