package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitTest {

    private final Lines lines = new Lines();

    @Test
    void exitGroupNeverReturns() {
        assertThat(lines.noReturn("exit_group", 0)).isEqualTo("exit_group(0)                           = ?");
        assertThat(lines.noReturn("exit_group", 0x100000003L)).isEqualTo("exit_group(3)                           = ?");
        assertThat(lines.noReturn("exit", -1)).isEqualTo("exit(-1)                                = ?");
    }
}
