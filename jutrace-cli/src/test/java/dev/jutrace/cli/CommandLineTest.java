package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The jutrace command on real programs: its lines, its exit status and its errors. */
@Timeout(120)
class CommandLineTest {

    @Test
    void tracesACommandFromItsExecveToItsExit() throws Exception {
        String prog = Jutrace.tracee("exit_code");
        Jutrace.Result r = Jutrace.run(prog, "42");
        List<String> lines = r.stderrLines();
        // argv[0] is the long path, cut at the default -s 32 with "...".
        assertThat(lines.getFirst()).startsWith("execve(\"" + prog + "\", [\"" + prog.substring(0, 32) + "\"...")
                .matches(".*, \"42\"\\], 0x[0-9a-f]+ /\\* \\d+ vars \\*/\\) += 0");
        assertThat(lines).contains("exit_group(42)                          = ?");
        assertThat(lines.getLast()).isEqualTo("+++ exited with 42 +++");
        assertThat(r.exitCode()).isEqualTo(42);
    }

    @Test
    void filtersByName() throws Exception {
        Jutrace.Result r = Jutrace.run("-e", "trace=getppid", Jutrace.tracee("syscall_loop"), "3");
        List<String> lines = r.stderrLines();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).allMatch(l -> l.matches("getppid\\(\\) += \\d+"));
        assertThat(lines.getLast()).isEqualTo("+++ exited with 0 +++");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void followsForksWithPidPrefixesAndShowsSigchld() throws Exception {
        Jutrace.Result r = Jutrace.run("-f", Jutrace.tracee("forker"), "fork");
        List<String> lines = r.stderrLines();
        assertThat(r.stdout()).isEqualTo("child\n");
        // The child's write prints whole, or split around the parent's line as strace splits it.
        String joined = String.join("\n", lines);
        assertThat(joined).containsPattern("\\[pid +\\d+\\] write\\(1, \"child\\\\n\", 6(\\) += 6| <unfinished \\.\\.\\.>\\n"
                + "(.*\\n)*?\\[pid +\\d+\\] <\\.\\.\\. write resumed>\\) += 6)");
        assertThat(lines).anyMatch(l -> l.matches("\\[pid +\\d+\\] \\+\\+\\+ exited with 3 \\+\\+\\+"));
        assertThat(lines).anyMatch(l -> l.startsWith("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid="));
        assertThat(lines.getLast()).isEqualTo("+++ exited with 0 +++");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void withoutFollowTheChildIsNotTraced() throws Exception {
        Jutrace.Result r = Jutrace.run(Jutrace.tracee("forker"), "fork");
        assertThat(r.stdout()).isEqualTo("child\n");
        assertThat(r.stderr()).doesNotContain("[pid").doesNotContain("write(1, \"child");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void threadsAndTheirExitsAreFollowed() throws Exception {
        Jutrace.Result r = Jutrace.run("-f", "-e", "trace=getppid", Jutrace.tracee("forker"), "threads", "4");
        List<String> lines = r.stderrLines();
        // Threads interleave: a call may print whole, or as <unfinished ...> then <... resumed>.
        assertThat(lines.stream().filter(l -> l.matches(
                "\\[pid +\\d+\\] (getppid\\(\\)|<\\.\\.\\. getppid resumed>\\)) += \\d+"))).hasSize(4);
        assertThat(lines.stream().filter(l -> l.contains("+++ exited with 0 +++"))).hasSize(5);
    }

    @Test
    void execFromAThreadSupersedesTheLeader() throws Exception {
        String prog = Jutrace.tracee("exit_code");
        Jutrace.Result r = Jutrace.run("-f", Jutrace.tracee("forker"), "exec-from-thread", prog, "9");
        List<String> lines = r.stderrLines();
        assertThat(lines).anyMatch(l -> l.matches("\\[pid +\\d+\\] \\+\\+\\+ superseded by execve in pid \\d+ \\+\\+\\+")
                || l.matches("\\+\\+\\+ superseded by execve in pid \\d+ \\+\\+\\+"));
        assertThat(lines).anyMatch(l -> l.matches("<\\.\\.\\. execve resumed>\\) += 0"));
        assertThat(lines.getLast()).endsWith("+++ exited with 9 +++");
        assertThat(r.exitCode()).isEqualTo(9);
    }

    @Test
    void aFatalSignalIsReraised() throws Exception {
        Jutrace.Result r = Jutrace.run(Jutrace.tracee("exit_code"), "-11");
        assertThat(r.stderrLines()).contains("+++ killed by SIGSEGV +++");
        assertThat(r.stderr()).contains("--- SIGSEGV {si_signo=SIGSEGV, si_code=SI_USER");
        assertThat(r.exitCode()).as("128 + SIGSEGV, as a shell reports it").isEqualTo(128 + 11);
    }

    @Test
    void writesToAnOutputFileWithPidColumnsUnderFollow() throws Exception {
        Path file = Files.createTempFile("trace", ".txt");
        try {
            Jutrace.Result r = Jutrace.run("-f", "-o", file.toString(), Jutrace.tracee("syscall_loop"), "2");
            assertThat(r.stderr()).isEmpty();
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.getFirst()).matches("\\d+ +execve\\(.*");
            assertThat(lines.getLast()).matches("\\d+ +\\+\\+\\+ exited with 0 \\+\\+\\+");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void stringsAreCutAtTheLimit() throws Exception {
        Jutrace.Result r = Jutrace.run("-s", "2", "-e", "trace=execve", Jutrace.tracee("exit_code"), "123");
        assertThat(r.stderrLines().getFirst()).contains(", \"12\"...]");
        assertThat(r.exitCode()).isEqualTo(123);
    }
}
