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
 * each entry goes when the facade is fixed.
 */
class EngineScenariosTest {

    /** "scenario backend" to the first line that differs, as `jutrace selftest ptrace --backend all` showed it. */
    private static final Map<String, String> KNOWN = Map.of(
            "s08-blocked-injection-requeued engine", "si_pid of an injected signal is the tracer thread (PT) on the kernel, the core's thread (P.other) on the engine",
            "s08-blocked-injection-requeued engine-with-counter", "si_pid: PT on the kernel, P.other on the engine",
            "c32-signal-rewrite engine", "si_pid seen by the handler: PT on the kernel, P.other on the engine",
            "c32-signal-rewrite engine-with-counter", "si_pid seen by the handler: PT on the kernel, P.other on the engine",
            "s16-clone-ptrace engine", "waitpid(-1, __WALL) fails with EINTR on the engine",
            "s16-clone-ptrace engine-with-counter", "waitpid(-1, __WALL) fails with EINTR on the engine",
            "s17-vfork-events engine", "no VFORK_DONE stop (0x5057f) on the engine; the SIGCHLD stop comes instead",
            "s17-vfork-events engine-with-counter", "no VFORK_DONE stop on the engine",
            "c31-vfork-done-and-exit engine", "no VFORK_DONE stop on the engine",
            "c31-vfork-done-and-exit engine-with-counter", "no VFORK_DONE stop on the engine");

    /**
     * With another engine attached the core keeps its real ptrace attachment after a facade
     * DETACH, so a task left in a group stop shows "t (tracing stop)" in /proc where the kernel
     * alone shows "T (stopped)".
     */
    private static final String STILL_TRACED = "detached from a group stop, /proc shows t, not T: the counting engine"
            + " keeps the real attachment";

    private static final Map<String, String> KNOWN_WITH_COUNTER_ONLY = Map.of(
            "p01-syscall-trace-after-detach engine-with-counter",
            "ATTACH after DETACH fails with EPERM while the counting engine stays attached",
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
        String known = KNOWN.getOrDefault(key, KNOWN_WITH_COUNTER_ONLY.get(key));
        Assumptions.assumeTrue(known == null, "known divergence: " + known);
        Result kernel = Runner.run(scenario, Backend.KERNEL);
        Result engine = Runner.run(scenario, backend);
        assertThat(engine.verdict()).as(engine + "\n" + engine.transcriptText()).isEqualTo(kernel.verdict());
        assertThat(engine.transcriptText()).as("transcript on " + backend.label()).isEqualTo(kernel.transcriptText());
    }
}
