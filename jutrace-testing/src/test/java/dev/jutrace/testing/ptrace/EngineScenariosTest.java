package dev.jutrace.testing.ptrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test: every scenario on the engine facade, alone and with a syscall-counting
 * engine beside it, must give the kernel's verdict and the kernel's transcript line for line.
 * Divergences known at the time of writing are listed with what differs; they are not run, and
 * each entry goes when the facade is fixed. All of them come from the counting engine keeping the
 * core's real attachment after the facade detached.
 */
class EngineScenariosTest {

    /**
     * With another engine attached the core keeps its real ptrace attachment after a facade
     * DETACH, so a task left in a group stop shows "t (tracing stop)" in /proc where the kernel
     * alone shows "T (stopped)".
     */
    private static final String STILL_TRACED = "detached from a group stop, /proc shows t, not T: the counting engine"
            + " keeps the real attachment";

    /** "scenario backend" to what differs, as `jutrace selftest ptrace --backend all` shows it. */
    private static final Map<String, String> KNOWN = Map.of(
            "p01-syscall-trace-after-detach engine-with-counter",
            "after the last DETACH the task is still traced (TracerPid is not 0): the counting engine keeps the real attachment",
            "s03-cont-sigstop-detach engine-with-counter", STILL_TRACED,
            "s05-threads-stopped engine-with-counter", STILL_TRACED,
            "c36-detach-signal engine-with-counter", STILL_TRACED);

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
        String key = scenario.id() + " " + backend.label();
        String known = KNOWN.get(key);
        Assumptions.assumeTrue(known == null, "known divergence: " + known);
        Result kernel = Runner.run(scenario, Backend.KERNEL);
        Result engine = Runner.run(scenario, backend);
        assertThat(engine.verdict()).as(engine + "\n" + engine.transcriptText()).isEqualTo(kernel.verdict());
        assertThat(engine.transcriptText()).as("transcript on " + backend.label()).isEqualTo(kernel.transcriptText());
    }
}
