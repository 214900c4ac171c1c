package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class EventFdTest {

    private static final long EFAULT = -14, EINVAL = -22;
    private final Lines lines = new Lines();

    @Test
    void eventfd() {
        assertThat(lines.line("eventfd", 3, 3)).isEqualTo("eventfd(3)                              = 3");
        assertThat(lines.line("eventfd2", 4, 0, 1 | 02000000 | 04000)).isEqualTo("eventfd2(0, EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK) = 4");
        assertThat(lines.line("eventfd2", 5, 7, 0)).isEqualTo("eventfd2(7, 0)                          = 5");
        assertThat(lines.line("eventfd2", EINVAL, 7, 0x10)).isEqualTo("eventfd2(7, 0x10 /* EFD_??? */)         = -1 EINVAL (Invalid argument)");
    }

    @Test
    void signalfd() {
        long mask = lines.memory.putLongs(0x7ffca30ab980L, 1L << 9 | 1L << 16);
        assertThat(lines.line("signalfd", 6, -1, mask, 8)).isEqualTo("signalfd(-1, [USR1 CHLD], 8)            = 6");
        assertThat(lines.line("signalfd4", 7, -1, mask, 8, 02000000 | 04000))
                .isEqualTo("signalfd4(-1, [USR1 CHLD], 8, SFD_CLOEXEC|SFD_NONBLOCK) = 7");
        assertThat(lines.line("signalfd4", EINVAL, -1, mask, 4, 0))
                .isEqualTo("signalfd4(-1, 0x7ffca30ab980, 4, 0)     = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("signalfd4", EFAULT, -1, 1, 8, 0)).isEqualTo("signalfd4(-1, 0x1, 8, 0)                = -1 EFAULT (Bad address)");
        assertThat(lines.line("signalfd4", EINVAL, -1, mask, 8, 1))
                .isEqualTo("signalfd4(-1, [USR1 CHLD], 8, 0x1 /* SFD_??? */) = -1 EINVAL (Invalid argument)");
    }
}
