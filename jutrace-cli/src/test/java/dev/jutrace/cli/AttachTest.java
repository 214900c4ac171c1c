package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code jutrace -p}: attach to a running process, trace it, and leave it running on Ctrl-C. */
@Timeout(60)
class AttachTest {
    private int pid;
    private Path output;

    @AfterEach
    void kill() throws Exception {
        if (pid > 0) new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor();
        if (output != null) Files.deleteIfExists(output);
    }

    private String awaitLine(Path file, int index) throws Exception {
        for (int i = 0; i < 1000; i++) {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() > index) return lines.get(index);
            Thread.sleep(10);
        }
        throw new AssertionError("no line " + index + " in " + file + ": " + Files.readAllLines(file));
    }

    private static String status(int pid, String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith(field)).findFirst().orElseThrow().substring(field.length()).trim();
    }

    @Test
    void interruptDetachesAndTheProcessRunsOn() throws Exception {
        output = Files.createTempFile("sleeper", ".out");
        // An orphan, so that nothing but jutrace traces or waits for it.
        new ProcessBuilder("sh", "-c", "\"$0\" 2 >\"$1\" 2>&1 &", Jutrace.tracee("sleeper"), output.toString())
                .start().waitFor();
        pid = Integer.parseInt(awaitLine(output, 0).trim());

        Path err = Files.createTempFile("jutrace", ".err");
        Process jutrace = Jutrace.builder(List.of("-p", String.valueOf(pid))).redirectError(err.toFile()).start();
        assertThat(awaitLine(err, 0)).isEqualTo("jutrace: Process " + pid + " attached with 3 threads");
        new ProcessBuilder("kill", "-USR1", String.valueOf(pid)).start().waitFor();
        assertThat(awaitLine(output, 1)).isEqualTo("usr1");
        // The handler's write shows in the trace.
        for (int i = 0; i < 200 && !Files.readString(err).contains("write(1, \"usr1\\n\", 5"); i++) Thread.sleep(10);
        assertThat(Files.readString(err)).contains("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER")
                .contains("write(1, \"usr1\\n\", 5");

        jutrace.destroy(); // SIGTERM, as Ctrl-C's SIGINT would
        assertThat(jutrace.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(err)).contains("jutrace: Process " + pid + " detached");
        assertThat(status(pid, "TracerPid:")).isEqualTo("0");
        assertThat(status(pid, "State:")).startsWith("S");
        new ProcessBuilder("kill", "-USR1", String.valueOf(pid)).start().waitFor();
        assertThat(awaitLine(output, 2)).isEqualTo("usr1");
        Files.deleteIfExists(err);
    }
}
