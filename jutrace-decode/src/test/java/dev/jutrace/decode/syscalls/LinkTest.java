package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class LinkTest {

    private static final long AT_FDCWD = -100;
    private final Lines lines = new Lines();
    private final long f = lines.memory.putString(0x1000, "/tmp/pa/f.txt");
    private final long l = lines.memory.putString(0x2000, "/tmp/pa/l");
    private final long d = lines.memory.putString(0x3000, "/tmp/pa/d");

    @Test
    void links() {
        long g = lines.memory.putString(0x6000, "g.txt");
        assertThat(lines.line("link", 0, f, l)).isEqualTo("link(\"/tmp/pa/f.txt\", \"/tmp/pa/l\")      = 0");
        assertThat(lines.line("linkat", 0, AT_FDCWD, f, AT_FDCWD, l, 0x400))
                .isEqualTo("linkat(AT_FDCWD, \"/tmp/pa/f.txt\", AT_FDCWD, \"/tmp/pa/l\", AT_SYMLINK_FOLLOW) = 0");
        assertThat(lines.line("symlink", 0, g, l)).isEqualTo("symlink(\"g.txt\", \"/tmp/pa/l\")           = 0");
        assertThat(lines.line("symlinkat", 0, g, AT_FDCWD, l)).isEqualTo("symlinkat(\"g.txt\", AT_FDCWD, \"/tmp/pa/l\") = 0");
    }

    @Test
    void readlink() {
        long buf = lines.memory.putRaw(0x7ffee7981310L, "/tmp/pa/f.txtXXXX");
        assertThat(lines.line("readlink", 13, l, buf, 256)).isEqualTo("readlink(\"/tmp/pa/l\", \"/tmp/pa/f.txt\", 256) = 13");
        assertThat(lines.line("readlink", 4, l, buf, 4)).isEqualTo("readlink(\"/tmp/pa/l\", \"/tmp\", 4)        = 4");
        assertThat(lines.entry("readlink", l, buf, 4)).isEqualTo("readlink(\"/tmp/pa/l\", ");
        assertThat(lines.line("readlinkat", 13, AT_FDCWD, l, buf, 256))
                .isEqualTo("readlinkat(AT_FDCWD, \"/tmp/pa/l\", \"/tmp/pa/f.txt\", 256) = 13");
        assertThat(lines.line("readlink", -2, d, buf, 256))
                .isEqualTo("readlink(\"/tmp/pa/d\", 0x7ffee7981310, 256) = -1 ENOENT (No such file or directory)");
    }
}
