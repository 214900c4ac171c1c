package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class SigactionTest {

    private static final long EFAULT = -14, EINVAL = -22;
    private static final long SA_RESTORER = 0x04000000, SA_RESTART = 0x10000000;
    private final Lines lines = new Lines();

    private static long bit(int signo) {
        return 1L << (signo - 1);
    }

    @Test
    void rtSigprocmask() {
        long chld = lines.memory.putLongs(0x7ffea3130b00L, bit(17));
        long empty = lines.memory.putLongs(0x7ffea3130b38L, 0);
        long most = lines.memory.putLongs(0x7ffea3131000L, ~(bit(33) | bit(34)));
        long all = lines.memory.putLongs(0x7ffea3132000L, -1);
        long some = lines.memory.putLongs(0x7ffea3133000L, bit(2) | bit(15) | bit(41));
        assertThat(lines.line("rt_sigprocmask", 0, 0, chld, empty, 8)).isEqualTo("rt_sigprocmask(SIG_BLOCK, [CHLD], [], 8) = 0");
        assertThat(lines.entry("rt_sigprocmask", 0, chld, empty, 8)).isEqualTo("rt_sigprocmask(SIG_BLOCK, [CHLD], ");
        assertThat(lines.line("rt_sigprocmask", 0, 2, empty, 0, 8)).isEqualTo("rt_sigprocmask(SIG_SETMASK, [], NULL, 8) = 0");
        assertThat(lines.line("rt_sigprocmask", 0, 0, most, empty, 8))
                .isEqualTo("rt_sigprocmask(SIG_BLOCK, ~[RT_1 RT_2], [], 8) = 0");
        assertThat(lines.line("rt_sigprocmask", 0, 1, 0, empty, 8)).isEqualTo("rt_sigprocmask(SIG_UNBLOCK, NULL, [], 8) = 0");
        assertThat(lines.line("rt_sigprocmask", EINVAL, 5, some, 0, 8))
                .isEqualTo("rt_sigprocmask(0x5 /* SIG_??? */, [INT TERM RT_9], NULL, 8) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("rt_sigprocmask", 0, 0x1_0000_0000L, all, 0, 8)).isEqualTo("rt_sigprocmask(SIG_BLOCK, ~[], NULL, 8) = 0");
    }

    @Test
    void whenASetPrintsAsItsComplement() {
        long s41 = lines.memory.putLongs(0x1000, (1L << 41) - 1);
        long s42 = lines.memory.putLongs(0x2000, (1L << 42) - 1);
        long s63 = lines.memory.putLongs(0x3000, -1L >>> 1);
        long edges = lines.memory.putLongs(0x4000, 0x8000000000000003L);
        assertThat(lines.line("rt_sigprocmask", 0, 0, s41, 0, 8)).isEqualTo("rt_sigprocmask(SIG_BLOCK, [HUP INT QUIT ILL TRAP"
                + " ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ"
                + " VTALRM PROF WINCH IO PWR SYS RTMIN RT_1 RT_2 RT_3 RT_4 RT_5 RT_6 RT_7 RT_8 RT_9], NULL, 8) = 0");
        assertThat(lines.line("rt_sigprocmask", 0, 0, s42, 0, 8)).isEqualTo("rt_sigprocmask(SIG_BLOCK, ~[RT_11 RT_12 RT_13"
                + " RT_14 RT_15 RT_16 RT_17 RT_18 RT_19 RT_20 RT_21 RT_22 RT_23 RT_24 RT_25 RT_26 RT_27 RT_28 RT_29 RT_30"
                + " RT_31 RT_32], NULL, 8) = 0");
        assertThat(lines.line("rt_sigprocmask", 0, 0, s63, 0, 8)).isEqualTo("rt_sigprocmask(SIG_BLOCK, ~[RT_32], NULL, 8) = 0");
        assertThat(lines.line("rt_sigprocmask", 0, 0, edges, 0, 8))
                .isEqualTo("rt_sigprocmask(SIG_BLOCK, [HUP INT RT_32], NULL, 8) = 0");
    }

    @Test
    void rtSigprocmaskFailures() {
        long set = lines.memory.putLongs(0x7ffea3130b38L, bit(2));
        assertThat(lines.line("rt_sigprocmask", EFAULT, 0, 1, 0, 8))
                .isEqualTo("rt_sigprocmask(SIG_BLOCK, 0x1, NULL, 8) = -1 EFAULT (Bad address)");
        assertThat(lines.line("rt_sigprocmask", EINVAL, 0, set, 0, 4))
                .isEqualTo("rt_sigprocmask(SIG_BLOCK, 0x7ffea3130b38, NULL, 4) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("rt_sigprocmask", EINVAL, 0, set, 0, 16))
                .isEqualTo("rt_sigprocmask(SIG_BLOCK, 0x7ffea3130b38, NULL, 16) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("rt_sigprocmask", EFAULT, 0, 0, 1, 8))
                .isEqualTo("rt_sigprocmask(SIG_BLOCK, NULL, 0x1, 8) = -1 EFAULT (Bad address)");
    }

    @Test
    void rtSigaction() {
        long act = lines.memory.putLongs(0x7ffea3130000L, 0x559f7b836149L, SA_RESTORER | SA_RESTART, 0x559f7b836153L, 0);
        long dfl = lines.memory.putLongs(0x7ffea3131000L, 0, 0, 0, 0);
        long ign = lines.memory.putLongs(0x7ffea3132000L, 1, SA_RESTORER, 0x559f7b836153L, bit(3));
        assertThat(lines.line("rt_sigaction", 0, 2, act, dfl, 8))
                .isEqualTo("rt_sigaction(SIGINT, {sa_handler=0x559f7b836149, sa_mask=[], sa_flags=SA_RESTORER|SA_RESTART,"
                        + " sa_restorer=0x559f7b836153}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
        assertThat(lines.line("rt_sigaction", 0, 3, ign, 0, 8))
                .isEqualTo("rt_sigaction(SIGQUIT, {sa_handler=SIG_IGN, sa_mask=[QUIT], sa_flags=SA_RESTORER,"
                        + " sa_restorer=0x559f7b836153}, NULL, 8) = 0");
        assertThat(lines.line("rt_sigaction", 0, 2, 0, act, 8))
                .isEqualTo("rt_sigaction(SIGINT, NULL, {sa_handler=0x559f7b836149, sa_mask=[], sa_flags=SA_RESTORER|SA_RESTART,"
                        + " sa_restorer=0x559f7b836153}, 8) = 0");
        assertThat(lines.line("rt_sigaction", 0, 36, 0, dfl, 8))
                .isEqualTo("rt_sigaction(SIGRT_4, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
        assertThat(lines.line("rt_sigaction", 0, 0x1_0000_0002L, 0, dfl, 8))
                .isEqualTo("rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
    }

    @Test
    void everySaFlagAndOddHandlers() {
        long all = lines.memory.putLongs(0x7ffea3130000L, 0, 0x80000000L | 0x40000000 | 0x08000000 | 4 | 1 | 2 | 0x400, 0, -1);
        assertThat(lines.line("rt_sigaction", 0, 17, all, 0, 8))
                .isEqualTo("rt_sigaction(SIGCHLD, {sa_handler=SIG_DFL, sa_mask=~[], sa_flags=SA_ONSTACK|SA_NODEFER|SA_RESETHAND"
                        + "|SA_SIGINFO|SA_NOCLDSTOP|SA_NOCLDWAIT|0x400}, NULL, 8) = 0");
        long every = lines.memory.putLongs(0x7ffea3131000L, 0, -1, 0x10, 0);
        assertThat(lines.line("rt_sigaction", 0, 10, every, 0, 8))
                .isEqualTo("rt_sigaction(SIGUSR1, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=SA_RESTORER|SA_ONSTACK|SA_RESTART"
                        + "|SA_INTERRUPT|SA_NODEFER|SA_RESETHAND|SA_SIGINFO|SA_NOCLDSTOP|SA_NOCLDWAIT|0xffffffff03fffff8,"
                        + " sa_restorer=0x10}, NULL, 8) = 0");
        long err = lines.memory.putLongs(0x7ffea3132000L, -1, SA_RESTORER | 1, 0x1234, 0);
        assertThat(lines.line("rt_sigaction", 0, 12, err, 0, 8))
                .isEqualTo("rt_sigaction(SIGUSR2, {sa_handler=SIG_ERR, sa_mask=[], sa_flags=SA_RESTORER|SA_NOCLDSTOP,"
                        + " sa_restorer=0x1234}, NULL, 8) = 0");
    }

    @Test
    void rtSigactionFailures() {
        long dfl = lines.memory.putLongs(0x7ffea3131000L, 0, 0, 0, 0);
        assertThat(lines.line("rt_sigaction", EINVAL, 9, dfl, 0, 8))
                .isEqualTo("rt_sigaction(SIGKILL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, NULL, 8) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("rt_sigaction", EINVAL, 99, dfl, 0, 8))
                .isEqualTo("rt_sigaction(99, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, NULL, 8) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("rt_sigaction", EFAULT, 2, 1, 0, 8))
                .isEqualTo("rt_sigaction(SIGINT, 0x1, NULL, 8)      = -1 EFAULT (Bad address)");
        assertThat(lines.line("rt_sigaction", EFAULT, 2, 0, 1, 8))
                .isEqualTo("rt_sigaction(SIGINT, NULL, 0x1, 8)      = -1 EFAULT (Bad address)");
    }
}
