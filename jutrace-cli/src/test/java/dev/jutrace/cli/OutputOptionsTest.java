package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The options that shape lines and files: -ff, -A, -a, -q, -qq, -t, -r, -T, -n, -i, --always-show-pid. */
@Timeout(120)
class OutputOptionsTest {

    @Test
    void columnMovesTheReturnValueAsStraceDoes() throws Exception {
        String prog = Jutrace.tracee("fd_ops");
        for (String col : List.of("20", "60")) {
            List<String> args = List.of("-a", col, "-e", "trace=read,close,dup2,exit_group", prog, "/etc/passwd");
            assertThat(FilterOptionsTest.jutrace(args.toArray(String[]::new)))
                    .isEqualTo(FilterOptionsTest.strace(args.toArray(String[]::new)));
        }
    }

    @Test
    void syscallNumbersAndInstructionPointers() throws Exception {
        List<String> lines = FilterOptionsTest.jutrace("-n", "-i", "-e", "trace=getppid,exit_group",
                Jutrace.tracee("syscall_loop"), "1");
        assertThat(lines.get(0)).matches("\\[ 110\\] \\[[0-9a-f]{16}\\] getppid\\(\\) += \\d+");
        assertThat(lines.get(1)).matches("\\[ 231\\] \\[[0-9a-f]{16}\\] exit_group\\(0\\) += \\?");
        assertThat(lines.get(2)).isEqualTo("[ 231] [????????????????] +++ exited with 0 +++");
    }

    @Test
    void timestampsAndTimeSpent() throws Exception {
        String prog = Jutrace.tracee("syscall_loop");
        assertThat(FilterOptionsTest.jutrace("-t", "-e", "trace=getppid", prog, "1").getFirst())
                .matches("\\d\\d:\\d\\d:\\d\\d getppid\\(\\) += \\d+");
        assertThat(FilterOptionsTest.jutrace("-tt", "-T", "-e", "trace=getppid", prog, "1").getFirst())
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} getppid\\(\\) += \\d+ <\\d+\\.\\d{6}>");
        List<String> ttt = FilterOptionsTest.jutrace("-ttt", "-e", "trace=getppid", prog, "1");
        assertThat(ttt.getFirst()).matches("\\d{10}\\.\\d{6} getppid\\(\\) += \\d+");
        long seconds = Long.parseLong(ttt.getFirst().substring(0, 10));
        assertThat(Math.abs(seconds - System.currentTimeMillis() / 1000)).isLessThan(120);
        assertThat(FilterOptionsTest.jutrace("-r", "-e", "trace=getppid", prog, "2"))
                .allMatch(l -> l.matches(" {5}\\d\\.\\d{6} .*"));
        assertThat(FilterOptionsTest.jutrace("-t", "-r", "-e", "trace=getppid", prog, "1").getFirst())
                .matches("\\d\\d:\\d\\d:\\d\\d \\(\\+ +\\d+\\.\\d{6}\\) getppid\\(\\) += \\d+");
    }

    @Test
    void alwaysShowPid() throws Exception {
        List<String> lines = FilterOptionsTest.jutrace("--always-show-pid", "-e", "trace=getppid",
                Jutrace.tracee("syscall_loop"), "1");
        assertThat(lines).allMatch(l -> l.matches("\\[pid +\\d+\\] .*"));
    }

    @Test
    void quietLevels() throws Exception {
        String prog = Jutrace.tracee("forker");
        Jutrace.Result loud = Jutrace.run("-f", "-e", "trace=none", prog, "fork");
        assertThat(loud.stderrLines()).anyMatch(l -> l.matches("jutrace: Process \\d+ attached"));
        assertThat(loud.stderrLines()).anyMatch(l -> l.matches("\\[pid +\\d+\\] \\+\\+\\+ exited with 3 \\+\\+\\+"));
        Jutrace.Result q = Jutrace.run("-q", "-f", "-e", "trace=none", prog, "fork");
        assertThat(q.stderr()).doesNotContain("attached").contains("+++ exited with 0 +++");
        Jutrace.Result qq = Jutrace.run("-qq", "-f", "-e", "trace=none", prog, "fork");
        assertThat(qq.stderrLines()).allMatch(l -> l.startsWith("--- SIGCHLD"));
    }

    @Test
    void oneFilePerThreadWithFf(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("trace");
        Jutrace.Result r = Jutrace.run("-ff", "-o", base.toString(), "-e", "trace=getppid",
                Jutrace.tracee("thread_loop"), "2", "3");
        // Quiet about attaches, as strace is when the trace goes to files and a command is run.
        assertThat(r.stderrLines()).isEmpty();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted(Comparator.naturalOrder()).toList();
        }
        assertThat(files).hasSize(3).allMatch(p -> p.getFileName().toString().matches("trace\\.\\d+"));
        long withCalls = 0;
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            assertThat(lines.getLast()).isEqualTo("+++ exited with 0 +++");
            if (lines.size() == 4) {
                withCalls++;
                assertThat(lines.subList(0, 3)).allMatch(l -> l.matches("getppid\\(\\) += \\d+"));
            }
        }
        assertThat(withCalls).isEqualTo(2);
    }

    @Test
    void appendKeepsWhatTheFileHeld(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.txt");
        Files.writeString(file, "before\n");
        Jutrace.run("-A", "-o", file.toString(), "-e", "trace=getppid", Jutrace.tracee("syscall_loop"), "1");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).isEqualTo("before");
        assertThat(lines.get(1)).startsWith("getppid()");
        Jutrace.run("-o", file.toString(), "-e", "trace=getppid", Jutrace.tracee("syscall_loop"), "1");
        assertThat(Files.readAllLines(file).getFirst()).startsWith("getppid()");
        Jutrace.Result r = Jutrace.run("-A", "-e", "trace=none", "true");
        assertThat(r.stderrLines().getFirst()).isEqualTo("jutrace: -A/--output-append-mode has no effect without -o/--output");
    }
}
