package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class MemfdTest {

    private final Lines lines = new Lines();

    @Test
    void flagsAndHugePages() {
        long name = lines.memory.putString(0x6000, "myfd");
        long huge = lines.memory.putString(0x7000, "hugefd");
        assertThat(lines.line("memfd_create", 11, name, 3)).isEqualTo("memfd_create(\"myfd\", MFD_CLOEXEC|MFD_ALLOW_SEALING) = 11");
        assertThat(lines.line("memfd_create", 12, name, 0)).isEqualTo("memfd_create(\"myfd\", 0)                 = 12");
        assertThat(lines.line("memfd_create", 13, huge, 4 | (21L << 26)))
                .isEqualTo("memfd_create(\"hugefd\", MFD_HUGETLB|21<<MFD_HUGE_SHIFT) = 13");
    }
}
