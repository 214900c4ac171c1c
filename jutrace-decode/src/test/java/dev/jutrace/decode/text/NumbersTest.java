package dev.jutrace.decode.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class NumbersTest {

    private static String format(BiConsumer<StringBuilder, Long> appender, long value) {
        StringBuilder out = new StringBuilder();
        appender.accept(out, value);
        return out.toString();
    }

    @Test
    void hexAsCPrintsHashLlx() {
        assertThat(format(Numbers::appendHex, 0)).isEqualTo("0");
        assertThat(format(Numbers::appendHex, 1)).isEqualTo("0x1");
        assertThat(format(Numbers::appendHex, 0x7ffc12345678L)).isEqualTo("0x7ffc12345678");
        assertThat(format(Numbers::appendHex, -1)).isEqualTo("0xffffffffffffffff");
        assertThat(format(Numbers::appendHex, Long.MIN_VALUE)).isEqualTo("0x8000000000000000");
    }

    @Test
    void unsignedDecimal() {
        assertThat(format(Numbers::appendUnsigned, 0)).isEqualTo("0");
        assertThat(format(Numbers::appendUnsigned, 4096)).isEqualTo("4096");
        assertThat(format(Numbers::appendUnsigned, -1)).isEqualTo("18446744073709551615");
        assertThat(format(Numbers::appendUnsigned, Long.MIN_VALUE)).isEqualTo("9223372036854775808");
        assertThat(format(Numbers::appendUnsigned, -10)).isEqualTo("18446744073709551606");
    }

    @Test
    void modesAsStracePrintsThem() {
        assertThat(format(Numbers::appendMode, 0)).isEqualTo("000");
        assertThat(format(Numbers::appendMode, 07)).isEqualTo("007");
        assertThat(format(Numbers::appendMode, 044)).isEqualTo("044");
        assertThat(format(Numbers::appendMode, 0644)).isEqualTo("0644");
        assertThat(format(Numbers::appendMode, 04777)).isEqualTo("04777");
        assertThat(format(Numbers::appendMode, 0177777)).isEqualTo("0177777");
    }

    @Test
    void octal() {
        assertThat(format(Numbers::appendOctal, 0)).isEqualTo("0");
        assertThat(format(Numbers::appendOctal, 8)).isEqualTo("010");
        assertThat(format(Numbers::appendOctal, -1)).isEqualTo("01777777777777777777777");
    }
}
