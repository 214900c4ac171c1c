package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloseTest {

    private final Lines lines = new Lines();

    @Test
    void closeTakesAnInt() {
        assertThat(lines.line("close", 0, 3)).isEqualTo("close(3)                                = 0");
        assertThat(lines.line("close", -9, 0xffffffff00000063L))
                .isEqualTo("close(99)                               = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("close", -9, -1)).isEqualTo("close(-1)                               = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("close", -9, 1234567890))
                .isEqualTo("close(1234567890)                       = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void closeRange() {
        assertThat(lines.line("close_range", 0, 100, 0xffffffffL, 4)).isEqualTo("close_range(100, 4294967295, CLOSE_RANGE_CLOEXEC) = 0");
        assertThat(lines.line("close_range", 0, 100, 200, 0)).isEqualTo("close_range(100, 200, 0)                = 0");
    }
}
