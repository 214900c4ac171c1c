package dev.jutrace.testing.ptrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test: every scenario on the engine facade, alone and with a syscall-counting
 * engine beside it, must give the kernel's verdict and the kernel's transcript line for line. The
 * one thing a second engine changes, that a task the facade let go is still traced by the core,
 * is checked as its closest behaviour by {@link Script#expectState} and
 * {@link Script#expectUntraced} (see DEVIATIONS.md).
 */
class EngineScenariosTest {

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void engineMatchesTheKernel(Scenario scenario) {
        check(scenario, Backend.ENGINE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void engineWithACounterBesideItMatchesTheKernel(Scenario scenario) {
        check(scenario, Backend.ENGINE_WITH_COUNTER);
    }

    private static void check(Scenario scenario, Backend backend) {
        Result kernel = Runner.run(scenario, Backend.KERNEL);
        Result engine = Runner.run(scenario, backend);
        assertThat(engine.verdict()).as(engine + "\n" + engine.transcriptText()).isEqualTo(kernel.verdict());
        assertThat(engine.transcriptText()).as("transcript on " + backend.label()).isEqualTo(kernel.transcriptText());
    }
}
