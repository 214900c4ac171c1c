package dev.jutrace.decode;

/**
 * How much of tracee memory to print and how to escape it; the strace options -s, -x, -xx, -X
 * and -v.
 *
 * @param stringLimit the most bytes of one string, and the most elements of one array, to print
 *     (strace -s, 32 by default); anything longer ends in {@code ...}
 * @param hexStrings print a string wholly as {@code \xNN} escapes when it has any byte outside
 *     printable ASCII and the C whitespace escapes (strace -x)
 * @param allHex print every string wholly as {@code \xNN} escapes (strace -xx)
 * @param decodeFds what to print after a file descriptor: 0 nothing, 1 its path (strace -y),
 *     2 also socket endpoints and device numbers (strace -yy); see {@link FdNames}
 * @param constStyle how named constants and flags print (strace -X)
 * @param noAbbrev print in full what decoders otherwise abbreviate, such as execve's
 *     environment (strace -v)
 */
public record DecodeOptions(int stringLimit, boolean hexStrings, boolean allHex, int decodeFds,
        ConstStyle constStyle, boolean noAbbrev) {

    /** strace -X: how a value that a table names prints. */
    public enum ConstStyle {
        /** The name alone, the number only when no name fits: {@code O_RDWR}. */
        ABBREV,
        /** The number alone: {@code 0x2}. */
        RAW,
        /** The number, then the name in a comment: {@code 0x2 /* O_RDWR *}{@code /}. */
        VERBOSE;

        /** The style for strace's {@code -X} argument, or null when it names none. */
        public static ConstStyle of(String name) {
            return switch (name) {
                case "abbrev" -> ABBREV;
                case "raw" -> RAW;
                case "verbose" -> VERBOSE;
                default -> null;
            };
        }
    }

    /** strace's defaults: {@code -s 32}, no {@code -x}, no {@code -y}, {@code -X abbrev}, no {@code -v}. */
    public static final DecodeOptions DEFAULT = new DecodeOptions(32, false, false, 0, ConstStyle.ABBREV, false);

    public DecodeOptions {
        if (stringLimit < 0) {
            throw new IllegalArgumentException("string limit must not be negative: " + stringLimit);
        }
        if (decodeFds < 0 || decodeFds > 2) {
            throw new IllegalArgumentException("decodeFds must be 0, 1 or 2: " + decodeFds);
        }
        if (constStyle == null) {
            throw new IllegalArgumentException("constStyle must not be null");
        }
    }

    /** The options before -X and -v; kept so that callers written before them still compile. */
    public DecodeOptions(int stringLimit, boolean hexStrings, boolean allHex, int decodeFds) {
        this(stringLimit, hexStrings, allHex, decodeFds, ConstStyle.ABBREV, false);
    }

    /** strace's defaults. */
    public static DecodeOptions defaults() {
        return DEFAULT;
    }

    /** These options with {@code -s limit}. */
    public DecodeOptions withStringLimit(int limit) {
        return new DecodeOptions(limit, hexStrings, allHex, decodeFds, constStyle, noAbbrev);
    }

    /** These options with or without {@code -x}. */
    public DecodeOptions withHexStrings(boolean on) {
        return new DecodeOptions(stringLimit, on, allHex, decodeFds, constStyle, noAbbrev);
    }

    /** These options with or without {@code -xx}. */
    public DecodeOptions withAllHex(boolean on) {
        return new DecodeOptions(stringLimit, hexStrings, on, decodeFds, constStyle, noAbbrev);
    }

    /** These options with {@code -y} ({@code level} 1), {@code -yy} (2) or neither (0). */
    public DecodeOptions withDecodeFds(int level) {
        return new DecodeOptions(stringLimit, hexStrings, allHex, level, constStyle, noAbbrev);
    }

    /** These options with {@code -X style}. */
    public DecodeOptions withConstStyle(ConstStyle style) {
        return new DecodeOptions(stringLimit, hexStrings, allHex, decodeFds, style, noAbbrev);
    }

    /** These options with or without {@code -v}. */
    public DecodeOptions withNoAbbrev(boolean on) {
        return new DecodeOptions(stringLimit, hexStrings, allHex, decodeFds, constStyle, on);
    }
}
