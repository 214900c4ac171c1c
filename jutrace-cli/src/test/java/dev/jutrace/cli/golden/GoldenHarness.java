package dev.jutrace.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jutrace.cli.Jutrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a golden program and diffs the lines it expects against its trace.
 *
 * <p>A golden program (jutrace-testing/src/main/c/golden_*.c, built into the tracee directory)
 * makes each call and then prints, on stdout, the line the trace must show for it, with
 * golden.h's {@code expect()}; it ends with {@code +++ exited with 0 +++}. The harness runs it
 * under {@code jutrace -o FILE -e trace=SET}, so the program's own output (a write at exit)
 * stays out of the trace, and requires the trace file to equal what the program printed, line
 * for line. When strace is installed it runs the program under strace the same way and requires
 * the same: that proves the expectations are strace's, not someone's memory of it.
 *
 * <p>Use: {@code GoldenHarness.check("golden_files", "fcntl,pipe2,readlink")}.
 */
public final class GoldenHarness {

    private static final Path STRACE = Path.of("/usr/bin/strace");

    private GoldenHarness() {}

    /**
     * Checks golden program {@code program}, traced with {@code -e trace=traceSet}, against jutrace
     * and, when installed, strace. Skips when the tracee programs were not built.
     */
    public static void check(String program, String traceSet) throws IOException, InterruptedException {
        Path binary = Path.of(Jutrace.tracee(program));
        assumeTrue(Files.isExecutable(binary), "skip: " + binary + " was not built (build.sh compiles the tracees)");
        if (Files.isExecutable(STRACE)) {
            Run strace = strace(binary, traceSet);
            assertThat(strace.trace()).as("strace's trace of %s (are the expectations strace's?)", program)
                    .isEqualTo(strace.expected());
        }
        Run jutrace = jutrace(binary, traceSet);
        assertThat(jutrace.trace()).as("jutrace's trace of %s", program).isEqualTo(jutrace.expected());
    }

    /** What a golden program printed, and the trace of the same run, each as one string for a readable diff. */
    private record Run(String expected, String trace) {}

    private static Run jutrace(Path binary, String traceSet) throws IOException, InterruptedException {
        Path trace = Files.createTempFile("golden", ".trace");
        try {
            Jutrace.Result result = Jutrace.run("-o", trace.toString(), "-e", "trace=" + traceSet, binary.toString());
            assertThat(result.stderr()).as("jutrace's stderr").isEmpty();
            return new Run(result.stdout(), Files.readString(trace, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    private static Run strace(Path binary, String traceSet) throws IOException, InterruptedException {
        Path trace = Files.createTempFile("golden", ".strace");
        Path out = Files.createTempFile("golden", ".out");
        try {
            List<String> cmd = new ArrayList<>(List.of(STRACE.toString(), "-o", trace.toString(), "-e", "trace=" + traceSet,
                    binary.toString()));
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("strace did not finish: " + cmd);
            }
            return new Run(Files.readString(out, StandardCharsets.ISO_8859_1), Files.readString(trace, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(trace);
            Files.deleteIfExists(out);
        }
    }
}
