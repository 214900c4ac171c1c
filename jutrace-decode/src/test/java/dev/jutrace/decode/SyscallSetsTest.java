package dev.jutrace.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class SyscallSetsTest {
    private static final SyscallTable TABLE = SyscallTable.x86_64();

    private static boolean has(BitSet set, String name) {
        return set.get(TABLE.number(name));
    }

    @Test
    void namesClassesRegexesAndNegation() {
        BitSet s = SyscallSets.parse("getppid,%network", TABLE);
        assertThat(has(s, "getppid")).isTrue();
        assertThat(has(s, "connect")).isTrue();
        assertThat(has(s, "openat")).isFalse();
        assertThat(SyscallSets.parse("/^open", TABLE).cardinality()).isGreaterThanOrEqualTo(4);
        assertThat(has(SyscallSets.parse("file", TABLE), "openat")).isTrue();
        BitSet not = SyscallSets.parse("!getppid", TABLE);
        assertThat(has(not, "getppid")).isFalse();
        assertThat(has(not, "openat")).isTrue();
        assertThat(SyscallSets.parse("none", TABLE).isEmpty()).isTrue();
        assertThat(SyscallSets.parse("all", TABLE).cardinality()).isEqualTo(
                SyscallSets.parse("!none", TABLE).cardinality());
        assertThat(SyscallSets.parse("?nosuch,getpid@64", TABLE).cardinality()).isEqualTo(1);
    }

    @Test
    void unknownNamesAreErrors() {
        assertThatThrownBy(() -> SyscallSets.parse("getppid,nosuch", TABLE)).hasMessage("invalid system call 'nosuch'");
        assertThatThrownBy(() -> SyscallSets.parse("%nosuch", TABLE)).hasMessage("invalid system call '%nosuch'");
    }
}
