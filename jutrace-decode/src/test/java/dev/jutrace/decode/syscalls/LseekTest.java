package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers. */
class LseekTest {

    private final Lines lines = new Lines();

    @Test
    void whence() {
        assertThat(lines.line("lseek", 0, 0, 0, 0)).isEqualTo("lseek(0, 0, SEEK_SET)                   = 0");
        assertThat(lines.line("lseek", 0, 0, -1, 2)).isEqualTo("lseek(0, -1, SEEK_END)                  = 0");
        assertThat(lines.line("lseek", 0, 0, 10, 4)).isEqualTo("lseek(0, 10, SEEK_HOLE)                 = 0");
        assertThat(lines.line("lseek", 0, 0, 10, 0x100000001L)).isEqualTo("lseek(0, 10, SEEK_CUR)                  = 0");
        assertThat(lines.line("lseek", -22, 0, 0, 5))
                .isEqualTo("lseek(0, 0, 0x5 /* SEEK_??? */)         = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("lseek", -22, 0, 10, -1))
                .isEqualTo("lseek(0, 10, 0xffffffff /* SEEK_??? */) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void fadvise64() {
        assertThat(lines.line("fadvise64", 0, 3, 0, 0, 2)).isEqualTo("fadvise64(3, 0, 0, POSIX_FADV_SEQUENTIAL) = 0");
        assertThat(lines.line("fadvise64", 0, 3, 4096, 8192, 4)).isEqualTo("fadvise64(3, 4096, 8192, POSIX_FADV_DONTNEED) = 0");
        assertThat(lines.line("fadvise64", -22, 3, 0, 0, 9))
                .isEqualTo("fadvise64(3, 0, 0, 0x9 /* POSIX_FADV_??? */) = -1 EINVAL (Invalid argument)");
    }
}
