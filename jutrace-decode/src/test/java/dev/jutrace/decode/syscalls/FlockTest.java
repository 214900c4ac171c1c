package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class FlockTest {

    private final Lines lines = new Lines();

    @Test
    void operations() {
        assertThat(lines.line("flock", 0, 3, 6)).isEqualTo("flock(3, LOCK_EX|LOCK_NB)               = 0");
        assertThat(lines.line("flock", 0, 3, 8)).isEqualTo("flock(3, LOCK_UN)                       = 0");
        assertThat(lines.line("flock", 0, 3, 1)).isEqualTo("flock(3, LOCK_SH)                       = 0");
    }
}
