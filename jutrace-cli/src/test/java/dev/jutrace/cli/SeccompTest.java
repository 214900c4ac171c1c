package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code -f} with a syscall subset runs spawned commands under a seccomp filter: same trace, fewer stops. */
@Timeout(120)
class SeccompTest {

    /** Runs jutrace with JUTRACE_DEBUG, the trace to a file; returns the trace and whether a filter went in. */
    private record Run(List<String> trace, boolean filtered, String stdout, int exitCode) {}

    private static Run run(String... args) throws Exception {
        Path trace = Files.createTempFile("trace", ".txt");
        Path out = Files.createTempFile("jutrace", ".out");
        Path err = Files.createTempFile("jutrace", ".err");
        try {
            List<String> all = new ArrayList<>(List.of("-o", trace.toString()));
            all.addAll(List.of(args));
            ProcessBuilder pb = Jutrace.builder(all).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("JUTRACE_DEBUG", "1");
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String debug = Files.readString(err, StandardCharsets.ISO_8859_1);
            return new Run(Files.readAllLines(trace), debug.contains("seccomp filter for task") && debug.contains(": Installed"),
                    Files.readString(out), p.exitValue());
        } finally {
            Files.deleteIfExists(trace);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<String> strace(String... args) throws Exception {
        Path out = Files.createTempFile("strace", ".out");
        try {
            List<String> cmd = new ArrayList<>(List.of("strace", "-o", out.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void aSubsetUnderFollowIsFilteredAndPrintsWhatStracePrints() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        String prog = Jutrace.tracee("file_loop");
        Run filtered = run("-f", "-e", "trace=openat,close", prog, "3");
        Run plain = run("--no-seccomp", "-f", "-e", "trace=openat,close", prog, "3");
        assertThat(filtered.filtered()).isTrue();
        assertThat(plain.filtered()).isFalse();
        assertThat(mask(filtered.trace())).isEqualTo(mask(plain.trace()))
                .contains("PID openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3");
        assertThat(mask(filtered.trace())).isEqualTo(mask(strace("-f", "--seccomp-bpf", "-e", "trace=openat,close", prog, "3")));
    }

    @Test
    void childrenAreTracedUnderTheFilterWithTheSameLines() throws Exception {
        String prog = Jutrace.tracee("forker");
        Run filtered = run("-f", "-e", "trace=write,exit_group", prog, "fork");
        Run plain = run("--no-seccomp", "-f", "-e", "trace=write,exit_group", prog, "fork");
        assertThat(filtered.filtered()).isTrue();
        assertThat(filtered.stdout()).isEqualTo("child\n");
        assertThat(filtered.exitCode()).isZero();
        assertThat(mask(filtered.trace())).isEqualTo(mask(plain.trace()));
        assertThat(filtered.trace()).anyMatch(l -> l.matches("\\d+ +write\\(1, \"child\\\\n\", 6\\) += 6"));
    }

    @Test
    void injectionWorksUnderTheFilter() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        String[] args = {"-f", "-e", "trace=getppid", "--inject=getppid:retval=42:signal=SIGUSR1:when=2",
                Jutrace.tracee("inject_probe"), "g", "g", "g"};
        Run r = run(args);
        assertThat(r.filtered()).isTrue();
        assertThat(r.stdout()).contains("getppid 42 sig=SIGUSR1\n");
        // Compared with strace without its filter: strace --seccomp-bpf loses the signal, which
        // the kernel ignores when a seccomp stop is restarted with one; jutrace sends it at the exit.
        assertThat(mask(r.trace())).isEqualTo(mask(strace(args)))
                .contains("PID --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---");
    }

    @Test
    void delaysWorkUnderTheFilter() throws Exception {
        Run r = run("-f", "-e", "trace=getppid", "--inject=getppid:delay_enter=100ms:delay_exit=50ms:when=2",
                Jutrace.tracee("inject_probe"), "t", "t");
        assertThat(r.filtered()).isTrue();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(Long.parseLong(lines.get(1).replaceAll(".*us=", ""))).as(lines.get(1)).isGreaterThanOrEqualTo(150_000);
        assertThat(mask(r.trace())).anyMatch(l -> l.matches("PID getppid\\(\\) +\\= \\d+ \\(DELAYED\\)"));
    }

    @Test
    void noFilterWithoutFollowForAllCallsOrWhenForbidden() throws Exception {
        String prog = Jutrace.tracee("syscall_loop");
        assertThat(run("-e", "trace=getppid", prog, "2").filtered()).as("without -f").isFalse();
        assertThat(run("-f", prog, "2").filtered()).as("every call traced").isFalse();
        assertThat(run("-f", "--no-seccomp", "-e", "trace=getppid", prog, "2").filtered()).isFalse();
        assertThat(run("-f", "-o", "/dev/null", "--inject=getppid:retval=1", prog, "2").filtered())
                .as("the strace engine wants every call").isFalse();
    }

    @Test
    void explicitRequestsThatCannotWorkAreReported() throws Exception {
        Jutrace.Result r = Jutrace.run("--seccomp-bpf", "-e", "trace=getppid", Jutrace.tracee("syscall_loop"), "1");
        assertThat(r.stderrLines().getFirst()).isEqualTo("jutrace: --seccomp-bpf has no effect without -f");
        assertThat(r.exitCode()).isZero();
        r = Jutrace.run("--seccomp-bpf", "--no-seccomp", "-f", Jutrace.tracee("syscall_loop"), "1");
        assertThat(r.stderrLines()).containsExactly("jutrace: --seccomp-bpf and --no-seccomp are mutually exclusive");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void withoutCapSysAdminNoNewPrivsIsSetFirst() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/capsh")), "capsh is not installed");
        String[] args = {"-f", "-e", "trace=openat", "grep", "NoNewPrivs", "/proc/self/status"};
        // With CAP_SYS_ADMIN (root here) the filter needs no prctl, and the program sees no change.
        Run privileged = run(args);
        assertThat(privileged.filtered()).isTrue();
        assertThat(privileged.stdout()).matches("NoNewPrivs:\\s+" + (hasCapSysAdmin() ? ownNoNewPrivs() : "1") + "\n");
        List<String> cmd = new ArrayList<>(List.of("/usr/sbin/capsh", "--drop=cap_sys_admin", "--", "-c", "exec \"$@\"", "sh"));
        cmd.addAll(Jutrace.builder(List.of(args)).command());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("seccomp without CAP_SYS_ADMIN needs no_new_privs").matches("NoNewPrivs:\\s+1\n");
    }

    private static String status(String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field + ":"))
                .findFirst().orElseThrow().substring(field.length() + 1).trim();
    }

    private static boolean hasCapSysAdmin() throws Exception {
        return (Long.parseUnsignedLong(status("CapEff"), 16) & (1L << 21)) != 0;
    }

    private static String ownNoNewPrivs() throws Exception {
        return status("NoNewPrivs");
    }

    private static List<String> mask(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("^\\d+ +", "PID ").replaceAll("= \\d{2,}$", "= N")
                .replaceAll("si_pid=\\d+", "si_pid=N")
                .replaceAll("\\[pid +\\d+\\] ", "[pid N] ")).toList();
    }
}
