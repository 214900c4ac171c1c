package dev.jutrace.decode;

/**
 * How much of tracee memory to print and how to escape it; the strace options -s, -x and -xx.
 *
 * @param stringLimit the most bytes of one string, and the most elements of one array, to print
 *     (strace -s, 32 by default); anything longer ends in {@code ...}
 * @param hexStrings print a string wholly as {@code \xNN} escapes when it has any byte outside
 *     printable ASCII and the C whitespace escapes (strace -x)
 * @param allHex print every string wholly as {@code \xNN} escapes (strace -xx)
 * @param decodeFds what to print after a file descriptor: 0 nothing, 1 its path (strace -y),
 *     2 also socket endpoints and device numbers (strace -yy); see {@link FdNames}
 */
public record DecodeOptions(int stringLimit, boolean hexStrings, boolean allHex, int decodeFds) {

    /** strace's defaults: {@code -s 32}, no {@code -x}, no {@code -y}. */
    public static final DecodeOptions DEFAULT = new DecodeOptions(32, false, false, 0);

    public DecodeOptions {
        if (stringLimit < 0) {
            throw new IllegalArgumentException("string limit must not be negative: " + stringLimit);
        }
        if (decodeFds < 0 || decodeFds > 2) {
            throw new IllegalArgumentException("decodeFds must be 0, 1 or 2: " + decodeFds);
        }
    }

    /** strace's defaults. */
    public static DecodeOptions defaults() {
        return DEFAULT;
    }

    /** These options with {@code -s limit}. */
    public DecodeOptions withStringLimit(int limit) {
        return new DecodeOptions(limit, hexStrings, allHex, decodeFds);
    }

    /** These options with or without {@code -x}. */
    public DecodeOptions withHexStrings(boolean on) {
        return new DecodeOptions(stringLimit, on, allHex, decodeFds);
    }

    /** These options with or without {@code -xx}. */
    public DecodeOptions withAllHex(boolean on) {
        return new DecodeOptions(stringLimit, hexStrings, on, decodeFds);
    }

    /** These options with {@code -y} ({@code level} 1), {@code -yy} (2) or neither (0). */
    public DecodeOptions withDecodeFds(int level) {
        return new DecodeOptions(stringLimit, hexStrings, allHex, level);
    }
}
