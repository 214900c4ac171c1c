package dev.jutrace.tools.strace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jutrace.decode.SyscallTable;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class SyscallSetTest {
    private static final SyscallTable TABLE = SyscallTable.x86_64();

    private static BitSet parse(String spec) {
        return SyscallSet.parse(spec, TABLE);
    }

    private static int nr(String name) {
        return TABLE.number(name);
    }

    @Test
    void namesAndSeparators() {
        BitSet s = parse("read,,write,");
        assertThat(s.cardinality()).isEqualTo(2);
        assertThat(s.get(nr("read"))).isTrue();
        assertThat(s.get(nr("write"))).isTrue();
    }

    @Test
    void allNoneAndNegation() {
        assertThat(parse("all").cardinality()).isEqualTo(TABLE.size());
        assertThat(parse("none").isEmpty()).isTrue();
        assertThat(parse("!none").cardinality()).isEqualTo(TABLE.size());
        BitSet notRead = parse("!read");
        assertThat(notRead.get(nr("read"))).isFalse();
        assertThat(notRead.get(nr("write"))).isTrue();
    }

    @Test
    void classesWithPercentAndTheLegacyBareNames() {
        assertThat(parse("%file").get(nr("openat"))).isTrue();
        assertThat(parse("%file").get(nr("read"))).isFalse();
        assertThat(parse("file")).isEqualTo(parse("%file"));
        assertThat(parse("%net")).isEqualTo(parse("%network"));
        assertThat(parse("network").get(nr("socket"))).isTrue();
        assertThat(parse("%%stat").get(nr("newfstatat"))).isTrue();
        assertThat(parse("%%stat").get(nr("fstat"))).isTrue();
        assertThat(parse("%process").get(nr("clone"))).isTrue();
        assertThat(parse("%memory").get(nr("mmap"))).isTrue();
        assertThat(parse("%desc").get(nr("read"))).isTrue();
    }

    @Test
    void regexSearchesUnanchored() {
        BitSet s = parse("/^open");
        assertThat(s.get(nr("open"))).isTrue();
        assertThat(s.get(nr("openat"))).isTrue();
        assertThat(s.get(nr("mq_open"))).isFalse();
        assertThat(parse("/stat$").get(nr("newfstatat"))).isFalse();
        assertThat(parse("/stat").get(nr("newfstatat"))).isTrue();
    }

    @Test
    void optionalTokensMayMatchNothing() {
        assertThat(parse("?nosuchcall").isEmpty()).isTrue();
        assertThat(parse("?%nosuchclass,read").cardinality()).isEqualTo(1);
        assertThat(parse("?/^zzz").isEmpty()).isTrue();
        assertThat(parse("read@64").get(nr("read"))).isTrue();
        assertThat(parse("read@32").isEmpty()).isTrue();
    }

    @Test
    void strace61sErrors() {
        assertThatThrownBy(() -> parse("foo")).isInstanceOf(BadFilterException.class)
                .hasMessage("invalid system call 'foo'");
        assertThatThrownBy(() -> parse("")).hasMessage("invalid system call ''");
        assertThatThrownBy(() -> parse("%FILE")).hasMessage("invalid system call '%FILE'");
        assertThatThrownBy(() -> parse("net")).hasMessage("invalid system call 'net'");
        assertThatThrownBy(() -> parse("/zzz")).hasMessage("invalid system call '/zzz'");
        assertThatThrownBy(() -> parse("read,!write")).hasMessage("invalid system call '!write'");
        assertThatThrownBy(() -> parse("none,read")).hasMessage("invalid system call 'none'");
        assertThatThrownBy(() -> parse("/(")).hasMessage("regcomp: (: Unmatched ( or \\(");
        assertThatThrownBy(() -> parse("/*")).hasMessage("regcomp: *: Invalid preceding regular expression");
    }
}
