package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input gets one clear line and exit status 1, never a stack trace. */
@Timeout(60)
class ErrorsTest {

    private static void oneLineError(Jutrace.Result r, String expected) {
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines().getFirst()).isEqualTo(expected);
        assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingProgram() throws Exception {
        oneLineError(Jutrace.run("no-such-program-here"), "jutrace: Can't stat 'no-such-program-here': No such file or directory");
    }

    @Test
    void missingProgramByPath() throws Exception {
        oneLineError(Jutrace.run("/nonexistent/prog"), "jutrace: Can't stat '/nonexistent/prog': No such file or directory");
    }

    @Test
    void unknownPid() throws Exception {
        Jutrace.Result r = Jutrace.run("-p", "99999999");
        oneLineError(r, "jutrace: attach: pid 99999999: No such process");
    }

    @Test
    void pidAlreadyTracedBySomeoneElse() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/strace")),
                "strace is not installed");
        Process strace = new ProcessBuilder("strace", "-o", "/dev/null", "sleep", "30").start();
        try {
            ProcessHandle sleep = null;
            for (int i = 0; i < 500 && sleep == null; i++) {
                // strace forks short-lived children of its own to probe the kernel first: wait for sleep.
                sleep = strace.toHandle().children().filter(c -> c.info().command().orElse("").endsWith("/sleep"))
                        .findFirst().orElse(null);
                if (sleep == null) Thread.sleep(10);
            }
            assertThat(sleep).isNotNull();
            Jutrace.Result r = Jutrace.run("-p", String.valueOf(sleep.pid()));
            oneLineError(r, "jutrace: attach: ptrace(PTRACE_SEIZE, " + sleep.pid() + "): EPERM (Operation not permitted)");
            assertThat(r.stderr()).doesNotContain("detached");
        } finally {
            // Its descendants first: once strace is gone they are no longer its descendants.
            strace.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            strace.destroyForcibly();
        }
    }

    @Test
    void badPid() throws Exception {
        oneLineError(Jutrace.run("-p", "abc"), "jutrace: Invalid process id: 'abc'");
    }

    @Test
    void unknownSyscallName() throws Exception {
        oneLineError(Jutrace.run("-e", "trace=nosuchcall", "true"), "jutrace: invalid system call 'nosuchcall'");
    }

    @Test
    void badStringLimit() throws Exception {
        oneLineError(Jutrace.run("-s", "abc", "true"), "jutrace: invalid -s argument: 'abc'");
    }

    @Test
    void nothingToTrace() throws Exception {
        oneLineError(Jutrace.run(), "jutrace: must have PROG [ARGS] or -p PID");
    }

    @Test
    void unknownOption() throws Exception {
        Jutrace.Result r = Jutrace.run("--no-such-option", "true");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines().getFirst()).startsWith("jutrace: Unknown option: '--no-such-option'");
    }
}
