package dev.jutrace.tools.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void bytesRoundTrip() {
        byte[] b = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff};
        assertThat(Hex.of(b)).isEqualTo("00017f80ff");
        assertThat(Hex.bytes("00017F80ff")).isEqualTo(b);
    }

    @Test
    void numbersAreBigEndianAndValuesLittleEndian() {
        assertThat(Hex.number("7ffc0a18")).isEqualTo(0x7ffc0a18L);
        assertThat(Hex.number("ffffffffffffffff")).isEqualTo(-1L);
        StringBuilder sb = new StringBuilder();
        Hex.appendLittleEndian(sb, 0x1122334455667788L, 8);
        assertThat(sb).hasToString("8877665544332211");
        assertThat(Hex.littleEndian("8877665544332211", 0, 8)).isEqualTo(0x1122334455667788L);
        assertThat(Hex.littleEndian("xx3412", 2, 2)).isEqualTo(0x1234);
    }

    @Test
    void malformedInputIsAPacketErrorNotACrash() {
        assertThatThrownBy(() -> Hex.number("")).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> Hex.number("12345678901234567")).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> Hex.number("12g4")).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> Hex.bytes("abc")).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void textForMonitorCommands() {
        assertThat(Hex.ofText("engines")).isEqualTo("656e67696e6573");
        assertThat(Hex.text("656e67696e6573")).isEqualTo("engines");
    }
}
