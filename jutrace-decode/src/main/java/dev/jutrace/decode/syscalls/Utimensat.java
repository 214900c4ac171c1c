package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * utimensat(2). Each of the two times prints with its date, unless its tv_nsec is one of the
 * special values that mean "now" or "leave it".
 */
final class Utimensat {

    private static final Xlat AT_FLAGS = Xlat.load("at_flags");
    /**
     * UTIME_NOW and UTIME_OMIT, linux/stat.h's ((1l << 30) - 1l) and ((1l << 30) - 2l): an
     * expression no table test evaluates, so they stay here; the values are ABI.
     */
    private static final long UTIME_NOW = (1L << 30) - 1, UTIME_OMIT = (1L << 30) - 2;

    private Utimensat() {}

    static void register(Registrar r) {
        r.add("utimensat", Decoder.atEntry(Utimensat::utimensat));
    }

    /** utimensat(int dirfd, const char *pathname, const struct timespec times[2], int flags) */
    private static void utimensat(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1], times = args[2], flags = args[3];
        out.dirfd(dirfd);
        out.path(pathname);
        if (times == 0 || !out.fetch(times, 2 * Times.TIMESPEC_SIZE)) {
            out.pointer(times);
        } else {
            long atimeSec = out.fetchedLong(0), atimeNsec = out.fetchedLong(8);
            long mtimeSec = out.fetchedLong(16), mtimeNsec = out.fetchedLong(24);
            out.beginArray();
            time(atimeSec, atimeNsec, out);
            time(mtimeSec, mtimeNsec, out);
            out.endArray();
        }
        out.flags(AT_FLAGS, flags & 0xffff_ffffL);
    }

    private static void time(long sec, long nsec, ArgWriter out) {
        if (nsec == UTIME_NOW) {
            out.symbol("UTIME_NOW");
        } else if (nsec == UTIME_OMIT) {
            out.symbol("UTIME_OMIT");
        } else {
            Times.timespecFields(sec, nsec, out);
            out.commentDate(sec, nsec);
        }
    }
}
