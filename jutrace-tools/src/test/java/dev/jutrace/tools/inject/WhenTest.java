package dev.jutrace.tools.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The invocations each form of strace's {@code when=} selects, out of the first 12. */
class WhenTest {

    private static long[] hits(String when) {
        When w = When.parse(when);
        return LongStream.rangeClosed(1, 12).filter(w::selects).toArray();
    }

    @Test
    void everyForm() {
        assertThat(hits("3")).containsExactly(3);
        assertThat(hits("3..5")).containsExactly(3, 4, 5);
        assertThat(hits("10+")).containsExactly(10, 11, 12);
        assertThat(hits("3..5+")).containsExactly(3, 4, 5);
        assertThat(hits("2+4")).containsExactly(2, 6, 10);
        assertThat(hits("2..6+2")).containsExactly(2, 4, 6);
        assertThat(When.ALWAYS.selects(1)).isTrue();
        assertThat(When.ALWAYS.selects(1_000_000)).isTrue();
    }

    @Test
    void printsAsWritten() {
        assertThat(When.parse("2..6+2")).hasToString("2..6+2");
        assertThat(When.parse("3+")).hasToString("3+");
        assertThat(When.parse("7")).hasToString("7");
    }
}
