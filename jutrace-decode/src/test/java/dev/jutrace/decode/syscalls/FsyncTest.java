package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class FsyncTest {

    private final Lines lines = new Lines();
    private final long f = lines.memory.putString(0x1000, "/tmp/pa/f.txt");

    @Test
    void syncAndTruncate() {
        assertThat(lines.line("fsync", 0, 3)).isEqualTo("fsync(3)                                = 0");
        assertThat(lines.line("fdatasync", 0, 3)).isEqualTo("fdatasync(3)                            = 0");
        assertThat(lines.line("syncfs", 0, 3)).isEqualTo("syncfs(3)                               = 0");
        assertThat(lines.line("sync", 0)).isEqualTo("sync()                                  = 0");
        assertThat(lines.line("truncate", 0, f, 100)).isEqualTo("truncate(\"/tmp/pa/f.txt\", 100)          = 0");
        assertThat(lines.line("ftruncate", 0, 3, 12)).isEqualTo("ftruncate(3, 12)                        = 0");
    }
}
