package dev.jutrace.decode.text;

/**
 * Appends numbers in the forms strace prints, straight into a StringBuilder: the JDK's
 * {@code toHexString} and {@code String.format} would each allocate on the hot path.
 */
public final class Numbers {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Numbers() {}

    /** C's {@code %#llx}: {@code 0} for zero, else {@code 0x7ffc12345678}. */
    public static void appendHex(StringBuilder out, long value) {
        if (value == 0) {
            out.append('0');
            return;
        }
        out.append("0x");
        appendHexDigits(out, value);
    }

    /** The unsigned hex digits of {@code value}, no prefix, no leading zeros. */
    public static void appendHexDigits(StringBuilder out, long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value);
        for (int shift = Math.max(0, (bits - 1) / 4 * 4); shift >= 0; shift -= 4) {
            out.append(DIGITS[(int) (value >>> shift) & 0xf]);
        }
    }

    /** C's {@code %llu}. */
    public static void appendUnsigned(StringBuilder out, long value) {
        if (value >= 0) {
            out.append(value);
            return;
        }
        // Halve first so the quotient fits a signed long; the last digit is what remains.
        long quotient = (value >>> 1) / 5;
        out.append(quotient).append(value - quotient * 10);
    }

    /** C's {@code %#llo}: {@code 0} for zero, else a leading 0, e.g. {@code 0644}. */
    public static void appendOctal(StringBuilder out, long value) {
        if (value == 0) {
            out.append('0');
            return;
        }
        out.append('0');
        appendOctalDigits(out, value);
    }

    /**
     * C's {@code %#03llo}, strace's form for file modes and umask: {@code 000}, {@code 007},
     * {@code 044}, {@code 0644}, {@code 0170777}.
     */
    public static void appendMode(StringBuilder out, long value) {
        int digits = value == 0 ? 0 : (64 - Long.numberOfLeadingZeros(value) + 2) / 3;
        for (int pad = 1 + digits; pad < 3; pad++) {
            out.append('0');
        }
        out.append('0');
        if (value != 0) {
            appendOctalDigits(out, value);
        }
    }

    private static void appendOctalDigits(StringBuilder out, long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value);
        for (int shift = (bits - 1) / 3 * 3; shift >= 0; shift -= 3) {
            out.append(DIGITS[(int) (value >>> shift) & 7]);
        }
    }
}
