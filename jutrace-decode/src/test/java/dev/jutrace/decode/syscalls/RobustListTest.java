package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class RobustListTest {

    private final Lines lines = new Lines();

    @Test
    void getRobustList() {
        long head = 0x7ffca30ab8d0L, len = 0x7ffca30ab8c8L;
        Runnable kernel = () -> {
            lines.memory.putLongs(head, 0x7f17ca03ba20L);
            lines.memory.putLongs(len, 24);
        };
        assertThat(lines.line("get_robust_list", 0, kernel, 0, head, len)).isEqualTo("get_robust_list(0, [0x7f17ca03ba20], [24]) = 0");
        assertThat(lines.entry("get_robust_list", 0, head, len)).isEqualTo("get_robust_list(0, ");
        assertThat(lines.line("get_robust_list", -14, 0, 1, len)).isEqualTo("get_robust_list(0, 0x1, 0x7ffca30ab8c8) = -1 EFAULT (Bad address)");
        assertThat(lines.line("get_robust_list", -3, 999999, head, len))
                .isEqualTo("get_robust_list(999999, 0x7ffca30ab8d0, 0x7ffca30ab8c8) = -1 ESRCH (No such process)");
    }
}
