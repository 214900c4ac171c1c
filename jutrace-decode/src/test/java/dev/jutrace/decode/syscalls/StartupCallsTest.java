package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** set_robust_list, set_tid_address, arch_prctl, prlimit64, getrandom, rseq. Expected lines are strace 6.1's. */
class StartupCallsTest {

    private static final long EFAULT = -14, EINVAL = -22, ESRCH = -3;
    private final Lines lines = new Lines();

    @Test
    void setRobustList() {
        assertThat(lines.line("set_robust_list", 0, 0x7f039add9a20L, 24))
                .isEqualTo("set_robust_list(0x7f039add9a20, 24)     = 0");
        assertThat(lines.line("set_robust_list", EINVAL, 0x7ffd905802f0L, 25))
                .isEqualTo("set_robust_list(0x7ffd905802f0, 25)     = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("set_robust_list", 0, 0, 0x18)).isEqualTo("set_robust_list(NULL, 24)               = 0");
    }

    @Test
    void setTidAddressAndRseqPrintRawAsStraceDoes() {
        assertThat(lines.line("set_tid_address", 25265, 0x7f039add9a10L))
                .isEqualTo("set_tid_address(0x7f039add9a10)         = 25265");
        assertThat(lines.line("set_tid_address", 25265, 0)).isEqualTo("set_tid_address(0)                      = 25265");
        assertThat(lines.line("rseq", 0, 0x7f039adda060L, 0x20, 0, 0x53053053))
                .isEqualTo("rseq(0x7f039adda060, 0x20, 0, 0x53053053) = 0");
        assertThat(lines.line("rseq", EINVAL, 0, 0x20, 3, 1))
                .isEqualTo("rseq(0, 0x20, 0x3, 0x1)                 = -1 EINVAL (Invalid argument)");
    }

    @Test
    void archPrctl() {
        long fs = lines.memory.putLongs(0x7ffd905802e8L, 0x7f039add9740L);
        assertThat(lines.line("arch_prctl", 0, 0x1002, 0x7f039add9740L))
                .isEqualTo("arch_prctl(ARCH_SET_FS, 0x7f039add9740) = 0");
        assertThat(lines.line("arch_prctl", 0, 0x1003, fs)).isEqualTo("arch_prctl(ARCH_GET_FS, [0x7f039add9740]) = 0");
        assertThat(lines.line("arch_prctl", EFAULT, 0x1004, 1))
                .isEqualTo("arch_prctl(ARCH_GET_GS, 0x1)            = -1 EFAULT (Bad address)");
        assertThat(lines.line("arch_prctl", EINVAL, 0x3001, fs))
                .isEqualTo("arch_prctl(0x3001 /* ARCH_??? */, 0x7ffd905802e8) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("arch_prctl", EINVAL, 0x9999, 5))
                .isEqualTo("arch_prctl(0x9999 /* ARCH_??? */, 0x5)  = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("arch_prctl", 1, 0x1011, 0)).isEqualTo("arch_prctl(ARCH_GET_CPUID)              = 1");
        assertThat(lines.line("arch_prctl", 0, 0x1012, 1)).isEqualTo("arch_prctl(ARCH_SET_CPUID, 0x1)         = 0");
        assertThat(lines.line("arch_prctl", 0, 0x1001, 0)).isEqualTo("arch_prctl(ARCH_SET_GS, 0)              = 0");
        assertThat(lines.line("arch_prctl", 0, 0x1_0000_1003L, fs))
                .isEqualTo("arch_prctl(ARCH_GET_FS, [0x7f039add9740]) = 0");
        assertThat(lines.line("arch_prctl", -17, 0x2003, 0x1000))
                .isEqualTo("arch_prctl(ARCH_MAP_VDSO_64, 0x1000)    = -1 EEXIST (File exists)");
    }

    @Test
    void prlimit64() {
        long stack = lines.memory.putLongs(0x7ffd905802d0L, 8192 * 1024, -1);
        long nofile = lines.memory.putLongs(0x7ffd90581000L, 20000, 20000);
        long as = lines.memory.putLongs(0x7ffd90582000L, 1000, 2048);
        long small = lines.memory.putLongs(0x7ffd90583000L, 0, 1024);
        assertThat(lines.line("prlimit64", 0, 0, 3, 0, stack))
                .isEqualTo("prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
        assertThat(lines.entry("prlimit64", 0, 3, 0, stack)).isEqualTo("prlimit64(0, RLIMIT_STACK, NULL, ");
        assertThat(lines.line("prlimit64", 0, 0, 7, 0, nofile))
                .isEqualTo("prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=20000, rlim_max=20000}) = 0");
        assertThat(lines.line("prlimit64", 0, 0, 3, stack, stack))
                .isEqualTo("prlimit64(0, RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY},"
                        + " {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
        assertThat(lines.line("prlimit64", 0, 0, 9, as, 0))
                .isEqualTo("prlimit64(0, RLIMIT_AS, {rlim_cur=1000, rlim_max=2*1024}, NULL) = 0");
        assertThat(lines.line("prlimit64", 0, 0x1_0000_0000L, 0x1_0000_0007L, small, 0))
                .isEqualTo("prlimit64(0, RLIMIT_NOFILE, {rlim_cur=0, rlim_max=1024}, NULL) = 0");
    }

    @Test
    void prlimit64Failures() {
        assertThat(lines.line("prlimit64", EINVAL, 0, 99, 0, 0x7ffd905802d0L))
                .isEqualTo("prlimit64(0, 0x63 /* RLIMIT_??? */, NULL, 0x7ffd905802d0) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("prlimit64", EFAULT, 0, 4, 0, 1))
                .isEqualTo("prlimit64(0, RLIMIT_CORE, NULL, 0x1)    = -1 EFAULT (Bad address)");
        assertThat(lines.line("prlimit64", EFAULT, 0, 4, 1, 0))
                .isEqualTo("prlimit64(0, RLIMIT_CORE, 0x1, NULL)    = -1 EFAULT (Bad address)");
        assertThat(lines.line("prlimit64", ESRCH, 12345678, 0, 0, 0x7ffd905802d0L))
                .isEqualTo("prlimit64(12345678, RLIMIT_CPU, NULL, 0x7ffd905802d0) = -1 ESRCH (No such process)");
    }

    @Test
    void getrandom() {
        long buf = lines.memory.put(0x7ffd90580260L,
                new byte[] {(byte) 0xe2, (byte) 0x8d, 0x26, 0x25, 0x6f, 0x30, 0x15, (byte) 0x8a});
        assertThat(lines.line("getrandom", 8, buf, 8, 1))
                .isEqualTo("getrandom(\"\\xe2\\x8d\\x26\\x25\\x6f\\x30\\x15\\x8a\", 8, GRND_NONBLOCK) = 8");
        assertThat(lines.line("getrandom", 0, buf, 0, 0)).isEqualTo("getrandom(\"\", 0, 0)                     = 0");
        assertThat(lines.line("getrandom", EINVAL, buf, 8, 7))
                .isEqualTo("getrandom(0x7ffd90580260, 8, GRND_NONBLOCK|GRND_RANDOM|GRND_INSECURE) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("getrandom", EINVAL, buf, 8, 0xff))
                .isEqualTo("getrandom(0x7ffd90580260, 8, GRND_NONBLOCK|GRND_RANDOM|GRND_INSECURE|0xf8) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("getrandom", EFAULT, 1, 8, 0)).isEqualTo("getrandom(0x1, 8, 0)                    = -1 EFAULT (Bad address)");
        assertThat(lines.line("getrandom", 8, buf, 8, 0x1_0000_0001L))
                .isEqualTo("getrandom(\"\\xe2\\x8d\\x26\\x25\\x6f\\x30\\x15\\x8a\", 8, GRND_NONBLOCK) = 8");
    }
}
