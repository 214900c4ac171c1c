package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;

/**
 * gettimeofday(2), settimeofday(2), time(2), times(2). time's result is a date, and strace
 * shows it as one after the number.
 */
final class TimeOfDay {

    /** struct timezone: two ints. */
    private static final int TIMEZONE_SIZE = 8;
    /** struct tms: four clock_t (long) counts. */
    private static final int TMS_SIZE = 32;

    private TimeOfDay() {}

    static void register(Registrar r) {
        r.add("gettimeofday", Decoder.split((args, out) -> {}, TimeOfDay::gettimeofday));
        r.add("settimeofday", Decoder.atEntry(TimeOfDay::settimeofday));
        r.add("time", Decoder.annotated((args, out) -> {}, TimeOfDay::time, TimeOfDay::date));
        r.add("times", Decoder.split((args, out) -> {}, TimeOfDay::times));
    }

    /** gettimeofday(struct timeval *tv, struct timezone *tz): both filled by the kernel. */
    private static void gettimeofday(long[] args, long ret, ArgWriter out) {
        long tv = args[0], tz = args[1];
        if (Errno.isError(ret)) {
            out.pointer(tv);
            out.pointer(tz);
        } else {
            Times.timeval(tv, out);
            timezone(tz, out);
        }
    }

    /** settimeofday(const struct timeval *tv, const struct timezone *tz) */
    private static void settimeofday(long[] args, ArgWriter out) {
        long tv = args[0], tz = args[1];
        Times.timeval(tv, out);
        timezone(tz, out);
    }

    private static void timezone(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, TIMEZONE_SIZE)) {
            out.pointer(address);
            return;
        }
        int minuteswest = out.fetchedInt32(0), dsttime = out.fetchedInt32(4);
        out.beginStruct();
        out.field("tz_minuteswest");
        out.int32(minuteswest);
        out.field("tz_dsttime");
        out.int32(dsttime);
        out.endStruct();
    }

    /** time(time_t *tloc): the kernel stores the result there too. */
    private static void time(long[] args, long ret, ArgWriter out) {
        long tloc = args[0];
        if (Errno.isError(ret) || tloc == 0 || !out.fetch(tloc, 8)) {
            out.pointer(tloc);
            return;
        }
        long seconds = out.fetchedLong(0);
        out.beginArray();
        out.signed(seconds);
        out.commentDate(seconds);
        out.endArray();
    }

    private static void date(long[] args, long ret, ArgWriter out) {
        out.date(ret);
    }

    /** times(struct tms *buf) */
    private static void times(long[] args, long ret, ArgWriter out) {
        long buf = args[0];
        if (Errno.isError(ret) || buf == 0 || !out.fetch(buf, TMS_SIZE)) {
            out.pointer(buf);
            return;
        }
        long utime = out.fetchedLong(0), stime = out.fetchedLong(8), cutime = out.fetchedLong(16), cstime = out.fetchedLong(24);
        out.beginStruct();
        out.field("tms_utime");
        out.unsigned(utime);
        out.field("tms_stime");
        out.unsigned(stime);
        out.field("tms_cutime");
        out.unsigned(cutime);
        out.field("tms_cstime");
        out.unsigned(cstime);
        out.endStruct();
    }
}
