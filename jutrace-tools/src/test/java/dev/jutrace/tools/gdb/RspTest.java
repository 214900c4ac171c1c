package dev.jutrace.tools.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RspTest {

    private static String framed(String payload) {
        return new String(Rsp.frame(payload), StandardCharsets.ISO_8859_1);
    }

    private static List<Rsp.Input> decode(String wire) {
        Rsp.Decoder d = new Rsp.Decoder();
        List<Rsp.Input> out = new ArrayList<>();
        for (byte b : wire.getBytes(StandardCharsets.ISO_8859_1)) {
            Rsp.Input in = d.feed(b);
            if (in != null) out.add(in);
        }
        return out;
    }

    @Test
    void framesWithTheModulo256Checksum() {
        assertThat(framed("OK")).isEqualTo("$OK#9a");
        assertThat(framed("")).isEqualTo("$#00");
        assertThat(framed("qSupported")).isEqualTo("$qSupported#37");
    }

    @Test
    void escapesTheFourSpecialBytesAndSumsTheEscapedForm() {
        // '}' 0x7d then 0x24^0x20=0x04: sum of the bytes on the wire.
        assertThat(framed("a$b")).isEqualTo("$a}\u0004b#" + String.format("%02x", ('a' + 0x7d + 4 + 'b') & 0xff));
        assertThat(framed("#}*")).isEqualTo("$}\u0003}]}\n#" + String.format("%02x",
                (0x7d * 3 + 3 + ']' + 0x0a) & 0xff));
    }

    @Test
    void decodesWhatItFramesIncludingBinary() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 256; i++) all.append((char) i);
        String payload = all.toString();
        assertThat(decode(framed(payload))).containsExactly(new Rsp.Packet(payload));
    }

    @Test
    void decodesPacketsAcksAndInterruptsInOneStream() {
        List<Rsp.Input> in = decode("+$g#67-\u0003$m10,4#2e+");
        assertThat(in).containsExactly(new Rsp.Ack(), new Rsp.Packet("g"), new Rsp.Nak(), new Rsp.Interrupt(),
                new Rsp.Packet("m10,4"), new Rsp.Ack());
    }

    @Test
    void aPacketSplitAcrossReadsStillDecodes() {
        Rsp.Decoder d = new Rsp.Decoder();
        String wire = "$vCont;c#a8";
        Rsp.Input last = null;
        for (int i = 0; i < wire.length(); i++) {
            Rsp.Input in = d.feed(wire.charAt(i));
            if (i < wire.length() - 1) assertThat(in).isNull();
            last = in;
        }
        assertThat(last).isEqualTo(new Rsp.Packet("vCont;c"));
    }

    @Test
    void aBadChecksumIsCorruptNotAPacket() {
        assertThat(decode("$g#00")).containsExactly(new Rsp.Corrupt("g"));
        assertThat(decode("$g#zz")).containsExactly(new Rsp.Corrupt("g"));
    }

    @Test
    void upperCaseChecksumDigitsAreAccepted() {
        assertThat(decode("$qSupported#37")).containsExactly(new Rsp.Packet("qSupported"));
        assertThat(decode("$OK#9A")).containsExactly(new Rsp.Packet("OK"));
    }

    @Test
    void noiseBetweenPacketsIsIgnored() {
        assertThat(decode("xyz\n$OK#9a")).containsExactly(new Rsp.Packet("OK"));
    }
}
