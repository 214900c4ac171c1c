package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers. */
class SecretMemoryTest {

    private static final long EINVAL = -22, O_CLOEXEC = 02000000, O_NONBLOCK = 04000;
    private final Lines lines = new Lines();

    @Test
    void memfdSecret() {
        assertThat(lines.line("memfd_secret", 4, 0)).isEqualTo("memfd_secret(0)                         = 4");
        assertThat(lines.line("memfd_secret", 5, O_CLOEXEC)).isEqualTo("memfd_secret(O_CLOEXEC)                 = 5");
        assertThat(lines.line("memfd_secret", EINVAL, 1)).isEqualTo("memfd_secret(0x1)                       = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("memfd_secret", EINVAL, O_CLOEXEC | 1)).isEqualTo("memfd_secret(O_CLOEXEC|0x1)             = -1 EINVAL (Invalid argument)");
    }

    @Test
    void userfaultfd() {
        assertThat(lines.line("userfaultfd", 6, O_CLOEXEC | O_NONBLOCK)).isEqualTo("userfaultfd(O_NONBLOCK|O_CLOEXEC)       = 6");
        assertThat(lines.line("userfaultfd", 7, 1)).isEqualTo("userfaultfd(UFFD_USER_MODE_ONLY)        = 7");
        assertThat(lines.line("userfaultfd", EINVAL, 0x10)).isEqualTo("userfaultfd(0x10 /* UFFD_??? */)        = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("userfaultfd", EINVAL, 0x10 | O_CLOEXEC)).isEqualTo("userfaultfd(O_CLOEXEC|0x10)             = -1 EINVAL (Invalid argument)");
    }
}
