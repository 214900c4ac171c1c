package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class PidfdTest {

    private static final long EINVAL = -22, EFAULT = -14;
    private final Lines lines = new Lines();

    @Test
    void pidfdOpenAndGetfd() {
        assertThat(lines.line("pidfd_open", 8, 5820, 0)).isEqualTo("pidfd_open(5820, 0)                     = 8");
        assertThat(lines.line("pidfd_open", 9, 5820, 04000)).isEqualTo("pidfd_open(5820, PIDFD_NONBLOCK)        = 9");
        assertThat(lines.line("pidfd_open", EINVAL, 5820, 1)).isEqualTo("pidfd_open(5820, 0x1 /* PIDFD_??? */)   = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("pidfd_getfd", 11, 8, 0, 0)).isEqualTo("pidfd_getfd(8, 0, 0)                    = 11");
        assertThat(lines.line("pidfd_getfd", EINVAL, 8, 99, 5)).isEqualTo("pidfd_getfd(8, 99, 0x5)                 = -1 EINVAL (Invalid argument)");
    }

    @Test
    void pidfdSendSignal() {
        long info = lines.memory.put(0x7ffca30ab900L, Bytes.of(128).u32(0, 12).u32(8, -1).u32(16, 5819).u32(20, 0).u64(24, 7).get());
        assertThat(lines.line("pidfd_send_signal", 0, 8, 0, 0, 0)).isEqualTo("pidfd_send_signal(8, 0, NULL, 0)        = 0");
        assertThat(lines.line("pidfd_send_signal", 0, 8, 12, info, 0)).isEqualTo("pidfd_send_signal(8, SIGUSR2, {si_signo=SIGUSR2,"
                + " si_code=SI_QUEUE, si_pid=5819, si_uid=0, si_int=7, si_ptr=0x7}, 0) = 0");
        assertThat(lines.line("pidfd_send_signal", EINVAL, 8, 9, 0, 3)).isEqualTo("pidfd_send_signal(8, SIGKILL, NULL, 0x3) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("pidfd_send_signal", EFAULT, 8, 9, 1, 0)).isEqualTo("pidfd_send_signal(8, SIGKILL, 0x1, 0)   = -1 EFAULT (Bad address)");
    }
}
