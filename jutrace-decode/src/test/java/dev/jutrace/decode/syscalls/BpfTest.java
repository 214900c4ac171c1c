package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Expected lines are strace 6.1's for the same registers. strace also decodes union bpf_attr
 * ({@code {map_type=BPF_MAP_TYPE_UNSPEC, key_size=0, ...}}); jutrace prints its address.
 */
class BpfTest {

    private static final long EINVAL = -22, E2BIG = -7;
    private final Lines lines = new Lines();

    @Test
    void commandNames() {
        assertThat(lines.line("bpf", EINVAL, 0, 0x7ffe5ddf8da0L, 144)).isEqualTo("bpf(BPF_MAP_CREATE, 0x7ffe5ddf8da0, 144) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("bpf", E2BIG, 5, 0, 0)).isEqualTo("bpf(BPF_PROG_LOAD, NULL, 0)             = -1 E2BIG (Argument list too long)");
        assertThat(lines.line("bpf", EINVAL, 999, 0x7ffe5ddf8da0L, 16)).isEqualTo("bpf(0x3e7 /* BPF_??? */, 0x7ffe5ddf8da0, 16) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("bpf", EINVAL, 10, 0, 0)).isEqualTo("bpf(BPF_PROG_TEST_RUN, NULL, 0)         = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("bpf", EINVAL, 35, 0, 0)).isEqualTo("bpf(BPF_PROG_BIND_MAP, NULL, 0)         = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("bpf", EINVAL, 36, 0, 0)).isEqualTo("bpf(0x24 /* BPF_??? */, NULL, 0)        = -1 EINVAL (Invalid argument)");
    }
}
