package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class ChdirTest {

    private final Lines lines = new Lines();
    private final long d = lines.memory.putString(0x3000, "/tmp/pa/d");
    private final long tmp = lines.memory.putString(0x5000, "/tmp");

    @Test
    void directories() {
        assertThat(lines.line("chdir", 0, tmp)).isEqualTo("chdir(\"/tmp\")                           = 0");
        assertThat(lines.line("fchdir", -20, 3)).isEqualTo("fchdir(3)                               = -1 ENOTDIR (Not a directory)");
        assertThat(lines.line("chroot", -2, d)).isEqualTo("chroot(\"/tmp/pa/d\")                     = -1 ENOENT (No such file or directory)");
        long buf = lines.memory.putString(0x7ffee7981310L, "/tmp");
        assertThat(lines.line("getcwd", 5, buf, 256)).isEqualTo("getcwd(\"/tmp\", 256)                     = 5");
        assertThat(lines.line("getcwd", -34, buf, 2)).isEqualTo("getcwd(0x7ffee7981310, 2)               = -1 ERANGE (Numerical result out of range)");
    }
}
