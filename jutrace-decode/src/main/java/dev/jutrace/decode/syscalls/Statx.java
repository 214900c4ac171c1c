package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * statx(2). The kernel fills struct statx, which prints at exit abbreviated as strace prints it
 * by default: the mask of what it filled, the attributes, the mode and the size.
 */
final class Statx {

    private static final Xlat SYNC = Xlat.load("statx_sync");
    private static final Xlat AT_FLAGS = Xlat.load("at_flags");
    private static final Xlat MASK = Xlat.load("statx_mask");
    private static final Xlat ATTRIBUTES = Xlat.load("statx_attrs");
    private static final long SYNC_TYPE = 0x6000;

    /** struct statx, linux/stat.h: its size and the offsets of the fields that print. */
    private static final int SIZE = 256;
    private static final int STX_MASK = 0, STX_ATTRIBUTES = 8, STX_MODE = 28, STX_SIZE = 40;

    private Statx() {}

    static void register(Registrar r) {
        r.add("statx", Decoder.split(Statx::entry, Statx::exit));
    }

    /** statx(int dirfd, const char *pathname, int flags, unsigned int mask, struct statx *statxbuf) */
    private static void entry(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1], flags = args[2] & 0xffff_ffffL, mask = args[3];
        out.dirfd(dirfd);
        out.path(pathname);
        out.beginFlags();
        out.flagValue(SYNC, flags & SYNC_TYPE);
        out.flagBits(AT_FLAGS, flags & ~SYNC_TYPE);
        out.endFlags(AT_FLAGS);
        out.flags(MASK, mask & 0xffff_ffffL);
    }

    private static void exit(long[] args, long ret, ArgWriter out) {
        long statxbuf = args[4];
        if (Errno.isError(ret) || statxbuf == 0 || !out.fetch(statxbuf, SIZE)) {
            out.pointer(statxbuf);
            return;
        }
        long mask = out.fetchedUint32(STX_MASK), attributes = out.fetchedLong(STX_ATTRIBUTES);
        int mode = out.fetchedUint16(STX_MODE);
        long size = out.fetchedLong(STX_SIZE);
        out.beginStruct();
        out.field("stx_mask");
        out.flags(MASK, mask);
        out.field("stx_attributes");
        out.flags(ATTRIBUTES, attributes);
        out.field("stx_mode");
        Stat.printMode(mode, out);
        out.field("stx_size");
        out.unsigned(size);
        out.ellipsis();
        out.endStruct();
    }
}
