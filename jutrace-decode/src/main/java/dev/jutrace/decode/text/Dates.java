package dev.jutrace.decode.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Appends a time since the epoch as strace writes it in comments, ISO 8601 in the local zone:
 * {@code 2023-11-14T22:13:20+0000}, {@code 1970-01-01T00:00:01.000000002+0000}. The calendar
 * arithmetic is done here, in longs, so a fixed zone (UTC on servers) costs no allocation.
 */
final class Dates {

    private static final ZoneRules ZONE = ZoneId.systemDefault().getRules();
    /** The zone's offset in seconds when it never changes, else {@link Integer#MIN_VALUE}. */
    private static final int FIXED_OFFSET = ZONE.isFixedOffset() ? ZONE.getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;
    private static final int DAY = 86_400;

    private Dates() {}

    /** {@code seconds} since the epoch, and the nanoseconds after them when {@code withNanos}. */
    static void append(StringBuilder out, long seconds, long nanos, boolean withNanos) {
        int offset = FIXED_OFFSET != Integer.MIN_VALUE ? FIXED_OFFSET : ZONE.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        long local = seconds + offset;
        long days = Math.floorDiv(local, DAY);
        int secondOfDay = (int) Math.floorMod(local, DAY);
        // Days to a proleptic Gregorian date, counting in 400-year eras that start on 1 March.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        long month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        out.append(year).append('-');
        two(out, month).append('-');
        two(out, day).append('T');
        two(out, secondOfDay / 3600).append(':');
        two(out, secondOfDay / 60 % 60).append(':');
        two(out, secondOfDay % 60);
        if (withNanos) {
            out.append('.');
            for (long unit = 100_000_000; unit > 0; unit /= 10) {
                out.append((char) ('0' + nanos / unit % 10));
            }
        }
        out.append(offset < 0 ? '-' : '+');
        int abs = Math.abs(offset);
        two(out, abs / 3600);
        two(out, abs / 60 % 60);
    }

    private static StringBuilder two(StringBuilder out, long value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
