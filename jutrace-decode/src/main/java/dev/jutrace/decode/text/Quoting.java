package dev.jutrace.decode.text;

import dev.jutrace.decode.DecodeOptions;

/**
 * Quotes tracee bytes the way strace does.
 *
 * <ul>
 *   <li>Printable ASCII prints as itself, except {@code "} and {@code \}, which get a backslash.
 *   <li>Tab, newline, vertical tab, form feed and carriage return print as {@code \t \n \v \f \r}.
 *   <li>Any other byte prints as an octal escape, as short as it can be, {@code \0}, {@code \33},
 *       {@code \377}, unless the next printed byte is an octal digit: then it takes all three
 *       digits ({@code \0001}) so the reader cannot run them together.
 *   <li>With {@code -x}, a string holding any byte of that last kind prints wholly as
 *       {@code \xNN}; with {@code -xx}, every string does.
 * </ul>
 */
public final class Quoting {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Quoting() {}

    /**
     * Appends {@code "..."} for {@code length} bytes of {@code bytes} from {@code offset}, then
     * {@code ...} when {@code truncated}.
     */
    public static void append(StringBuilder out, byte[] bytes, int offset, int length, boolean truncated,
            DecodeOptions options) {
        int end = offset + length;
        out.append('"');
        if (options.allHex() || (options.hexStrings() && needsEscapes(bytes, offset, end))) {
            for (int i = offset; i < end; i++) {
                out.append("\\x").append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
            }
        } else {
            for (int i = offset; i < end; i++) {
                appendEscaped(out, bytes[i] & 0xff, i + 1 < end ? bytes[i + 1] & 0xff : -1);
            }
        }
        out.append('"');
        if (truncated) {
            out.append("...");
        }
    }

    private static void appendEscaped(StringBuilder out, int c, int next) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case 0x0b -> out.append("\\v");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            default -> {
                if (c >= 0x20 && c < 0x7f) {
                    out.append((char) c);
                } else {
                    out.append('\\');
                    boolean full = next >= '0' && next <= '7';
                    if (full || c >= 0100) {
                        out.append((char) ('0' + (c >> 6)));
                    }
                    if (full || c >= 010) {
                        out.append((char) ('0' + ((c >> 3) & 7)));
                    }
                    out.append((char) ('0' + (c & 7)));
                }
            }
        }
    }

    /** Whether any byte would need a numeric escape: what makes {@code -x} switch to hex. */
    private static boolean needsEscapes(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = bytes[i] & 0xff;
            boolean plain = (c >= 0x20 && c < 0x7f) || (c >= '\t' && c <= '\r');
            if (!plain) {
                return true;
            }
        }
        return false;
    }
}
