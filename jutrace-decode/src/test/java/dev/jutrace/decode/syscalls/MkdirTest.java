package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class MkdirTest {

    private static final long AT_FDCWD = -100;
    private final Lines lines = new Lines();
    private final long d = lines.memory.putString(0x3000, "/tmp/pa/d");
    private final long d4 = lines.memory.putString(0x4000, "/tmp/pa/d4");

    @Test
    void directoriesAndNodes() {
        long fifo = lines.memory.putString(0x6000, "/tmp/pa/fifo");
        long chr = lines.memory.putString(0x7000, "/tmp/pa/chr");
        assertThat(lines.line("mkdir", 0, d, 0755)).isEqualTo("mkdir(\"/tmp/pa/d\", 0755)                = 0");
        assertThat(lines.line("mkdirat", 0, AT_FDCWD, d4, 0700)).isEqualTo("mkdirat(AT_FDCWD, \"/tmp/pa/d4\", 0700)   = 0");
        assertThat(lines.line("mknod", 0, fifo, 010644, 0)).isEqualTo("mknod(\"/tmp/pa/fifo\", S_IFIFO|0644)     = 0");
        assertThat(lines.line("mknod", 0, chr, 020644, 0x103))
                .isEqualTo("mknod(\"/tmp/pa/chr\", S_IFCHR|0644, makedev(0x1, 0x3)) = 0");
        assertThat(lines.line("mknodat", 0, AT_FDCWD, fifo, 010600, 0))
                .isEqualTo("mknodat(AT_FDCWD, \"/tmp/pa/fifo\", S_IFIFO|0600) = 0");
    }
}
