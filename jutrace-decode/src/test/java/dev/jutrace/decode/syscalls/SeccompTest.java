package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class SeccompTest {

    private static final long EINVAL = -22;
    private final Lines lines = new Lines();

    @Test
    void operations() {
        long prog = lines.memory.putLongs(0x7ffc40401f60L, 1, 0x7ffc40401f78L);
        assertThat(lines.line("seccomp", EINVAL, 1, 0x100, prog))
                .isEqualTo("seccomp(SECCOMP_SET_MODE_FILTER, 0x100 /* SECCOMP_FILTER_FLAG_??? */, {len=1, filter=0x7ffc40401f78})"
                        + " = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("seccomp", -14, 1, 3, 0))
                .isEqualTo("seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC|SECCOMP_FILTER_FLAG_LOG, NULL) = -1 EFAULT (Bad address)");
        assertThat(lines.line("seccomp", EINVAL, 0, 1, 0)).isEqualTo("seccomp(SECCOMP_SET_MODE_STRICT, 0x1, NULL) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("seccomp", EINVAL, 99, 0, 0)).isEqualTo("seccomp(0x63 /* SECCOMP_SET_MODE_??? */, 0, NULL) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void actionsAndSizes() {
        long log = lines.memory.put(0x7ffc0000L, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7ffc0000).array());
        assertThat(lines.line("seccomp", 0, 2, 0, log)).isEqualTo("seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_LOG]) = 0");
        long one = lines.memory.put(0x7ffc1000L, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(1).array());
        assertThat(lines.line("seccomp", -95, 2, 0, one))
                .isEqualTo("seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [0x1 /* SECCOMP_RET_??? */]) = -1 EOPNOTSUPP (Operation not supported)");
        long sizes = lines.memory.put(0x7ffc2000L, ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 80).putShort((short) 24).putShort((short) 64).array());
        assertThat(lines.line("seccomp", 0, 3, 0, sizes))
                .isEqualTo("seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}) = 0");
        assertThat(lines.entry("seccomp", 3, 0, sizes)).isEqualTo("seccomp(SECCOMP_GET_NOTIF_SIZES, 0, ");
    }
}
