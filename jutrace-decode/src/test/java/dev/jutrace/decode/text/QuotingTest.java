package dev.jutrace.decode.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.decode.DecodeOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected strings are what strace 6.1 printed for write(2) calls of the same bytes. */
class QuotingTest {

    private static final DecodeOptions PLAIN = DecodeOptions.DEFAULT;
    private static final DecodeOptions X = PLAIN.withHexStrings(true);
    private static final DecodeOptions XX = PLAIN.withAllHex(true);

    private static String quote(String bytes, DecodeOptions options) {
        return quote(bytes, false, options);
    }

    private static String quote(String bytes, boolean truncated, DecodeOptions options) {
        byte[] b = bytes.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        Quoting.append(out, b, 0, b.length, truncated, options);
        return out.toString();
    }

    @Test
    void printableAsciiAndCEscapes() {
        assertThat(quote("hello\n", PLAIN)).isEqualTo("\"hello\\n\"");
        assertThat(quote("abc\n\t\"\\x\0", PLAIN)).isEqualTo("\"abc\\n\\t\\\"\\\\x\\0\"");
        assertThat(quote("\u000b\f\r\u0007\b\u001b", PLAIN)).isEqualTo("\"\\v\\f\\r\\7\\10\\33\"");
        assertThat(quote("a~b ", PLAIN)).isEqualTo("\"a~b \"");
    }

    @Test
    void octalEscapesAreShortUnlessADigitFollows() {
        assertThat(quote("\u0001\u00011\0\u00008\u007f\u00ff\u0080z\0", PLAIN))
                .isEqualTo("\"\\1\\0011\\0\\08\\177\\377\\200z\\0\"");
        assertThat(quote("ab\0" + "1", PLAIN)).isEqualTo("\"ab\\0001\"");
        assertThat(quote("ab\0" + "12", PLAIN)).isEqualTo("\"ab\\00012\"");
        assertThat(quote("ab\u0001" + "9", PLAIN)).isEqualTo("\"ab\\19\"");
        assertThat(quote("h\u00e9llo", PLAIN)).isEqualTo("\"h\\351llo\"");
    }

    @Test
    void onlyPrintedBytesDecideTheEscape() {
        // strace -s 3 on "ab\0" "1": the digit after the limit does not widen \0
        assertThat(quote("ab\0", true, PLAIN)).isEqualTo("\"ab\\0\"...");
    }

    @Test
    void dashXHexesWholeStringsWithNonAsciiBytes() {
        assertThat(quote("hello\n", X)).isEqualTo("\"hello\\n\"");
        assertThat(quote("a\tb", X)).isEqualTo("\"a\\tb\"");
        assertThat(quote("a\u000bb", X)).isEqualTo("\"a\\vb\"");
        assertThat(quote("a\u007fb", X)).isEqualTo("\"\\x61\\x7f\\x62\"");
        assertThat(quote("h\u00e9llo", X)).isEqualTo("\"\\x68\\xe9\\x6c\\x6c\\x6f\"");
        assertThat(quote("abc\n\t\"\\x\0", X)).isEqualTo("\"\\x61\\x62\\x63\\x0a\\x09\\x22\\x5c\\x78\\x00\"");
        assertThat(quote("\u000b\f\r\u0007\b", true, X)).isEqualTo("\"\\x0b\\x0c\\x0d\\x07\\x08\"...");
    }

    @Test
    void dashXxHexesEverything() {
        assertThat(quote("hello", XX)).isEqualTo("\"\\x68\\x65\\x6c\\x6c\\x6f\"");
        assertThat(quote("", XX)).isEqualTo("\"\"");
    }
}
