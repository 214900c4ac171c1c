package dev.jutrace.testing.ptrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario on the kernel backend: the kernel must show what the survey measured on it, and
 * leave nothing behind. Only hardware-dependent scenarios may skip, and only for their reason.
 */
class KernelScenariosTest {

    /** Scenarios that depend on hardware this machine may lack. */
    private static final Set<String> MAY_SKIP = Set.of("x01-block-step", "x02-watchpoint");

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void passesOnTheKernel(Scenario scenario) {
        Result r = Runner.run(scenario, Backend.KERNEL);
        if (r.verdict() == Result.Verdict.SKIP) {
            assertThat(MAY_SKIP).as("a skip of " + scenario.id() + ": " + r.why()).contains(scenario.id());
            return;
        }
        assertThat(r.verdict()).as(r + "\n" + r.transcriptText()).isEqualTo(Result.Verdict.PASS);
        assertThat(r.transcript()).isNotEmpty();
    }

    /**
     * Two runs of one scenario give one transcript: pids, addresses and timing are normalised
     * away, or the comparison with the engine backend would flag noise.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void givesTheSameTranscriptTwice(Scenario scenario) {
        Result first = Runner.run(scenario, Backend.KERNEL);
        Result second = Runner.run(scenario, Backend.KERNEL);
        assertThat(second.verdict()).isEqualTo(first.verdict());
        assertThat(second.transcriptText()).isEqualTo(first.transcriptText());
    }
}
