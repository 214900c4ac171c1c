package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A traced command still stops on Ctrl-Z (SIGTSTP) and goes on after {@code fg} (SIGCONT). */
@Timeout(60)
class JobControlTest {

    private static String state(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("State:")).findFirst().orElseThrow().substring(6).trim().substring(0, 1);
    }

    @Test
    void stopsOnSigtstpAndResumesOnSigcont() throws Exception {
        Path err = Files.createTempFile("jutrace", ".err");
        try {
            ProcessBuilder b = Jutrace.builder(List.of("sleep", "1")).redirectError(err.toFile());
            // A group of its own, so that SIGTSTP is not discarded when the test run's group is orphaned.
            List<String> command = new java.util.ArrayList<>(b.command());
            command.addFirst(Jutrace.tracee("new_pgrp"));
            Process jutrace = b.command(command).start();
            ProcessHandle sleep = null;
            for (int i = 0; i < 500 && sleep == null; i++) {
                sleep = jutrace.toHandle().descendants().filter(c -> c.info().command().orElse("").endsWith("sleep"))
                        .findFirst().orElse(null);
                if (sleep == null) Thread.sleep(10);
            }
            assertThat(sleep).as("the traced sleep").isNotNull();
            long pid = sleep.pid();
            while (!Files.readString(err).contains("nanosleep")) Thread.sleep(10);
            new ProcessBuilder("kill", "-TSTP", String.valueOf(pid)).start().waitFor();
            for (int i = 0; i < 200 && !Files.readString(err).contains("stopped by SIGTSTP"); i++) Thread.sleep(10);
            assertThat(Files.readString(err)).contains("--- SIGTSTP {si_signo=SIGTSTP").contains("--- stopped by SIGTSTP ---");
            assertThat(state(pid)).isIn("T", "t");
            // Stopped, the one-second sleep cannot finish.
            Thread.sleep(1500);
            assertThat(jutrace.isAlive()).isTrue();
            new ProcessBuilder("kill", "-CONT", String.valueOf(pid)).start().waitFor();
            assertThat(jutrace.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(jutrace.exitValue()).isZero();
            assertThat(Files.readString(err)).contains("--- SIGCONT {si_signo=SIGCONT").endsWith("+++ exited with 0 +++\n");
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
