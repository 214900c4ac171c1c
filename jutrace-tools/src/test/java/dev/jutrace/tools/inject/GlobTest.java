package dev.jutrace.tools.inject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starCrossesSlashes() {
        assertThat(new Glob("*.conf").matches("/etc/ld.so.conf")).isTrue();
        assertThat(new Glob("*.conf").matches("/etc/ld.so.conf.d")).isFalse();
        assertThat(new Glob("/etc/*").matches("/etc/a/b")).isTrue();
        assertThat(new Glob("*").matches("")).isTrue();
        assertThat(new Glob("a*b*c").matches("aXbYbZc")).isTrue();
        assertThat(new Glob("a*b*c").matches("aXbYbZ")).isFalse();
    }

    @Test
    void questionMarkClassesAndEscapes() {
        assertThat(new Glob("/tmp/f?").matches("/tmp/f1")).isTrue();
        assertThat(new Glob("/tmp/f?").matches("/tmp/f")).isFalse();
        assertThat(new Glob("/tmp/[a-c]x").matches("/tmp/bx")).isTrue();
        assertThat(new Glob("/tmp/[!a-c]x").matches("/tmp/bx")).isFalse();
        assertThat(new Glob("/tmp/[!a-c]x").matches("/tmp/dx")).isTrue();
        assertThat(new Glob("[]]").matches("]")).isTrue();
        assertThat(new Glob("a\\*").matches("a*")).isTrue();
        assertThat(new Glob("a\\*").matches("ab")).isFalse();
        assertThat(new Glob("exact").matches("exact")).isTrue();
        assertThat(new Glob("exact").matches("exactly")).isFalse();
    }
}
