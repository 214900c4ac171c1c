package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class PipeTest {

    private final Lines lines = new Lines();

    @Test
    void pipes() {
        long fds = lines.memory.put(0x7ffc0000L, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(4).putInt(5).array());
        assertThat(lines.line("pipe", 0, fds)).isEqualTo("pipe([4, 5])                            = 0");
        assertThat(lines.entry("pipe", fds)).isEqualTo("pipe(");
        assertThat(lines.line("pipe2", 0, fds, 04000 | 02000000)).isEqualTo("pipe2([4, 5], O_NONBLOCK|O_CLOEXEC)     = 0");
        assertThat(lines.line("pipe2", 0, fds, 0)).isEqualTo("pipe2([4, 5], 0)                        = 0");
        assertThat(lines.line("pipe2", -14, 1, 0)).isEqualTo("pipe2(0x1, 0)                           = -1 EFAULT (Bad address)");
    }
}
