package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers. */
class MmanTest {

    private static final long EBADF = -9, EINVAL = -22, ENOMEM = -12;
    private final Lines lines = new Lines();

    @Test
    void mapsAsTheDynamicLinkerMakesThem() {
        assertThat(lines.line("mmap", 0x7f761af1e000L, 0, 8192, 3, 0x22, -1, 0))
                .isEqualTo("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f761af1e000");
        assertThat(lines.line("mmap", 0x7f761aeee000L, 0x7f761aeee000L, 110592, 5, 0x812, 3, 0x7000))
                .isEqualTo("mmap(0x7f761aeee000, 110592, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x7000)"
                        + " = 0x7f761aeee000");
    }

    @Test
    void zeroProtAndFlags() {
        assertThat(lines.line("mmap", EBADF, 0, 4096, 0, 0, -1, 0))
                .isEqualTo("mmap(NULL, 4096, PROT_NONE, MAP_FILE, -1, 0) = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("mmap", EINVAL, 0, 4096, 3, 0x20, -1, 0))
                .isEqualTo("mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_FILE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void everyBitSet() {
        assertThat(lines.line("mmap", EINVAL, 0, 4096, 0xffffffffL, 0xffffffffL, -1, 0))
                .isEqualTo("mmap(NULL, 4096, PROT_READ|PROT_WRITE|PROT_EXEC|PROT_SEM|PROT_GROWSDOWN|PROT_GROWSUP|0xfcfffff0,"
                        + " 0xf /* MAP_??? */|MAP_FIXED|MAP_ANONYMOUS|MAP_32BIT|MAP_NORESERVE|MAP_POPULATE|MAP_NONBLOCK"
                        + "|MAP_GROWSDOWN|MAP_DENYWRITE|MAP_EXECUTABLE|MAP_LOCKED|MAP_STACK|MAP_HUGETLB|MAP_SYNC"
                        + "|MAP_FIXED_NOREPLACE|0x3e00680|63<<MAP_HUGE_SHIFT, -1, 0) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void unknownTypesAndBits() {
        assertThat(lines.line("mmap", EBADF, 0, 4096, 0x17, 0xf, -1, 0))
                .isEqualTo("mmap(NULL, 4096, PROT_READ|PROT_WRITE|PROT_EXEC|0x10, 0xf /* MAP_??? */, -1, 0)"
                        + " = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("mmap", EINVAL, 0, 4096, 3, 0x24, -1, 0))
                .isEqualTo("mmap(NULL, 4096, PROT_READ|PROT_WRITE, 0x4 /* MAP_??? */|MAP_ANONYMOUS, -1, 0)"
                        + " = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("mmap", EBADF, 0, 4096, 3, 0x80, -1, 0))
                .isEqualTo("mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_FILE|0x80, -1, 0) = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("mmap", EINVAL, 0, 4096, 8, 0x23, -1, 0x1000))
                .isEqualTo("mmap(NULL, 4096, PROT_SEM, MAP_SHARED_VALIDATE|MAP_ANONYMOUS, -1, 0x1000) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void hugePageSizes() {
        assertThat(lines.line("mmap", EINVAL, 0x1000, 4096, 1, 0x1 | 0x100000 | 0x40000 | (21L << 26), 5, 0x1000))
                .isEqualTo("mmap(0x1000, 4096, PROT_READ, MAP_SHARED|MAP_HUGETLB|MAP_FIXED_NOREPLACE|21<<MAP_HUGE_SHIFT, 5,"
                        + " 0x1000) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("mmap", EINVAL, 0x1000, 4096, 1, 0x2 | 0x40000 | (30L << 26), 5, -4096))
                .isEqualTo("mmap(0x1000, 4096, PROT_READ, MAP_PRIVATE|MAP_HUGETLB|30<<MAP_HUGE_SHIFT, 5, 0xfffffffffffff000)"
                        + " = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("mmap", EBADF, 0, 4096, 3, 0x4000000, -1, 0))
                .isEqualTo("mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_FILE|1<<MAP_HUGE_SHIFT, -1, 0) = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void mprotect() {
        assertThat(lines.line("mprotect", ENOMEM, 0x1000, 4096, 0x01000001))
                .isEqualTo("mprotect(0x1000, 4096, PROT_READ|PROT_GROWSDOWN) = -1 ENOMEM (Cannot allocate memory)");
        assertThat(lines.line("mprotect", EINVAL, 0x1000, 4096, 0x02000020))
                .isEqualTo("mprotect(0x1000, 4096, PROT_GROWSUP|0x20) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("mprotect", EINVAL, 0, 4096, 0x10))
                .isEqualTo("mprotect(NULL, 4096, 0x10 /* PROT_??? */) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void munmapAndBrk() {
        assertThat(lines.line("munmap", 0, 0x1000, 4096)).isEqualTo("munmap(0x1000, 4096)                    = 0");
        assertThat(lines.line("brk", 0x556030319000L, 0)).isEqualTo("brk(NULL)                               = 0x556030319000");
        assertThat(lines.line("brk", 0x556030319000L, 0x1000)).isEqualTo("brk(0x1000)                             = 0x556030319000");
    }
}
