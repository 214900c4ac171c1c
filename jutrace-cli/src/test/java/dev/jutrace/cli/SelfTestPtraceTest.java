package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.jutrace.testing.ptrace.Backend;
import dev.jutrace.testing.ptrace.Result;
import dev.jutrace.testing.ptrace.Scenario;
import dev.jutrace.testing.ptrace.Scenarios;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code jutrace selftest ptrace}: the scenario table on the kernel backend, transcripts, bad input. */
@Timeout(120)
class SelfTestPtraceTest {

    @Test
    void everyScenarioPassesOnTheKernelAndTheTableCountsThem(@TempDir Path dir) throws Exception {
        Jutrace.Result r = Jutrace.run("selftest", "ptrace", "--backend", "kernel", "--transcript", dir.toString());
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.getFirst()).matches("scenario +kernel");
        assertThat(lines.getLast()).matches("\\d+ passed, 0 failed(, \\d+ skipped)?");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        List<String> rows = lines.stream().filter(l -> l.matches("[scpnx]\\d\\d-\\S+ +(pass|skip)")).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(38);
        int passed = Integer.parseInt(lines.getLast().split(" ")[0]);
        assertThat(rows.stream().filter(l -> l.endsWith("pass")).count()).isEqualTo(passed);
        // One transcript per scenario, named after it, each starting where the script started.
        assertThat(Files.readString(dir.resolve("s01-attach-running.kernel.txt")))
                .startsWith("spawn(zoo pause-once) = T0\n").contains("attach(T0) = 0\n");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(rows.size());
        }
    }

    @Test
    void oneScenarioByIdOnTheKernel() throws Exception {
        Jutrace.Result r = Jutrace.run("selftest", "ptrace", "--backend", "kernel", "--scenario", "s06-detach-parting-signal");
        assertThat(r.stdout().lines().toList()).containsExactly(
                "scenario                   kernel",
                "s06-detach-parting-signal  pass",
                "1 passed, 0 failed");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void bothBackendsCompareTranscripts() throws Exception {
        Jutrace.Result r = Jutrace.run("selftest", "ptrace", "--backend", "both", "--scenario", "s13-syscall-from-fork-event");
        assertThat(r.stdout().lines().toList()).containsExactly(
                "scenario                     kernel  engine  transcripts",
                "s13-syscall-from-fork-event  pass    pass    same",
                "1 passed, 0 failed");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void theFirstDifferenceShowsBothVersionsOfTheLine() {
        Scenario s = Scenarios.byId("s01-attach-running").orElseThrow();
        Result kernel = new Result(s, Backend.KERNEL, Result.Verdict.PASS, null, List.of("a = 0", "b = 0x137f", "c = 0"));
        Result engine = new Result(s, Backend.ENGINE, Result.Verdict.PASS, null, List.of("a = 0", "b = 0x57f"));
        assertThat(SelfTestPtrace.firstDifference(kernel, engine)).isEqualTo(
                "s01-attach-running: transcripts differ at line 2:\n  kernel: b = 0x137f\n  engine: b = 0x57f");
        Result shorter = new Result(s, Backend.ENGINE, Result.Verdict.PASS, null, List.of("a = 0", "b = 0x137f"));
        assertThat(SelfTestPtrace.firstDifference(kernel, shorter)).endsWith("engine: (end of transcript)");
        assertThat(SelfTestPtrace.firstDifference(kernel, kernel)).isNull();
    }

    @Test
    void anUnknownBackendIsOneLineAndExitStatusOne() throws Exception {
        Jutrace.Result r = Jutrace.run("selftest", "ptrace", "--backend", "qemu");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines()).containsExactly("jutrace: --backend must be kernel, engine or both, not 'qemu'");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void anUnknownScenarioIsOneLineAndExitStatusOne() throws Exception {
        Jutrace.Result r = Jutrace.run("selftest", "ptrace", "--scenario", "s99-nothing");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines()).containsExactly("jutrace: no ptrace scenario 's99-nothing'");
    }

    @Test
    void aTranscriptPathThatIsAFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Jutrace.Result r = Jutrace.run("selftest", "ptrace", "--backend", "kernel", "--transcript", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines()).containsExactly("jutrace: --transcript " + file + ": not a directory");
    }
}
