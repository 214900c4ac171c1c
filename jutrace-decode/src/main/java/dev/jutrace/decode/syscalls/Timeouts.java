package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;

/**
 * The time structs that polling, socket and futex calls take as timeouts, read from tracee
 * memory: {@code {tv_sec=1, tv_nsec=5}}, {@code NULL}, or the address when unreadable.
 */
final class Timeouts {

    /** struct timespec and struct timeval on x86_64: two longs. */
    private static final int SIZE = 16;

    private Timeouts() {}

    /** A struct timespec. */
    static void timespec(long address, ArgWriter out) {
        pair(address, "tv_nsec", out);
    }

    /** A struct timeval. */
    static void timeval(long address, ArgWriter out) {
        pair(address, "tv_usec", out);
    }

    private static void pair(long address, String fraction, ArgWriter out) {
        if (address == 0 || !out.fetch(address, SIZE)) {
            out.pointer(address);
            return;
        }
        long sec = out.fetchedLong(0), frac = out.fetchedLong(8);
        out.beginStruct();
        out.field("tv_sec");
        out.signed(sec);
        out.field(fraction);
        out.signed(frac);
        out.endStruct();
    }
}
