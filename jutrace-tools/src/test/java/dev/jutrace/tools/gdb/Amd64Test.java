package dev.jutrace.tools.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.sys.Regs;
import org.junit.jupiter.api.Test;

class Amd64Test {

    @Test
    void theRegisterFileIs560Bytes() {
        assertThat(Amd64.totalBytes()).isEqualTo(560);
        assertThat(Amd64.all(new long[27], new byte[512])).hasSize(1120);
    }

    @Test
    void gdbNumberingMapsOntoUserRegsStruct() {
        long[] gpr = new long[27];
        gpr[Regs.RAX] = 0x1111;
        gpr[Regs.RIP] = 0x401000;
        gpr[Regs.EFLAGS] = 0x246;
        gpr[Regs.ORIG_RAX] = -1;
        gpr[Regs.FS_BASE] = 0x7f0000001000L;
        byte[] fx = new byte[512];
        StringBuilder sb = new StringBuilder();
        Amd64.read(0, gpr, fx, sb);
        assertThat(sb).hasToString("1111000000000000");
        sb.setLength(0);
        Amd64.read(16, gpr, fx, sb);
        Amd64.read(17, gpr, fx, sb);
        Amd64.read(57, gpr, fx, sb);
        Amd64.read(58, gpr, fx, sb);
        assertThat(sb).hasToString("0010400000000000" + "46020000" + "ffffffffffffffff" + "00100000007f0000");
    }

    @Test
    void writesRoundTripThroughTheWholeFile() {
        long[] gpr = new long[27];
        byte[] fx = new byte[512];
        for (int i = 0; i < 27; i++) gpr[i] = 0x0101010101010101L * (i + 1);
        for (int i = 0; i < 512; i++) fx[i] = (byte) i;
        // ftag is derived from the other state; make the abridged byte agree with gdb's view.
        String all = Amd64.all(gpr, fx);
        long[] gpr2 = new long[27];
        byte[] fx2 = new byte[512];
        int at = 0;
        for (int r = 0; r < Amd64.COUNT; r++) {
            Amd64.write(r, gpr2, fx2, all, at);
            at += 2 * Amd64.size(r);
        }
        assertThat(Amd64.all(gpr2, fx2)).isEqualTo(all);
    }

    @Test
    void theFullTagWordFollowsTheRegisterContents() {
        byte[] fx = new byte[512];
        fx[4] = 0x01; // physical register 0 in use, top 0: st0; zero value
        assertThat(Amd64.fullTag(fx)).isEqualTo(0xfffd); // 01 for zero, 11 for the seven empty ones
        fx[32 + 7] = (byte) 0x80; // integer bit
        fx[32 + 8] = (byte) 0xff; // exponent 0x3fff: a normal number (1.0)
        fx[32 + 9] = 0x3f;
        assertThat(Amd64.fullTag(fx)).isEqualTo(0xfffc);
    }

    @Test
    void theTargetDescriptionNamesWhatGdbNeeds() {
        assertThat(Amd64.TARGET_XML).contains("<architecture>i386:x86-64</architecture>")
                .contains("<osabi>GNU/Linux</osabi>").contains("org.gnu.gdb.i386.core")
                .contains("org.gnu.gdb.i386.sse").contains("name=\"orig_rax\" bitsize=\"64\" type=\"int\" regnum=\"57\"")
                .contains("name=\"fs_base\"").contains("name=\"gs_base\" bitsize=\"64\" type=\"int\" regnum=\"59\"");
    }
}
