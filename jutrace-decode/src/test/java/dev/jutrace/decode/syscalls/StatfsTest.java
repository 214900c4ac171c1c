package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class StatfsTest {

    private final Lines lines = new Lines();

    @Test
    void statfs() {
        long tmp = lines.memory.putString(0x1000, "/tmp");
        long buf = lines.memory.putLongs(0x7ffeb10a2ac0L, 0xef53, 4096, 66053021, 60341826, 20886533, 16777216, 16359956,
                0x8d0f03d9_6902b04dL, 255, 4096, 0x1020, 0, 0, 0, 0);
        assertThat(lines.line("statfs", 0, tmp, buf))
                .isEqualTo("statfs(\"/tmp\", {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=66053021, f_bfree=60341826,"
                        + " f_bavail=20886533, f_files=16777216, f_ffree=16359956, f_fsid={val=[0x6902b04d, 0x8d0f03d9]},"
                        + " f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0");
        long proc = lines.memory.putLongs(0x7ffeb10a3000L, 0x9fa0, 4096, 0, 0, 0, 0, 0, 0x15, 255, 4096, 0x1020, 0, 0, 0, 0);
        assertThat(lines.line("fstatfs", 0, 3, proc))
                .isEqualTo("fstatfs(3, {f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0,"
                        + " f_ffree=0, f_fsid={val=[0x15, 0]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0");
        assertThat(lines.line("statfs", -2, tmp, buf)).isEqualTo("statfs(\"/tmp\", 0x7ffeb10a2ac0)          = -1 ENOENT (No such file or directory)");
        assertThat(lines.entry("fstatfs", 3, proc)).isEqualTo("fstatfs(3, ");
    }
}
