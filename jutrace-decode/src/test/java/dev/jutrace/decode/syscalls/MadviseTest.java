package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.decode.DecodeOptions;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class MadviseTest {

    private static final long P = 0x7fb6aa2df000L;
    private final Lines lines = new Lines();

    @Test
    void madviseAndMsync() {
        assertThat(lines.line("madvise", 0, P, 8192, 4)).isEqualTo("madvise(0x7fb6aa2df000, 8192, MADV_DONTNEED) = 0");
        assertThat(lines.line("madvise", 0, P, 8192, 14)).isEqualTo("madvise(0x7fb6aa2df000, 8192, MADV_HUGEPAGE) = 0");
        assertThat(lines.line("madvise", -22, P, 8192, 9999))
                .isEqualTo("madvise(0x7fb6aa2df000, 8192, 0x270f /* MADV_??? */) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("madvise", -22, P, 4096, 25)).isEqualTo("madvise(0x7fb6aa2df000, 4096, MADV_COLLAPSE) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("msync", -22, P, 4096, 0x17))
                .isEqualTo("msync(0x7fb6aa2df000, 4096, MS_SYNC|MS_ASYNC|MS_INVALIDATE|0x10) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("msync", 0, P, 4096, 0)).isEqualTo("msync(0x7fb6aa2df000, 4096, 0)          = 0");
    }

    @Test
    void mremap() {
        assertThat(lines.line("mremap", 0x7fb6aa2db000L, P, 8192, 16384, 1))
                .isEqualTo("mremap(0x7fb6aa2df000, 8192, 16384, MREMAP_MAYMOVE) = 0x7fb6aa2db000");
        assertThat(lines.line("mremap", 0x10000000, P, 4096, 4096, 3, 0x10000000))
                .isEqualTo("mremap(0x7fb6aa2df000, 4096, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, 0x10000000) = 0x10000000");
        assertThat(lines.line("mremap", -22, P, 4096, 8192, 5, 0x20000000))
                .isEqualTo("mremap(0x7fb6aa2df000, 4096, 8192, MREMAP_MAYMOVE|MREMAP_DONTUNMAP) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("mremap", -22, P, 4096, 4096, 0x80))
                .isEqualTo("mremap(0x7fb6aa2df000, 4096, 4096, 0x80 /* MREMAP_??? */) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void mincore() {
        long vec = lines.memory.put(0x7fff2ab21cf4L, new byte[] {1, 0, 1, 0});
        assertThat(lines.line("mincore", 0, 0x7fb6aa2dd000L, 16384, vec)).isEqualTo("mincore(0x7fb6aa2dd000, 16384, [1, 0, 1, 0]) = 0");
        assertThat(lines.entry("mincore", 0x7fb6aa2dd000L, 16384, vec)).isEqualTo("mincore(0x7fb6aa2dd000, 16384, ");
        assertThat(lines.line("mincore", -14, 0x7fb6aa2dd000L, 16384, 1)).isEqualTo("mincore(0x7fb6aa2dd000, 16384, 0x1)     = -1 EFAULT (Bad address)");
        assertThat(lines.line("mincore", -22, 0x7fb6aa2dd001L, 16384, vec))
                .isEqualTo("mincore(0x7fb6aa2dd001, 16384, 0x7fff2ab21cf4) = -1 EINVAL (Invalid argument)");
        Lines two = new Lines(DecodeOptions.DEFAULT.withStringLimit(2));
        long v = two.memory.put(0x7fff2ab21cf4L, new byte[] {1, 0, 1, 0});
        assertThat(two.line("mincore", 0, 0x7fb6aa2dd000L, 16384, v)).isEqualTo("mincore(0x7fb6aa2dd000, 16384, [1, 0, ...]) = 0");
    }

    @Test
    void locks() {
        assertThat(lines.line("mlock", -12, P, 4096)).isEqualTo("mlock(0x7fb6aa2df000, 4096)             = -1 ENOMEM (Cannot allocate memory)");
        assertThat(lines.line("munlock", 0, P, 4096)).isEqualTo("munlock(0x7fb6aa2df000, 4096)           = 0");
        assertThat(lines.line("mlock2", 0, P, 4096, 1)).isEqualTo("mlock2(0x7fb6aa2df000, 4096, MLOCK_ONFAULT) = 0");
        assertThat(lines.line("mlock2", 0, P, 4096, 0)).isEqualTo("mlock2(0x7fb6aa2df000, 4096, 0)         = 0");
        assertThat(lines.line("mlockall", 0, 3)).isEqualTo("mlockall(MCL_CURRENT|MCL_FUTURE)        = 0");
        assertThat(lines.line("mlockall", -22, 0x15)).isEqualTo("mlockall(MCL_CURRENT|MCL_ONFAULT|0x10)  = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("mlockall", -22, 0)).isEqualTo("mlockall(0)                             = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("munlockall", 0)).isEqualTo("munlockall()                            = 0");
    }

    @Test
    void membarrier() {
        assertThat(lines.line("membarrier", 0x3ff, 0, 0, 0))
                .isEqualTo("membarrier(MEMBARRIER_CMD_QUERY, 0)     = 0x3ff (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED"
                        + "|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"
                        + "|MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"
                        + "|MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ|0x200)");
        assertThat(lines.line("membarrier", 0, 16, 0, 0)).isEqualTo("membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0) = 0");
        assertThat(lines.line("membarrier", 0, 8, 0, 0)).isEqualTo("membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0) = 0");
        assertThat(lines.line("membarrier", -22, 0x1000, 1, 0))
                .isEqualTo("membarrier(0x1000 /* MEMBARRIER_CMD_??? */, MEMBARRIER_CMD_FLAG_CPU, 0) = -1 EINVAL (Invalid argument)");
    }
}
