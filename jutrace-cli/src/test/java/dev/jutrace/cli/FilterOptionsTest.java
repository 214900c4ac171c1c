package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * -e trace=, -e signal=, -e status=, -z, -Z and the errors of bad filters, on real tracees and,
 * where the output is deterministic, against the lines real strace prints.
 */
@Timeout(120)
class FilterOptionsTest {

    static List<String> strace(String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        Path out = Files.createTempFile("strace", ".out");
        try {
            List<String> cmd = new ArrayList<>(List.of("strace", "-o", out.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static List<String> jutrace(String... args) throws Exception {
        Path out = Files.createTempFile("jutrace", ".out");
        try {
            List<String> all = new ArrayList<>(List.of("-o", out.toString()));
            all.addAll(List.of(args));
            Jutrace.Result r = Jutrace.run(all.toArray(String[]::new));
            assertThat(r.stderr()).isEmpty();
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Addresses, pids and times vary from run to run. */
    static List<String> mask(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("0x[0-9a-f]+", "0xADDR")
                .replaceAll("/\\* \\d+ vars \\*/", "/* N vars */")
                .replaceAll("si_pid=\\d+", "si_pid=PID")).toList();
    }

    private static void sameAsStrace(String... args) throws Exception {
        assertThat(mask(jutrace(args))).isEqualTo(mask(strace(args)));
    }

    private static void sameCallsAsStrace(String... args) throws Exception {
        assertThat(names(jutrace(args))).isEqualTo(names(strace(args)));
    }

    private static List<String> names(List<String> lines) {
        return lines.stream().map(l -> l.indexOf('(') < 0 ? l : l.substring(0, l.indexOf('('))).toList();
    }

    @Test
    void classesNegationAndRegexPrintWhatStracePrints() throws Exception {
        String prog = Jutrace.tracee("fd_ops");
        sameAsStrace("-e", "trace=/^(read|close|dup2)$", prog, "/etc/passwd");
        // Socket calls are not decoded yet: their names must match, not their arguments.
        sameCallsAsStrace("-e", "trace=%network", prog, "/etc/passwd");
        sameCallsAsStrace("-e", "trace=!%memory,%file,%process,%desc,%network,%signal", prog, "/etc/passwd");
        sameAsStrace("-e", "read,?nosuchcall", prog, "/etc/passwd");
    }

    @Test
    void statusFiltersPrintWholeLinesByOutcome() throws Exception {
        String prog = Jutrace.tracee("fd_ops");
        sameAsStrace("-Z", prog, "/etc/passwd");
        sameAsStrace("-z", "-e", "trace=%desc", prog, "/etc/passwd");
        sameAsStrace("-e", "status=unfinished", prog, "/etc/passwd");
        sameAsStrace("-e", "status=!successful", "-e", "trace=%file", prog, "/etc/passwd");
    }

    @Test
    void signalFilter() throws Exception {
        String prog = Jutrace.tracee("forker");
        List<String> all = jutrace("-e", "trace=none", prog, "fork");
        assertThat(all).anyMatch(l -> l.startsWith("--- SIGCHLD "));
        List<String> none = jutrace("-e", "trace=none", "-e", "signal=!SIGCHLD", prog, "fork");
        assertThat(none).containsExactly("+++ exited with 0 +++");
        assertThat(mask(jutrace("-e", "trace=none", "-e", "signal=chld", prog, "fork"))).isEqualTo(mask(all));
    }

    @Test
    void badFiltersGetStracesOneLineAndExitOne() throws Exception {
        expectError(List.of("-e", "trace=foo"), "jutrace: invalid system call 'foo'");
        expectError(List.of("-e", "trace=%FILE"), "jutrace: invalid system call '%FILE'");
        expectError(List.of("-e", "foo=bar"), "jutrace: invalid system call 'foo=bar'");
        expectError(List.of("-e", "trace=/["), "jutrace: regcomp: [: Invalid regular expression");
        expectError(List.of("-e", "signal=FOO"), "jutrace: invalid signal 'FOO'");
        expectError(List.of("-e", "status=foo"), "jutrace: invalid status 'foo'");
        expectError(List.of("-e", "quiet=foo"), "jutrace: invalid quiet 'foo'");
        expectError(List.of("--trace-fds=x"), "jutrace: invalid descriptor 'x'");
        expectError(List.of("-b", "open"), "jutrace: Syscall 'open' for -b isn't supported");
        expectError(List.of("-S", "bogus"), "jutrace: invalid sortby: 'bogus'", "Try 'jutrace -h' for more information.");
        expectError(List.of("-U", "bogus"), "jutrace: unknown column name: 'bogus'", "Try 'jutrace -h' for more information.");
        expectError(List.of("-a", "x"), "jutrace: invalid -a argument: 'x'", "Try 'jutrace -h' for more information.");
        expectError(List.of("-c", "-C"), "jutrace: -c/--summary-only and -C/--summary are mutually exclusive",
                "Try 'jutrace -h' for more information.");
    }

    static void expectError(List<String> args, String... lines) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.add("true");
        Jutrace.Result r = Jutrace.run(all.toArray(String[]::new));
        assertThat(r.stderrLines()).as("%s", args).containsExactly(lines);
        assertThat(r.exitCode()).isEqualTo(1);
    }
}
