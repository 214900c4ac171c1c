package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class ClockTest {

    private static final long EINVAL = -22, EFAULT = -14, ERESTART_RESTARTBLOCK = -516;
    private final Lines lines = new Lines();

    @Test
    void clockGettime() {
        long ts = lines.memory.putLongs(0x7fffb5fd2000L, 1795774688, 913021144);
        assertThat(lines.line("clock_gettime", 0, 0, ts))
                .isEqualTo("clock_gettime(CLOCK_REALTIME, {tv_sec=1795774688, tv_nsec=913021144}) = 0");
        assertThat(lines.entry("clock_gettime", 0, ts)).isEqualTo("clock_gettime(CLOCK_REALTIME, ");
        assertThat(lines.line("clock_gettime", EINVAL, 99, ts))
                .isEqualTo("clock_gettime(0x63 /* CLOCK_??? */, 0x7fffb5fd2000) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("clock_gettime", 0, -2, ts))
                .isEqualTo("clock_gettime(0xfffffffe /* CLOCK_??? */, {tv_sec=1795774688, tv_nsec=913021144}) = 0");
        assertThat(lines.line("clock_gettime", EFAULT, 0, 1)).isEqualTo("clock_gettime(CLOCK_REALTIME, 0x1)      = -1 EFAULT (Bad address)");
        assertThat(lines.line("clock_getres", 0, 5, 0)).isEqualTo("clock_getres(CLOCK_REALTIME_COARSE, NULL) = 0");
        long one = lines.memory.putLongs(0x7fffb5fd3000L, 1, 0);
        assertThat(lines.line("clock_settime", EINVAL, 11, one))
                .isEqualTo("clock_settime(CLOCK_TAI, {tv_sec=1, tv_nsec=0}) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void sleeps() {
        long req = lines.memory.putLongs(0x7fffb5fd2000L, 0, 1000);
        long rem = lines.memory.putLongs(0x7fffb5fd1ff0L, 1, 999974511);
        assertThat(lines.line("nanosleep", 0, req, rem)).isEqualTo("nanosleep({tv_sec=0, tv_nsec=1000}, 0x7fffb5fd1ff0) = 0");
        assertThat(lines.line("nanosleep", 0, req, 0)).isEqualTo("nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = 0");
        assertThat(lines.entry("nanosleep", req, rem)).isEqualTo("nanosleep({tv_sec=0, tv_nsec=1000}, ");
        assertThat(lines.line("nanosleep", ERESTART_RESTARTBLOCK, req, rem))
                .isEqualTo("nanosleep({tv_sec=0, tv_nsec=1000}, {tv_sec=1, tv_nsec=999974511}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
        assertThat(lines.line("nanosleep", EINVAL, req, 0)).isEqualTo("nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("clock_nanosleep", 0, 1, 0, req, rem))
                .isEqualTo("clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, 0x7fffb5fd1ff0) = 0");
        assertThat(lines.line("clock_nanosleep", 0, 1, 1, req, 0))
                .isEqualTo("clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=0, tv_nsec=1000}, NULL) = 0");
        assertThat(lines.line("clock_nanosleep", 0, 0, 0x10, req, 0))
                .isEqualTo("clock_nanosleep(CLOCK_REALTIME, 0x10 /* TIMER_??? */, {tv_sec=0, tv_nsec=1000}, NULL) = 0");
        assertThat(lines.line("clock_nanosleep", ERESTART_RESTARTBLOCK, 0, 0, req, rem))
                .isEqualTo("clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, {tv_sec=1, tv_nsec=999974511})"
                        + " = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
    }

    @Test
    void timeOfDay() {
        long tv = lines.memory.putLongs(0x7ffc0000L, 1795774688, 913897);
        long tz = lines.memory.put(0x7ffc1000L, new byte[8]);
        assertThat(lines.line("gettimeofday", 0, tv, 0)).isEqualTo("gettimeofday({tv_sec=1795774688, tv_usec=913897}, NULL) = 0");
        assertThat(lines.line("gettimeofday", 0, tv, tz))
                .isEqualTo("gettimeofday({tv_sec=1795774688, tv_usec=913897}, {tz_minuteswest=0, tz_dsttime=0}) = 0");
        assertThat(lines.line("settimeofday", 0, 0, 0)).isEqualTo("settimeofday(NULL, NULL)                = 0");
        assertThat(lines.line("time", 1795774688, 0)).isEqualTo("time(NULL)                              = 1795774688 (2026-11-27T10:18:08+0000)");
        long t = lines.memory.putLongs(0x7ffc2000L, 1795774688);
        assertThat(lines.line("time", 1795774688, t))
                .isEqualTo("time([1795774688 /* 2026-11-27T10:18:08+0000 */]) = 1795774688 (2026-11-27T10:18:08+0000)");
        long tms = lines.memory.putLongs(0x7ffc3000L, 0, 0, 0, 0);
        assertThat(lines.line("times", 1718938576, tms))
                .isEqualTo("times({tms_utime=0, tms_stime=0, tms_cutime=0, tms_cstime=0}) = 1718938576");
        assertThat(lines.line("times", 1718938576, 0)).isEqualTo("times(NULL)                             = 1718938576");
    }
}
