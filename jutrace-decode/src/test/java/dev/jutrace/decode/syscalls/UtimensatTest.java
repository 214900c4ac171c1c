package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory; the pom runs tests in UTC, as strace ran. */
class UtimensatTest {

    private static final long AT_FDCWD = -100, UTIME_NOW = (1L << 30) - 1, UTIME_OMIT = (1L << 30) - 2;
    private final Lines lines = new Lines();
    private final long g = lines.memory.putString(0x1000, "/tmp/pa/g.txt");

    @Test
    void times() {
        long now = lines.memory.putLongs(0x7ffc0000L, 1, 2, 0, UTIME_NOW);
        assertThat(lines.line("utimensat", 0, AT_FDCWD, g, now, 0))
                .isEqualTo("utimensat(AT_FDCWD, \"/tmp/pa/g.txt\", [{tv_sec=1, tv_nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */,"
                        + " UTIME_NOW], 0) = 0");
        long omit = lines.memory.putLongs(0x7ffc1000L, 0, UTIME_OMIT, 1700000000, 123456789);
        assertThat(lines.line("utimensat", 0, AT_FDCWD, g, omit, 0x100))
                .isEqualTo("utimensat(AT_FDCWD, \"/tmp/pa/g.txt\", [UTIME_OMIT, {tv_sec=1700000000, tv_nsec=123456789}"
                        + " /* 2023-11-14T22:13:20.123456789+0000 */], AT_SYMLINK_NOFOLLOW) = 0");
        assertThat(lines.line("utimensat", 0, 3, 0, 0, 0)).isEqualTo("utimensat(3, NULL, NULL, 0)             = 0");
    }
}
