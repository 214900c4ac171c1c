package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * clock_gettime(2), clock_getres(2), clock_settime(2), clock_nanosleep(2), nanosleep(2). What
 * the kernel fills (the time, the resolution, the time left) prints at exit.
 */
final class Clock {

    private static final Xlat TIMER_FLAGS = Xlat.load("timer_flags");

    private Clock() {}

    static void register(Registrar r) {
        r.add("clock_gettime", Decoder.split(Clock::clockOnly, Clock::filled));
        r.add("clock_getres", Decoder.split(Clock::clockOnly, Clock::filled));
        r.add("clock_settime", Decoder.atEntry(Clock::clockSettime));
        r.add("nanosleep", Decoder.split(Clock::nanosleepEntry, Clock::nanosleepExit));
        r.add("clock_nanosleep", Decoder.split(Clock::clockNanosleepEntry, Clock::clockNanosleepExit));
    }

    private static void clockOnly(long[] args, ArgWriter out) {
        long clockid = args[0];
        Times.clock(clockid, out);
    }

    /** clock_gettime(clockid_t clockid, struct timespec *tp), and clock_getres's res, after the clock. */
    private static void filled(long[] args, long ret, ArgWriter out) {
        long tp = args[1];
        Times.filledTimespec(tp, ret, out);
    }

    /** clock_settime(clockid_t clockid, const struct timespec *tp) */
    private static void clockSettime(long[] args, ArgWriter out) {
        long clockid = args[0], tp = args[1];
        Times.clock(clockid, out);
        Times.timespec(tp, out);
    }

    /** nanosleep(const struct timespec *req, struct timespec *rem) */
    private static void nanosleepEntry(long[] args, ArgWriter out) {
        long req = args[0];
        Times.timespec(req, out);
    }

    private static void nanosleepExit(long[] args, long ret, ArgWriter out) {
        long rem = args[1];
        Times.remaining(rem, ret, out);
    }

    /** clock_nanosleep(clockid_t clockid, int flags, const struct timespec *request, struct timespec *remain) */
    private static void clockNanosleepEntry(long[] args, ArgWriter out) {
        long clockid = args[0], flags = args[1], request = args[2];
        Times.clock(clockid, out);
        out.flags(TIMER_FLAGS, flags & 0xffff_ffffL);
        Times.timespec(request, out);
    }

    private static void clockNanosleepExit(long[] args, long ret, ArgWriter out) {
        long remain = args[3];
        Times.remaining(remain, ret, out);
    }
}
