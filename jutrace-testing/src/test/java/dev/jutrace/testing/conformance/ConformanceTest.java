package dev.jutrace.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every conformance case as its own test; the same cases `jutrace selftest` runs. */
class ConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() {
        return Conformance.cases().stream().map(c -> DynamicTest.dynamicTest(
                String.format("%02d %s", c.number(), c.title()), () -> {
                    Outcome o = Conformance.run(c);
                    if (o instanceof Outcome.Skip s) Assumptions.abort(s.why());
                    assertThat(o).as("case %d", c.number()).isEqualTo(new Outcome.Passed());
                }));
    }

    @Test
    void casesAreNumberedAfterTheSpec() {
        assertThat(Conformance.cases()).allSatisfy(c -> assertThat(c.number()).isBetween(1, 26));
    }
}
