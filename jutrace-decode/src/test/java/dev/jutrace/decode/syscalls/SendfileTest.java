package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class SendfileTest {

    private final Lines lines = new Lines();

    @Test
    void sendfileShowsTheOffsetBeforeAndAfter() {
        long off = lines.memory.putLongs(0x7ffc0000L, 2);
        assertThat(lines.entry("sendfile", 5, 3, off, 5)).isEqualTo("sendfile(5, 3, [2]");
        lines.memory.putLongs(0x7ffc0000L, 7);
        assertThat(lines.resumed("sendfile", 5, 5, 3, off, 5)).isEqualTo("<... sendfile resumed> => [7], 5)       = 5");
        assertThat(lines.line("sendfile", 0, 5, 3, 0, 5)).isEqualTo("sendfile(5, 3, NULL, 5)                 = 0");
        assertThat(lines.line("sendfile", -9, 5, 99, off, 5)).isEqualTo("sendfile(5, 99, [7], 5)                 = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("sendfile", -14, 5, 3, 1, 5)).isEqualTo("sendfile(5, 3, 0x1, 5)                  = -1 EFAULT (Bad address)");
    }

    @Test
    void spliceAndFriends() {
        long zero = lines.memory.putLongs(0x7ffc0000L, 0);
        long four = lines.memory.putLongs(0x7ffc1000L, 4);
        assertThat(lines.line("copy_file_range", 4, 3, zero, 5, zero, 4, 0)).isEqualTo("copy_file_range(3, [0], 5, [0], 4, 0)   = 4");
        assertThat(lines.line("copy_file_range", 0, 3, 0, 5, 0, 4, 0)).isEqualTo("copy_file_range(3, NULL, 5, NULL, 4, 0) = 0");
        assertThat(lines.line("splice", 4, 3, four, 7, 0, 4, 3)).isEqualTo("splice(3, [4], 7, NULL, 4, SPLICE_F_MOVE|SPLICE_F_NONBLOCK) = 4");
        assertThat(lines.line("splice", 4, 6, 0, 5, 0, 4, 0)).isEqualTo("splice(6, NULL, 5, NULL, 4, 0)          = 4");
        assertThat(lines.line("tee", -22, 6, 7, 4, 2)).isEqualTo("tee(6, 7, 4, SPLICE_F_NONBLOCK)         = -1 EINVAL (Invalid argument)");
    }
}
