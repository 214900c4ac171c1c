package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class SetuidTest {

    private final Lines lines = new Lines();

    private long putInts(long address, int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return lines.memory.put(address, b.array());
    }

    @Test
    void ids() {
        assertThat(lines.line("getuid", 0)).isEqualTo("getuid()                                = 0");
        assertThat(lines.line("setuid", 0, 0)).isEqualTo("setuid(0)                               = 0");
        assertThat(lines.line("setreuid", 0, 0xffffffffL, 0)).isEqualTo("setreuid(-1, 0)                         = 0");
        assertThat(lines.line("setresuid", 0, -1, -1, -1)).isEqualTo("setresuid(-1, -1, -1)                   = 0");
        assertThat(lines.line("setresgid", 0, 0, 0, 0)).isEqualTo("setresgid(0, 0, 0)                      = 0");
        assertThat(lines.line("setfsgid", 0, -1)).isEqualTo("setfsgid(-1)                            = 0");
        long r = putInts(0x7ffc0000L, 0), e = putInts(0x7ffc1000L, 0), s = putInts(0x7ffc2000L, 0);
        assertThat(lines.line("getresuid", 0, r, e, s)).isEqualTo("getresuid([0], [0], [0])                = 0");
        assertThat(lines.line("getresgid", -14, r, e, 1)).isEqualTo("getresgid(0x7ffc0000, 0x7ffc1000, 0x1)  = -1 EFAULT (Bad address)");
    }

    @Test
    void groups() {
        long g = putInts(0x7ffc0000L, 0, 1, 2, 3);
        assertThat(lines.line("setgroups", 0, 4, g)).isEqualTo("setgroups(4, [0, 1, 2, 3])              = 0");
        assertThat(lines.line("getgroups", 4, 4, g)).isEqualTo("getgroups(4, [0, 1, 2, 3])              = 4");
        assertThat(lines.line("getgroups", 4, 0, 0)).isEqualTo("getgroups(0, NULL)                      = 4");
        assertThat(lines.line("getgroups", 0, 1, g)).isEqualTo("getgroups(1, [])                        = 0");
        // id(1) asks for the count with a real buffer: strace 6.1 prints the empty array.
        assertThat(lines.line("getgroups", 0, 0, g)).isEqualTo("getgroups(0, [])                        = 0");
        assertThat(lines.line("setgroups", 0, 0, 0)).isEqualTo("setgroups(0, NULL)                      = 0");
    }
}
