package dev.jutrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The BPF program, run by the small interpreter in {@link SeccompFilter}. */
class SeccompFilterTest {
    private static final int X86_64 = SeccompFilter.AUDIT_ARCH_X86_64, I386 = 0x40000003;
    private static final int TRACE = SeccompFilter.SECCOMP_RET_TRACE, ALLOW = SeccompFilter.SECCOMP_RET_ALLOW;

    private static BitSet set(int... nrs) {
        BitSet s = new BitSet();
        for (int nr : nrs) s.set(nr);
        return s;
    }

    @Test
    void tracesExactlyTheSetAndAllowsTheRest() {
        BitSet traced = set(0, 2, 3, 4, 5, 110, 257, 435);
        ArrayList<SeccompFilter.Insn> p = SeccompFilter.instructions(traced);
        for (int nr = 0; nr < 600; nr++) {
            assertThat(SeccompFilter.run(p, X86_64, nr)).as("nr %d", nr).isEqualTo(traced.get(nr) ? TRACE : ALLOW);
        }
        // A run of numbers costs one check pair, not one check each.
        assertThat(p).hasSize(6 + 2 + 3 + 2 + 2 + 2 + 1);
    }

    @Test
    void otherAbisAreTracedWhateverTheNumber() {
        ArrayList<SeccompFilter.Insn> p = SeccompFilter.instructions(set(257));
        assertThat(SeccompFilter.run(p, I386, 1)).isEqualTo(TRACE);
        assertThat(SeccompFilter.run(p, X86_64, 0x40000000 | 257)).isEqualTo(TRACE);
        assertThat(SeccompFilter.run(p, X86_64, 0x40000001)).isEqualTo(TRACE);
        assertThat(SeccompFilter.run(p, X86_64, -1)).isEqualTo(TRACE); // unsigned: past the x32 bit
    }

    @Test
    void programBytesAreSockFilters() {
        byte[] b = SeccompFilter.program(set(1));
        assertThat(b).hasSize(9 * 8);
        // First instruction: BPF_LD|BPF_W|BPF_ABS of seccomp_data.arch (offset 4).
        assertThat(b[0]).isEqualTo((byte) 0x20);
        assertThat(b[4]).isEqualTo((byte) 4);
        BitSet every = new BitSet();
        for (int nr = 0; nr < 5000; nr += 2) every.set(nr);
        assertThat(SeccompFilter.program(every)).as("beyond BPF_MAXINSNS").isNull();
    }
}
