package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class UnlinkTest {

    private static final long AT_FDCWD = -100;
    private final Lines lines = new Lines();
    private final long l = lines.memory.putString(0x2000, "/tmp/pa/l");
    private final long d = lines.memory.putString(0x3000, "/tmp/pa/d");
    private final long d4 = lines.memory.putString(0x4000, "/tmp/pa/d4");

    @Test
    void unlink() {
        assertThat(lines.line("unlink", 0, l)).isEqualTo("unlink(\"/tmp/pa/l\")                     = 0");
        assertThat(lines.line("unlinkat", -2, AT_FDCWD, d, 0x200))
                .isEqualTo("unlinkat(AT_FDCWD, \"/tmp/pa/d\", AT_REMOVEDIR) = -1 ENOENT (No such file or directory)");
        assertThat(lines.line("rmdir", 0, d4)).isEqualTo("rmdir(\"/tmp/pa/d4\")                     = 0");
        assertThat(lines.line("unlink", -14, 1)).isEqualTo("unlink(0x1)                             = -1 EFAULT (Bad address)");
    }
}
