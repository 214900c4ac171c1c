package dev.jutrace.decode;

/**
 * How much of tracee memory to print and how to escape it; the strace options -s, -x and -xx.
 *
 * @param stringLimit the most bytes of one string, and the most elements of one array, to print
 *     (strace -s, 32 by default); anything longer ends in {@code ...}
 * @param hexStrings print a string wholly as {@code \xNN} escapes when it has any byte outside
 *     printable ASCII and the C whitespace escapes (strace -x)
 * @param allHex print every string wholly as {@code \xNN} escapes (strace -xx)
 */
public record DecodeOptions(int stringLimit, boolean hexStrings, boolean allHex) {

    /** strace's defaults: {@code -s 32}, no {@code -x}. */
    public static final DecodeOptions DEFAULT = new DecodeOptions(32, false, false);

    public DecodeOptions {
        if (stringLimit < 0) {
            throw new IllegalArgumentException("string limit must not be negative: " + stringLimit);
        }
    }

    /** strace's defaults. */
    public static DecodeOptions defaults() {
        return DEFAULT;
    }

    /** These options with {@code -s limit}. */
    public DecodeOptions withStringLimit(int limit) {
        return new DecodeOptions(limit, hexStrings, allHex);
    }

    /** These options with or without {@code -x}. */
    public DecodeOptions withHexStrings(boolean on) {
        return new DecodeOptions(stringLimit, on, allHex);
    }

    /** These options with or without {@code -xx}. */
    public DecodeOptions withAllHex(boolean on) {
        return new DecodeOptions(stringLimit, hexStrings, on);
    }
}
