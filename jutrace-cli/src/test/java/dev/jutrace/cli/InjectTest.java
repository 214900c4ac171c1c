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

/** {@code --inject} and {@code --fault} from the command line, against real strace where it is deterministic. */
@Timeout(120)
class InjectTest {

    @Test
    void theTraceShowsInjectedErrorsAndValuesAsStraceDoes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        String probe = Jutrace.tracee("inject_probe");
        for (String spec : List.of("getppid:error=ENOENT:when=2", "getppid:retval=42:signal=SIGUSR1:when=3..4")) {
            String[] args = {"-e", "trace=getppid", "--inject=" + spec, probe, "g", "g", "g", "g", "g"};
            assertThat(maskPids(jutrace(args))).as(spec).isEqualTo(maskPids(strace(args)));
        }
        // What the comparison covers, in case strace's lines ever change under us.
        assertThat(jutrace("-e", "trace=getppid", "--inject=getppid:error=ENOENT:when=2", probe, "g", "g"))
                .contains("getppid()                               = -1 ENOENT (No such file or directory) (INJECTED)");
        assertThat(jutrace("-e", "trace=getppid", "--inject=getppid:retval=42:signal=SIGUSR1", probe, "g"))
                .containsSubsequence("getppid()                               = 42 (INJECTED)",
                        "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---");
    }

    @Test
    void delayedCallsAreMarkedAsStraceMarksThem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        String[] args = {"-e", "trace=getppid", "--inject=getppid:error=EPERM:delay_exit=1000:when=1",
                "--inject=getppid:delay_enter=1ms:when=2", Jutrace.tracee("inject_probe"), "g", "g"};
        // Two specs for one syscall: the last wins, so only the second call is delayed.
        List<String> expected = maskPids(strace(args));
        assertThat(maskPids(jutrace(args))).isEqualTo(expected).contains("getppid()                               = PID (DELAYED)");
    }

    @Test
    void injectsWithTheTraceSentNowhere() throws Exception {
        Jutrace.Result r = Jutrace.run("-o", "/dev/null", "--inject=openat:error=EACCES:path=*.conf",
                Jutrace.tracee("inject_probe"), "o:/etc/passwd", "o:/etc/host.conf");
        assertThat(r.stdout().lines()).containsExactly("openat /etc/passwd 3", "openat /etc/host.conf -1 EACCES");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void faultFailsWithEnosysAndTheLastOptionWinsASharedSyscall() throws Exception {
        Jutrace.Result r = Jutrace.run("-o", "/dev/null", "--fault=getppid", "--inject", "getppid:retval=3:when=2",
                Jutrace.tracee("inject_probe"), "g", "g", "g");
        assertThat(r.stdout().lines().toList()).hasSize(3).element(1).isEqualTo("getppid 3");
        assertThat(r.stdout()).doesNotContain("ENOSYS");
        r = Jutrace.run("-o", "/dev/null", "--inject=getppid:retval=3", "--fault=getppid:when=2..3",
                Jutrace.tracee("inject_probe"), "g", "g", "g", "g");
        assertThat(r.stdout().lines().map(l -> l.replaceAll("getppid [0-9]+$", "getppid PPID")))
                .containsExactly("getppid PPID", "getppid -1 ENOSYS", "getppid -1 ENOSYS", "getppid PPID");
    }

    @Test
    void countersArePerTraceeUnderFollow() throws Exception {
        Jutrace.Result r = Jutrace.run("-f", "-o", "/dev/null", "--inject=getppid:error=EIO:when=2",
                Jutrace.tracee("inject_probe"), "g", "fork", "g", "g");
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).doesNotContain("EIO");
        assertThat(lines.subList(2, 4)).containsExactly("child getppid -1 EIO", "parent getppid -1 EIO");
        assertThat(lines.get(4)).matches("parent getppid \\d+");
    }

    @Test
    void badSpecsAreOneLineAndExitStatusOne() throws Exception {
        for (String[] bad : List.of(new String[] {"--inject=getppid:error=FOO"}, new String[] {"--inject=getppid:when=2"},
                new String[] {"--fault=nosuch"}, new String[] {"--inject", "getppid:error=EPERM:when=0"})) {
            List<String> args = new ArrayList<>(List.of(bad));
            args.add(Jutrace.tracee("inject_probe"));
            args.add("g");
            Jutrace.Result r = Jutrace.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", bad)).isEqualTo(1);
            assertThat(r.stderrLines()).as(String.join(" ", bad)).hasSize(1);
            assertThat(r.stderr()).startsWith("jutrace: invalid --");
            assertThat(r.stdout()).as("the program never ran").isEmpty();
        }
    }

    private static List<String> maskPids(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("= \\d{2,}$", "= PID").replaceAll("= \\d{2,} \\(", "= PID (")).toList();
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

    private static List<String> jutrace(String... args) throws Exception {
        Path out = Files.createTempFile("jutrace", ".out");
        try {
            List<String> all = new ArrayList<>(List.of("-o", out.toString()));
            all.addAll(List.of(args));
            Jutrace.run(all.toArray(String[]::new));
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
