package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class RenameTest {

    private static final long AT_FDCWD = -100;
    private final Lines lines = new Lines();
    private final long d = lines.memory.putString(0x3000, "/tmp/pa/d");
    private final long d4 = lines.memory.putString(0x4000, "/tmp/pa/d4");

    @Test
    void renames() {
        assertThat(lines.line("rename", 0, d, d4)).isEqualTo("rename(\"/tmp/pa/d\", \"/tmp/pa/d4\")       = 0");
        assertThat(lines.line("renameat", 0, AT_FDCWD, d, AT_FDCWD, d4))
                .isEqualTo("renameat(AT_FDCWD, \"/tmp/pa/d\", AT_FDCWD, \"/tmp/pa/d4\") = 0");
        assertThat(lines.line("renameat2", -22, AT_FDCWD, d, AT_FDCWD, d4, 0x103))
                .isEqualTo("renameat2(AT_FDCWD, \"/tmp/pa/d\", AT_FDCWD, \"/tmp/pa/d4\", RENAME_NOREPLACE|RENAME_EXCHANGE|0x100)"
                        + " = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("renameat2", 0, AT_FDCWD, d, AT_FDCWD, d4, 1))
                .isEqualTo("renameat2(AT_FDCWD, \"/tmp/pa/d\", AT_FDCWD, \"/tmp/pa/d4\", RENAME_NOREPLACE) = 0");
    }
}
