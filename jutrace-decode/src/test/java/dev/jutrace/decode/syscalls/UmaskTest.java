package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers. */
class UmaskTest {

    private final Lines lines = new Lines();

    @Test
    void octalInAndOut() {
        assertThat(lines.line("umask", 022, 022)).isEqualTo("umask(022)                              = 022");
        assertThat(lines.line("umask", 022, 0)).isEqualTo("umask(000)                              = 022");
        assertThat(lines.line("umask", 0, 0777777)).isEqualTo("umask(0177777)                          = 000");
        assertThat(lines.line("umask", 0777, 7)).isEqualTo("umask(007)                              = 0777");
    }
}
