package dev.jutrace.tools.strace;

import java.util.TimeZone;

/**
 * What strace prints before a line's text, in its order: the thread ({@code [pid  123] } or
 * {@code 123   }), the timestamp ({@code -t}, {@code -tt}, {@code -ttt}, {@code -r}), the syscall
 * number ({@code -n}) and the instruction pointer ({@code -i}). Formats digits by hand into the
 * caller's buffer: nothing is allocated per line.
 */
final class LinePrefix {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StraceOptions options;
    /** Wall-clock time is the start's epoch time plus the monotonic time since, so lines need no clock object. */
    private final long epochNanosAtStart;
    private final long monoAtStart;
    private final long zoneOffsetSeconds;
    private long previousLine;

    LinePrefix(StraceOptions options) {
        this.options = options;
        this.monoAtStart = System.nanoTime();
        long millis = System.currentTimeMillis();
        this.epochNanosAtStart = millis * 1_000_000L;
        this.zoneOffsetSeconds = TimeZone.getDefault().getOffset(millis) / 1000;
        this.previousLine = monoAtStart;
    }

    /** Whether any part of the prefix needs the time of the stop. */
    boolean needsTime() {
        return options.timestamps() != StraceOptions.Timestamps.NONE || options.relative();
    }

    /**
     * Appends the prefix of a line about thread {@code tid}, seen at {@code now} (System.nanoTime),
     * whose last syscall was {@code nr} ({@code -1} for none) and which stopped at {@code ip}
     * ({@code -1} when the thread is gone).
     */
    void append(StringBuilder sb, int tid, boolean manyTasks, long now, int nr, long ip) {
        switch (options.pids()) {
            case COLUMN -> {
                int start = sb.length();
                sb.append(tid);
                while (sb.length() - start < 5) sb.append(' ');
                sb.append(' ');
            }
            case ALWAYS -> bracketPid(sb, tid);
            case AUTO -> {
                if (manyTasks) bracketPid(sb, tid);
            }
            case NONE -> { }
        }
        if (needsTime()) timestamp(sb, now);
        if (options.syscallNumbers()) {
            sb.append('[');
            int n = Math.max(nr, 0);
            for (int i = digits(n); i < 4; i++) sb.append(' ');
            sb.append(n).append("] ");
        }
        if (options.instructionPointer()) {
            sb.append('[');
            if (ip == -1) {
                sb.append("????????????????");
            } else {
                for (int shift = 60; shift >= 0; shift -= 4) sb.append(HEX[(int) (ip >>> shift) & 0xf]);
            }
            sb.append("] ");
        }
    }

    private static void bracketPid(StringBuilder sb, int tid) {
        sb.append("[pid ");
        for (int i = digits(tid); i < 5; i++) sb.append(' ');
        sb.append(tid).append("] ");
    }

    private void timestamp(StringBuilder sb, long now) {
        long epoch = epochNanosAtStart + (now - monoAtStart);
        switch (options.timestamps()) {
            case NONE -> { }
            case TIME, TIME_US -> {
                long local = Math.floorMod(Math.floorDiv(epoch, NANOS_PER_SECOND) + zoneOffsetSeconds, SECONDS_PER_DAY);
                two(sb, local / 3600);
                sb.append(':');
                two(sb, local / 60 % 60);
                sb.append(':');
                two(sb, local % 60);
                if (options.timestamps() == StraceOptions.Timestamps.TIME_US) {
                    sb.append('.');
                    micros(sb, epoch);
                }
                sb.append(' ');
            }
            case UNIX_US -> {
                sb.append(epoch / NANOS_PER_SECOND).append('.');
                micros(sb, epoch);
                sb.append(' ');
            }
        }
        if (options.relative()) {
            long delta = Math.max(0, now - previousLine);
            previousLine = now;
            boolean alone = options.timestamps() == StraceOptions.Timestamps.NONE;
            if (!alone) sb.append("(+");
            long seconds = delta / NANOS_PER_SECOND;
            for (int i = digits(seconds); i < 6; i++) sb.append(' ');
            sb.append(seconds).append('.');
            micros(sb, delta);
            sb.append(alone ? " " : ") ");
        }
    }

    /** Appends {@code <0.000026>}: {@code -T}'s time spent, with a leading space. */
    static void appendDuration(StringBuilder sb, long nanos) {
        long d = Math.max(0, nanos);
        sb.append(" <").append(d / NANOS_PER_SECOND).append('.');
        micros(sb, d);
        sb.append('>');
    }

    /** The microseconds of {@code nanos} within its second, six digits, truncated as strace does. */
    private static void micros(StringBuilder sb, long nanos) {
        long us = Math.floorMod(nanos, NANOS_PER_SECOND) / 1000;
        for (int i = digits(us); i < 6; i++) sb.append('0');
        sb.append(us);
    }

    private static void two(StringBuilder sb, long v) {
        if (v < 10) sb.append('0');
        sb.append(v);
    }

    static int digits(long n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }
}
