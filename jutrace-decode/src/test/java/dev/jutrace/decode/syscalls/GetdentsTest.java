package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class GetdentsTest {

    private final Lines lines = new Lines();

    @Test
    void countsEntries() {
        ByteBuffer b = ByteBuffer.allocate(176).order(ByteOrder.LITTLE_ENDIAN);
        int[] reclens = {24, 24, 32, 32, 32, 32};
        for (int i = 0, at = 0; i < reclens.length; at += reclens[i++]) {
            b.putShort(at + 16, (short) reclens[i]);
        }
        long dirp = lines.memory.put(0x7ffee7981310L, b.array());
        assertThat(lines.line("getdents64", 176, 8, dirp, 256)).isEqualTo("getdents64(8, 0x7ffee7981310 /* 6 entries */, 256) = 176");
        assertThat(lines.line("getdents64", 0, 8, dirp, 256)).isEqualTo("getdents64(8, 0x7ffee7981310 /* 0 entries */, 256) = 0");
        assertThat(lines.line("getdents64", -9, 99, dirp, 256)).isEqualTo("getdents64(99, 0x7ffee7981310, 256)     = -1 EBADF (Bad file descriptor)");
        assertThat(lines.entry("getdents64", 8, dirp, 256)).isEqualTo("getdents64(8, ");
    }
}
