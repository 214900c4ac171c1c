package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers. */
class GenericTest {

    private final Lines lines = new Lines();

    @Test
    void unknownNumbersPrintEveryRegisterInHex() {
        assertThat(lines.line(451, -14, 1, 2, 3, 0, 0xffffffffL, 0x7fff))
                .isEqualTo("syscall_0x1c3(0x1, 0x2, 0x3, 0, 0xffffffff, 0x7fff) = -1 EFAULT (Bad address)");
        assertThat(lines.line(500, -38, 0, 0, 0, 0, 0, 0))
                .isEqualTo("syscall_0x1f4(0, 0, 0, 0, 0, 0)         = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line(-1, -38, 1, 2, 0x55bcac247dd8L, 0, 0x7f31184036d0L, 1))
                .isEqualTo("syscall_0xffffffffffffffff(0x1, 0x2, 0x55bcac247dd8, 0, 0x7f31184036d0, 0x1)"
                        + " = -1 ENOSYS (Function not implemented)");
    }

    @Test
    void knownCallsWithoutADecoderPrintTheirArgumentCount() {
        assertThat(lines.line("getpid", 6234, 1, 2, 3)).isEqualTo("getpid()                                = 6234");
        assertThat(lines.line("getppid", -512)).isEqualTo(
                "getppid()                               = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
        // strace decodes these; until a family does, they print as raw registers.
        assertThat(lines.line("kcmp", 0, 1234, 1235, 0, 3, 4))
                .isEqualTo("kcmp(0x4d2, 0x4d3, 0, 0x3, 0x4)         = 0");
    }
}
