package dev.jutrace.tools.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThreadIdTest {

    @Test
    void parsesEveryForm() {
        assertThat(ThreadId.parse("p1a.1b")).isEqualTo(new ThreadId(0x1a, 0x1b));
        assertThat(ThreadId.parse("p1a.-1")).isEqualTo(new ThreadId(0x1a, ThreadId.ALL));
        assertThat(ThreadId.parse("p1a")).isEqualTo(new ThreadId(0x1a, ThreadId.ALL));
        assertThat(ThreadId.parse("p-1")).isEqualTo(new ThreadId(ThreadId.ALL, ThreadId.ALL));
        assertThat(ThreadId.parse("-1")).isEqualTo(new ThreadId(ThreadId.ALL, ThreadId.ALL));
        assertThat(ThreadId.parse("0")).isEqualTo(new ThreadId(ThreadId.ALL, ThreadId.ANY));
        assertThat(ThreadId.parse("2f")).isEqualTo(new ThreadId(ThreadId.ALL, 0x2f));
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> ThreadId.parse("")).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> ThreadId.parse("pzz.1")).isInstanceOf(MalformedPacketException.class);
    }
}
