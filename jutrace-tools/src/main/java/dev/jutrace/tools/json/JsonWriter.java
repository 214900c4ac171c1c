package dev.jutrace.tools.json;

/**
 * Writes one JSON object into a reused {@link StringBuilder}, member by member, so an event costs
 * no allocation: numbers and hex are written digit by digit, strings escaped in place. The caller
 * owns the order and the names; the writer only keeps the commas right.
 */
final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final StringBuilder sb;
    private boolean first;

    JsonWriter(StringBuilder sb) {
        this.sb = sb;
    }

    /** Starts a fresh object, dropping whatever the buffer held. */
    JsonWriter begin() {
        sb.setLength(0);
        sb.append('{');
        first = true;
        return this;
    }

    JsonWriter end() {
        sb.append('}');
        return this;
    }

    StringBuilder buffer() {
        return sb;
    }

    private void name(String name) {
        if (!first) sb.append(',');
        first = false;
        sb.append('"').append(name).append("\":");
    }

    JsonWriter number(String name, long value) {
        name(name);
        sb.append(value);
        return this;
    }

    JsonWriter bool(String name, boolean value) {
        name(name);
        sb.append(value);
        return this;
    }

    JsonWriter nul(String name) {
        name(name);
        sb.append("null");
        return this;
    }

    /** A string member, or null when {@code value} is null. */
    JsonWriter string(String name, CharSequence value) {
        if (value == null) return nul(name);
        return string(name, value, 0, value.length());
    }

    /** A string member holding {@code value[from, to)}; {@code value} must not be this writer's buffer. */
    JsonWriter string(String name, CharSequence value, int from, int to) {
        name(name);
        sb.append('"');
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        // The output is ASCII: anything else is escaped, so no encoder can mangle it.
                        sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
        return this;
    }

    /** Seconds since the epoch with six decimals, from nanoseconds since the epoch. */
    JsonWriter seconds(String name, long epochNanos) {
        name(name);
        long micros = Math.floorDiv(epochNanos, 1000);
        sb.append(Math.floorDiv(micros, 1_000_000)).append('.');
        long frac = Math.floorMod(micros, 1_000_000);
        for (long d = 100_000; d > 0; d /= 10) sb.append((char) ('0' + frac / d % 10));
        return this;
    }

    /** Starts an array member; {@link #hexItem} adds to it, {@link #endArray} closes it. */
    JsonWriter beginArray(String name) {
        name(name);
        sb.append('[');
        return this;
    }

    /**
     * A 64-bit value as the string {@code "0x..."}: JSON numbers lose precision past 2^53 in most
     * readers, and a register is unsigned.
     */
    JsonWriter hexItem(long value, boolean firstItem) {
        if (!firstItem) sb.append(',');
        sb.append("\"0x");
        int shift = 60;
        while (shift > 0 && ((value >>> shift) & 15) == 0) shift -= 4;
        for (; shift >= 0; shift -= 4) sb.append(HEX[(int) (value >>> shift) & 15]);
        sb.append('"');
        return this;
    }

    JsonWriter endArray() {
        sb.append(']');
        return this;
    }
}
