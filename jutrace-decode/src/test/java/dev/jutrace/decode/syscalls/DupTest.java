package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers. */
class DupTest {

    private final Lines lines = new Lines();

    @Test
    void descriptorsAreInts() {
        assertThat(lines.line("dup", 6, 0x100000000L)).isEqualTo("dup(0)                                  = 6");
        assertThat(lines.line("dup", -9, -1)).isEqualTo("dup(-1)                                 = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("dup2", 2, 1, 0x100000002L)).isEqualTo("dup2(1, 2)                              = 2");
    }

    @Test
    void dup3Flags() {
        assertThat(lines.line("dup3", 2, 1, 2, 0)).isEqualTo("dup3(1, 2, 0)                           = 2");
        assertThat(lines.line("dup3", 5, 1, 5, 02000000)).isEqualTo("dup3(1, 5, O_CLOEXEC)                   = 5");
        assertThat(lines.line("dup3", -22, 1, 5, 1))
                .isEqualTo("dup3(1, 5, 0x1 /* O_??? */)             = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("dup3", -22, 1, 5, 02000001))
                .isEqualTo("dup3(1, 5, O_CLOEXEC|0x1)               = -1 EINVAL (Invalid argument)");
    }
}
