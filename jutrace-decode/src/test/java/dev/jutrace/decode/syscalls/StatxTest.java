package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class StatxTest {

    private static final long AT_FDCWD = -100;
    private final Lines lines = new Lines();
    private final long g = lines.memory.putString(0x1000, "/tmp/pa/g.txt");
    private final long empty = lines.memory.putString(0x2000, "");

    private long putStatx(long address, int mask, int mode, long size) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, mask).putShort(28, (short) mode).putLong(40, size);
        return lines.memory.put(address, b.array());
    }

    @Test
    void statx() {
        long sx = putStatx(0x7ffeb10a2b40L, 0x17ff, 0100644, 12);
        assertThat(lines.line("statx", 0, AT_FDCWD, g, 0x100, 0x7ff, sx))
                .isEqualTo("statx(AT_FDCWD, \"/tmp/pa/g.txt\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS,"
                        + " {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=12, ...}) = 0");
        long all = putStatx(0x7ffeb10a3000L, 0x1fff, 0100644, 12);
        assertThat(lines.line("statx", 0, AT_FDCWD, g, 0, 0x1fff, all))
                .isEqualTo("statx(AT_FDCWD, \"/tmp/pa/g.txt\", AT_STATX_SYNC_AS_STAT, STATX_ALL|STATX_MNT_ID,"
                        + " {stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=12, ...}) = 0");
        assertThat(lines.entry("statx", AT_FDCWD, g, 0, 0x1fff, all))
                .isEqualTo("statx(AT_FDCWD, \"/tmp/pa/g.txt\", AT_STATX_SYNC_AS_STAT, STATX_ALL|STATX_MNT_ID, ");
    }

    @Test
    void failures() {
        assertThat(lines.line("statx", -22, 3, empty, 0x5000, 0x80000003L, 0x7ffeb10a2b40L))
                .isEqualTo("statx(3, \"\", AT_STATX_DONT_SYNC|AT_EMPTY_PATH, STATX_TYPE|STATX_MODE|0x80000000, 0x7ffeb10a2b40)"
                        + " = -1 EINVAL (Invalid argument)");
        long tmp = lines.memory.putString(0x3000, "/tmp");
        assertThat(lines.line("statx", -14, AT_FDCWD, tmp, 0, 0, 1))
                .isEqualTo("statx(AT_FDCWD, \"/tmp\", AT_STATX_SYNC_AS_STAT, 0, 0x1) = -1 EFAULT (Bad address)");
    }
}
