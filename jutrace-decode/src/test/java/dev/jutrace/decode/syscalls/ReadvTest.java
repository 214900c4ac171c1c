package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.decode.DecodeOptions;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class ReadvTest {

    private final Lines lines = new Lines();
    private final long abcde = lines.memory.putString(0x1000, "abcde");
    private final long xyz = lines.memory.putString(0x2000, "xyz");
    private final long out = lines.memory.putLongs(0x7ffc0000L, abcde, 5, xyz, 3);
    private final long b = lines.memory.putRaw(0x3000, "hello world\nabcdexyz");
    private final long in = lines.memory.putLongs(0x7ffc1000L, b, 4, b + 4, 16);

    @Test
    void writes() {
        assertThat(lines.line("writev", 8, 3, out, 2))
                .isEqualTo("writev(3, [{iov_base=\"abcde\", iov_len=5}, {iov_base=\"xyz\", iov_len=3}], 2) = 8");
        assertThat(lines.line("pwritev", 8, 3, out, 2, 3))
                .isEqualTo("pwritev(3, [{iov_base=\"abcde\", iov_len=5}, {iov_base=\"xyz\", iov_len=3}], 2, 3) = 8");
        assertThat(lines.line("pwritev2", 8, 3, out, 2, 3, 0, 0))
                .isEqualTo("pwritev2(3, [{iov_base=\"abcde\", iov_len=5}, {iov_base=\"xyz\", iov_len=3}], 2, 3, 0) = 8");
        assertThat(lines.line("writev", 0, 3, out, 0)).isEqualTo("writev(3, [], 0)                        = 0");
    }

    @Test
    void reads() {
        assertThat(lines.line("readv", 20, 3, in, 2))
                .isEqualTo("readv(3, [{iov_base=\"hell\", iov_len=4}, {iov_base=\"o world\\nabcdexyz\", iov_len=16}], 2) = 20");
        assertThat(lines.line("preadv", 20, 3, in, 2, 0))
                .isEqualTo("preadv(3, [{iov_base=\"hell\", iov_len=4}, {iov_base=\"o world\\nabcdexyz\", iov_len=16}], 2, 0) = 20");
        assertThat(lines.line("preadv2", 20, 3, in, 2, 0, 0, 0))
                .isEqualTo("preadv2(3, [{iov_base=\"hell\", iov_len=4}, {iov_base=\"o world\\nabcdexyz\", iov_len=16}], 2, 0, 0) = 20");
        assertThat(lines.line("readv", 5, 3, in, 2))
                .isEqualTo("readv(3, [{iov_base=\"hell\", iov_len=4}, {iov_base=\"o\", iov_len=16}], 2) = 5");
        assertThat(lines.line("readv", -14, 3, 1, 2)).isEqualTo("readv(3, 0x1, 2)                        = -1 EFAULT (Bad address)");
        assertThat(lines.entry("readv", 3, in, 2)).isEqualTo("readv(3, ");
    }

    @Test
    void stringLimitCutsBuffersAndElements() {
        Lines short3 = new Lines(DecodeOptions.DEFAULT.withStringLimit(1));
        long a = short3.memory.putString(0x1000, "abcde");
        long v = short3.memory.putLongs(0x7ffc0000L, a, 5, a, 5);
        assertThat(short3.line("writev", 10, 3, v, 2)).isEqualTo("writev(3, [{iov_base=\"a\"..., iov_len=5}, ...], 2) = 10");
    }
}
