package dev.jutrace.tools.gdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The remote protocol's framing: {@code $payload#cs}, the checksum being the payload's byte sum
 * modulo 256 in two hex digits. Inside a payload {@code $ # } *} are escaped as {@code '}'}
 * followed by the byte XOR 0x20, so binary data (X packets, qXfer replies) survives. Payloads are
 * held as ISO-8859-1 strings, one char per byte, which keeps binary data intact and lets the
 * handlers parse text with String methods. Replies are never run-length encoded: gdb accepts
 * plain ones, and RLE only saves bytes.
 */
final class Rsp {
    private Rsp() {}

    /** Frames {@code payload}, escaping what must be escaped. */
    static byte[] frame(String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length() + 8);
        out.write('$');
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int c = payload.charAt(i) & 0xff;
            if (c == '$' || c == '#' || c == '}' || c == '*') {
                out.write('}');
                out.write(c ^ 0x20);
                sum += '}' + (c ^ 0x20);
            } else {
                out.write(c);
                sum += c;
            }
        }
        out.write('#');
        String cs = String.format("%02x", sum & 0xff);
        out.write(cs.charAt(0));
        out.write(cs.charAt(1));
        return out.toByteArray();
    }

    /** Binary bytes as a payload string (one char per byte), to be escaped by {@link #frame}. */
    static String binary(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** What arrives from gdb: a packet, an acknowledgement, or the out-of-band interrupt byte. */
    sealed interface Input permits Packet, Ack, Nak, Interrupt, Corrupt {}

    /** A whole packet whose checksum matched; {@code payload} is already unescaped. */
    record Packet(String payload) implements Input {
        @Override
        public String toString() {
            return "$" + payload;
        }
    }

    /** {@code +}: the last packet arrived. */
    record Ack() implements Input {}

    /** {@code -}: the last packet arrived damaged; send it again. */
    record Nak() implements Input {}

    /** A raw 0x03 between packets: gdb's Ctrl-C. */
    record Interrupt() implements Input {}

    /** A packet whose checksum did not match; answered with {@code -} in acknowledgement mode. */
    record Corrupt(String payload) implements Input {}

    /** Turns a byte stream into inputs, one byte at a time, so a packet split across reads is fine. */
    static final class Decoder {
        private enum State { IDLE, DATA, CHECK1, CHECK2 }

        private State state = State.IDLE;
        private final StringBuilder data = new StringBuilder(256);
        private int sum;
        private int check;
        private boolean escaped;

        /** Feeds one byte; returns an input when it completes one, else null. */
        Input feed(int b) {
            b &= 0xff;
            switch (state) {
                case IDLE -> {
                    switch (b) {
                        case '$' -> {
                            state = State.DATA;
                            data.setLength(0);
                            sum = 0;
                            escaped = false;
                        }
                        case '+' -> {
                            return new Ack();
                        }
                        case '-' -> {
                            return new Nak();
                        }
                        case 0x03 -> {
                            return new Interrupt();
                        }
                        default -> { } // line noise between packets
                    }
                    return null;
                }
                case DATA -> {
                    if (b == '#' && !escaped) {
                        state = State.CHECK1;
                        return null;
                    }
                    sum += b;
                    if (escaped) {
                        data.append((char) (b ^ 0x20));
                        escaped = false;
                    } else if (b == '}') {
                        escaped = true;
                    } else {
                        data.append((char) b);
                    }
                    return null;
                }
                case CHECK1 -> {
                    check = hexValue(b) << 4;
                    state = State.CHECK2;
                    return null;
                }
                case CHECK2 -> {
                    state = State.IDLE;
                    int got = check | hexValue(b);
                    String payload = data.toString();
                    return got == (sum & 0xff) ? new Packet(payload) : new Corrupt(payload);
                }
            }
            return null;
        }

        private static int hexValue(int b) {
            if (b >= '0' && b <= '9') return b - '0';
            if (b >= 'a' && b <= 'f') return b - 'a' + 10;
            if (b >= 'A' && b <= 'F') return b - 'A' + 10;
            return 0x100; // never matches a checksum
        }
    }
}
