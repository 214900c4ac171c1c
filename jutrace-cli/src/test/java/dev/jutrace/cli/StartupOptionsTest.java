package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** -E, -b execve, --syscall-limit and --kill-on-exit. */
@Timeout(120)
class StartupOptionsTest {

    @Test
    void environmentIsSetAndRemoved() throws Exception {
        Jutrace.Result r = Jutrace.run("-e", "trace=none", "-E", "JUTRACE_A=1", "-E", "JUTRACE_A=two", "-E", "HOME",
                "/bin/sh", "-c", "echo \"$JUTRACE_A/${HOME-unset}\"");
        assertThat(r.stdout()).isEqualTo("two/unset\n");
    }

    @Test
    void runsTheCommandAsAnotherUser() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.readString(Path.of("/proc/self/status")).matches(
                "(?s).*\nUid:\t0\t.*"), "-u needs root");
        List<String> args = List.of("-u", "nobody", "-e", "trace=execve,exit_group", "id", "-u");
        assertThat(FilterOptionsTest.mask(FilterOptionsTest.jutrace(args.toArray(String[]::new))))
                .isEqualTo(FilterOptionsTest.mask(FilterOptionsTest.strace(args.toArray(String[]::new))));
        Jutrace.Result r = Jutrace.run("-u", "nobody", "-e", "trace=none", "id", "-u");
        assertThat(r.stdout()).isEqualTo("65534\n");
        FilterOptionsTest.expectError(List.of("-u", "no-such-user"), "jutrace: Cannot find user 'no-such-user'");
    }

    @Test
    void detachOnExecveLeavesTheNewProgramUntraced() throws Exception {
        Jutrace.Result r = Jutrace.run("-f", "-b", "execve", "-e", "trace=execve,exit_group",
                "/bin/sh", "-c", Jutrace.tracee("exit_code") + " 5; exit 7");
        List<String> lines = r.stderrLines();
        assertThat(lines).anyMatch(l -> l.matches("\\[pid +\\d+\\] execve\\(\".*exit_code\", .* <unfinished \\.\\.\\.>"));
        assertThat(lines).anyMatch(l -> l.matches("jutrace: Process \\d+ detached"));
        assertThat(lines).noneMatch(l -> l.contains("exit_group(5)"));
        assertThat(lines.getLast()).isEqualTo("+++ exited with 7 +++");
        assertThat(r.exitCode()).isEqualTo(7);
    }

    @Test
    void syscallLimitDetachesAfterNCalls() throws Exception {
        Jutrace.Result r = Jutrace.run("--syscall-limit=3", "-e", "trace=getppid", Jutrace.tracee("syscall_loop"), "10");
        List<String> lines = r.stderrLines();
        assertThat(lines.subList(0, 3)).allMatch(l -> l.matches("getppid\\(\\) += \\d+"));
        assertThat(lines.subList(3, lines.size())).allMatch(l -> l.matches("jutrace: Process \\d+ detached"));
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aCallUnderWayWhenJutraceLetsGoEndsDetached(@TempDir Path dir) throws Exception {
        Process sleeper = new ProcessBuilder(Jutrace.tracee("sleeper")).start();
        try {
            Path out = dir.resolve("trace");
            Process tracer = Jutrace.builder(List.of("-o", out.toString(), "-p", String.valueOf(sleeper.pid()))).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((!Files.exists(out) || !Files.readString(out).contains("pause(")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            tracer.destroy(); // SIGTERM, as Ctrl-C's SIGINT would
            assertThat(tracer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readAllLines(out)).containsExactly("pause( <detached ...>");
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void killOnExitKillsAttachedProcesses(@TempDir Path dir) throws Exception {
        Process sleeper = new ProcessBuilder(Jutrace.tracee("sleeper"), "60").start();
        try {
            Path err = dir.resolve("err");
            Process tracer = Jutrace.builder(List.of("--kill-on-exit", "-p", String.valueOf(sleeper.pid())))
                    .redirectError(err.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(err).contains("attached") && System.nanoTime() < deadline) Thread.sleep(50);
            tracer.destroy(); // SIGTERM
            assertThat(tracer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sleeper.waitFor(30, TimeUnit.SECONDS)).as("the tracee was killed").isTrue();
            assertThat(sleeper.exitValue()).isEqualTo(128 + 9);
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
