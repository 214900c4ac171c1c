package dev.jutrace.tools.gdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hex digits as the remote protocol writes them: lower case, two per byte, target byte order for values. */
final class Hex {
    private Hex() {}

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    static void appendByte(StringBuilder sb, int b) {
        sb.append(DIGITS[(b >> 4) & 0xf]).append(DIGITS[b & 0xf]);
    }

    static String of(byte[] bytes, int offset, int length) {
        StringBuilder sb = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) appendByte(sb, bytes[offset + i]);
        return sb.toString();
    }

    static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    static String ofText(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code value}'s low {@code bytes} bytes, least significant first (x86 is little-endian). */
    static void appendLittleEndian(StringBuilder sb, long value, int bytes) {
        for (int i = 0; i < bytes; i++) appendByte(sb, (int) (value >>> (8 * i)));
    }

    static int digit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        throw new MalformedPacketException("not a hex digit: '" + c + "'");
    }

    /** Decodes an even-length hex string into bytes. */
    static byte[] bytes(CharSequence hex) {
        if (hex.length() % 2 != 0) throw new MalformedPacketException("odd number of hex digits");
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(hex.charAt(2 * i)) << 4 | digit(hex.charAt(2 * i + 1)));
        }
        return out;
    }

    static String text(CharSequence hex) {
        return new String(bytes(hex), StandardCharsets.UTF_8);
    }

    /** A big-endian hex number as gdb writes addresses and lengths ({@code 7ffc0a18}); at most 16 digits. */
    static long number(CharSequence hex) {
        if (hex.isEmpty() || hex.length() > 16) throw new MalformedPacketException("bad hex number '" + hex + "'");
        long v = 0;
        for (int i = 0; i < hex.length(); i++) v = v << 4 | digit(hex.charAt(i));
        return v;
    }

    /** A little-endian register value of {@code bytes} bytes from {@code hex} at {@code from}. */
    static long littleEndian(CharSequence hex, int from, int bytes) {
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            int p = from + 2 * i;
            v = v << 8 | (digit(hex.charAt(p)) << 4 | digit(hex.charAt(p + 1)));
        }
        return v;
    }

    static String number(long value) {
        return Long.toHexString(value);
    }

    static byte[] concat(ByteArrayOutputStream out) {
        return out.toByteArray();
    }
}
