package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * The time structs many families share, as strace prints them: struct timespec
 * {@code {tv_sec=1, tv_nsec=0}}, struct timeval {@code {tv_sec=1, tv_usec=0}}, and the
 * interval pairs of timers. Each prints NULL as {@code NULL} and an unreadable pointer as its
 * address.
 */
final class Times {

    static final Xlat CLOCKS = Xlat.load("clocks");
    /** x86_64 struct timespec and struct timeval: two longs. */
    static final int TIMESPEC_SIZE = 16;
    /** struct itimerspec and struct itimerval: the interval, then the value. */
    static final int ITIMER_SIZE = 32;

    private static final int EINTR = Errno.number("EINTR");

    private Times() {}

    /** A clockid_t: {@code CLOCK_MONOTONIC}, or hex and {@code /* CLOCK_??? *}{@code /}. */
    static void clock(long clockid, ArgWriter out) {
        out.value(CLOCKS, clockid & 0xffff_ffffL);
    }

    static void timespec(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, TIMESPEC_SIZE)) {
            out.pointer(address);
            return;
        }
        timespecFields(out.fetchedLong(0), out.fetchedLong(8), out);
    }

    static void timespecFields(long sec, long nsec, ArgWriter out) {
        out.beginStruct();
        out.field("tv_sec");
        out.signed(sec);
        out.field("tv_nsec");
        out.signed(nsec);
        out.endStruct();
    }

    static void timeval(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, TIMESPEC_SIZE)) {
            out.pointer(address);
            return;
        }
        timevalFields(out.fetchedLong(0), out.fetchedLong(8), out);
    }

    static void timevalFields(long sec, long usec, ArgWriter out) {
        out.beginStruct();
        out.field("tv_sec");
        out.signed(sec);
        out.field("tv_usec");
        out.signed(usec);
        out.endStruct();
    }

    /** struct itimerspec: {@code {it_interval={tv_sec=0, tv_nsec=0}, it_value={...}}}. */
    static void itimerspec(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, ITIMER_SIZE)) {
            out.pointer(address);
            return;
        }
        long intervalSec = out.fetchedLong(0), intervalNsec = out.fetchedLong(8);
        long valueSec = out.fetchedLong(16), valueNsec = out.fetchedLong(24);
        out.beginStruct();
        out.field("it_interval");
        timespecFields(intervalSec, intervalNsec, out);
        out.field("it_value");
        timespecFields(valueSec, valueNsec, out);
        out.endStruct();
    }

    /** struct itimerval: {@code {it_interval={tv_sec=0, tv_usec=0}, it_value={...}}}. */
    static void itimerval(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, ITIMER_SIZE)) {
            out.pointer(address);
            return;
        }
        long intervalSec = out.fetchedLong(0), intervalUsec = out.fetchedLong(8);
        long valueSec = out.fetchedLong(16), valueUsec = out.fetchedLong(24);
        out.beginStruct();
        out.field("it_interval");
        timevalFields(intervalSec, intervalUsec, out);
        out.field("it_value");
        timevalFields(valueSec, valueUsec, out);
        out.endStruct();
    }

    /** A struct the kernel fills on success: its fields then, its address otherwise. */
    static void filledTimespec(long address, long ret, ArgWriter out) {
        if (Errno.isError(ret)) {
            out.pointer(address);
        } else {
            timespec(address, out);
        }
    }

    /** A struct itimerspec the kernel fills on success. */
    static void filledItimerspec(long address, long ret, ArgWriter out) {
        if (Errno.isError(ret)) {
            out.pointer(address);
        } else {
            itimerspec(address, out);
        }
    }

    /**
     * The time left of an interrupted sleep: the kernel writes it only when a signal cut the
     * sleep short (EINTR, or a restart code), so only then does it print as a struct.
     */
    static void remaining(long address, long ret, ArgWriter out) {
        int errno = Errno.isError(ret) ? (int) -ret : 0;
        if (errno == EINTR || (errno != 0 && Errno.isRestart(errno))) {
            timespec(address, out);
        } else {
            out.pointer(address);
        }
    }
}
