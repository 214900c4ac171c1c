package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class ChmodTest {

    private static final long AT_FDCWD = -100;
    private final Lines lines = new Lines();
    private final long f = lines.memory.putString(0x1000, "/tmp/pa/f.txt");

    @Test
    void modesAndOwners() {
        assertThat(lines.line("chmod", 0, f, 0600)).isEqualTo("chmod(\"/tmp/pa/f.txt\", 0600)            = 0");
        assertThat(lines.line("fchmod", 0, 3, 04755)).isEqualTo("fchmod(3, 04755)                        = 0");
        assertThat(lines.line("fchmodat", 0, AT_FDCWD, f, 0644)).isEqualTo("fchmodat(AT_FDCWD, \"/tmp/pa/f.txt\", 0644) = 0");
        assertThat(lines.line("chown", 0, f, 0xffffffffL, -1)).isEqualTo("chown(\"/tmp/pa/f.txt\", -1, -1)          = 0");
        assertThat(lines.line("fchown", 0, 3, 0, 0)).isEqualTo("fchown(3, 0, 0)                         = 0");
        assertThat(lines.line("lchown", 0, f, 1000, -1)).isEqualTo("lchown(\"/tmp/pa/f.txt\", 1000, -1)       = 0");
        assertThat(lines.line("fchownat", 0, AT_FDCWD, f, -1, 1000, 0x100))
                .isEqualTo("fchownat(AT_FDCWD, \"/tmp/pa/f.txt\", -1, 1000, AT_SYMLINK_NOFOLLOW) = 0");
    }
}
