package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class AccessTest {

    private final Lines lines = new Lines();
    private final long x = lines.memory.putString(0x1000, "/x");

    @Test
    void modes() {
        long preload = lines.memory.putString(0x2000, "/etc/ld.so.preload");
        assertThat(lines.line("access", -2, preload, 4))
                .isEqualTo("access(\"/etc/ld.so.preload\", R_OK)      = -1 ENOENT (No such file or directory)");
        assertThat(lines.line("access", 0, x, 0)).isEqualTo("access(\"/x\", F_OK)                      = 0");
        assertThat(lines.line("access", 0, x, 7)).isEqualTo("access(\"/x\", R_OK|W_OK|X_OK)            = 0");
        assertThat(lines.line("access", -22, x, 8))
                .isEqualTo("access(\"/x\", 0x8 /* ?_OK */)            = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("access", -22, x, 0x13))
                .isEqualTo("access(\"/x\", W_OK|X_OK|0x10)            = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("access", 0, x, 0xffffffff00000002L)).isEqualTo("access(\"/x\", W_OK)                      = 0");
    }

    @Test
    void faccessatHasNoFlags() {
        assertThat(lines.line("faccessat", 0, -100, x, 2)).isEqualTo("faccessat(AT_FDCWD, \"/x\", W_OK)         = 0");
        assertThat(lines.line("faccessat", 0, 3, x, 1, 0x200)).isEqualTo("faccessat(3, \"/x\", X_OK)                = 0");
    }

    @Test
    void faccessat2() {
        long g = lines.memory.putString(0x6000, "/tmp/pa/g.txt");
        assertThat(lines.line("faccessat2", 0, -100, g, 6, 0x200)).isEqualTo("faccessat2(AT_FDCWD, \"/tmp/pa/g.txt\", R_OK|W_OK, AT_EACCESS) = 0");
        assertThat(lines.line("faccessat2", 0, -100, g, 0, 0)).isEqualTo("faccessat2(AT_FDCWD, \"/tmp/pa/g.txt\", F_OK, 0) = 0");
    }
}
