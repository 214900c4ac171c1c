package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gdb server driven by the real gdb ({@code gdb -batch ... -ex 'target remote :PORT'}) on
 * C programs built with -O0 -g. Where the session is deterministic it is compared, line for line
 * (addresses aside), with the same session under native gdb.
 */
@Timeout(180)
class GdbServerTest {
    private static final String MARK = "----8<----";

    @BeforeAll
    static void needsGdb() {
        assumeTrue(Files.isExecutable(GdbDriver.GDB), "gdb is not installed");
    }

    private static String basic() {
        return Jutrace.tracee("gdb_basic");
    }

    /** The transcript between the first line starting with {@code from} and the mark. */
    private static List<String> window(String transcript, String from) {
        List<String> lines = GdbDriver.stable(transcript);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(from)) {
                start = i;
                break;
            }
        }
        int end = lines.indexOf(MARK);
        assertThat(start).as("'%s' in:%n%s", from, transcript).isNotNegative();
        assertThat(end).as("the mark in:%n%s", transcript).isGreaterThan(start);
        return lines.subList(start, end);
    }

    /** The same commands, after {@code target remote} and after {@code run}: the windows must match. */
    private static void likeNative(String firstLine, List<String> setup, List<String> commands) throws Exception {
        List<String> remote = new ArrayList<>(setup);
        remote.add("continue");
        remote.addAll(commands);
        remote.add("echo " + MARK + "\\n");
        GdbDriver.Run r = GdbDriver.session(basic(), List.of("-e", "trace=none"), remote);
        List<String> nativeCmds = new ArrayList<>(setup);
        nativeCmds.add("run");
        nativeCmds.addAll(commands);
        nativeCmds.add("echo " + MARK + "\\n");
        String nat = GdbDriver.gdbNative(basic(), nativeCmds);
        assertThat(window(r.gdb(), firstLine)).isEqualTo(window(nat, firstLine));
    }

    @Test
    void breakContinueBacktracePrintAndFinishAsNativeGdbDoes() throws Exception {
        likeNative("Breakpoint 1, add", List.of("break add"),
                List.of("bt", "print a", "print b", "print counter", "print greeting", "print $_siginfo.si_signo",
                        "print $fs_base != 0", "print $orig_rax", "set var $rcx = 0x1234", "print/x $rcx", "finish",
                        "next", "info registers rip", "print $pc == (long) &twice + 29"));
    }

    @Test
    void nextStepAndLocalsAsNativeGdbDoes() throws Exception {
        likeNative("Breakpoint 1, main", List.of("break main"),
                List.of("next", "next", "info locals", "step", "step", "bt", "up", "info locals"));
    }

    @Test
    void aHardwareWatchpointFiresAsUnderNativeGdb() throws Exception {
        List<String> setup = List.of("break main");
        List<String> commands = List.of("watch counter", "continue", "continue", "delete", "print counter");
        List<String> remote = new ArrayList<>(setup);
        remote.add("continue");
        remote.addAll(commands);
        remote.add("echo " + MARK + "\\n");
        GdbDriver.Run r = GdbDriver.session(basic(), List.of("-e", "trace=none"), remote);
        // Without debug registers (a VM that hides them) the server declines Z2 and gdb single-steps.
        assumeTrue(r.gdb().contains("Hardware watchpoint 2: counter"),
                "this machine has no usable debug registers:\n" + r.gdb());
        List<String> nativeCmds = new ArrayList<>(setup);
        nativeCmds.add("run");
        nativeCmds.addAll(commands);
        nativeCmds.add("echo " + MARK + "\\n");
        String nat = GdbDriver.gdbNative(basic(), nativeCmds);
        assertThat(window(r.gdb(), "Hardware watchpoint 2: counter")).isEqualTo(window(nat, "Hardware watchpoint 2: counter"));
        assertThat(r.gdb()).contains("Old value = 10").contains("New value = 22");
        assertThat(r.programOut()).isEmpty(); // killed when gdb quit, before printing
    }

    @Test
    void setVarChangesWhatTheProgramDoes() throws Exception {
        GdbDriver.Run r = GdbDriver.session(basic(), List.of("-e", "trace=none"),
                List.of("break gdb_basic.c:23", "continue", "print counter", "set var counter = 42", "continue"));
        assertThat(r.gdb()).contains("$1 = 36").contains("exited normally");
        assertThat(r.programOut()).isEqualTo("changed\nhello\n");
        assertThat(r.jutraceExit()).isZero();
    }

    @Test
    void breakpointInASharedLibrary() throws Exception {
        GdbDriver.Run r = GdbDriver.session(basic(), List.of("-e", "trace=none"),
                List.of("break puts", "continue", "bt 2", "info sharedlibrary", "continue"));
        // The list comes from qXfer:libraries-svr4, without the vDSO, as native gdb shows it.
        assertThat(r.gdbLines()).anyMatch(l -> l.matches("0x[0-9a-f]+ +0x[0-9a-f]+ +Yes +/.*/libc\\.so\\.6"))
                .noneMatch(l -> l.contains("linux-vdso")).noneMatch(l -> l.contains("target library list"));
        assertThat(r.gdbLines()).anyMatch(l -> l.startsWith("Breakpoint 1, ") && l.contains("puts"));
        assertThat(r.gdbLines()).anyMatch(l -> l.matches("#1 +0x[0-9a-f]+ in main \\(\\) at .*gdb_basic\\.c:25"));
        assertThat(r.gdb()).contains("exited normally");
        assertThat(r.programOut()).isEqualTo("total=36 counter=36\nhello\n");
    }

    @Test
    void detachLeavesTheProgramToRunToItsNormalEnd() throws Exception {
        GdbDriver.Run r = GdbDriver.session(basic(), List.of("-e", "trace=none"),
                List.of("break twice", "break add", "continue", "continue", "print x", "detach"));
        assertThat(r.gdb()).contains("Breakpoint 1, twice (x=5)").contains("Breakpoint 2, add (a=5, b=5)");
        // Every int3 is gone: one left behind would kill the program with SIGTRAP.
        assertThat(r.programOut()).isEqualTo("total=36 counter=36\nhello\n");
        assertThat(r.jutraceErr()).contains("gdb detached").contains("+++ exited with 0 +++")
                .doesNotContain("killed by");
        assertThat(r.jutraceExit()).isZero();
    }

    @Test
    void disconnectingWithBreakpointsInsertedRestoresThem() throws Exception {
        // "disconnect" leaves breakpoints to the server: it must take them out itself.
        GdbDriver.Run r = GdbDriver.session(basic(), List.of("-e", "trace=none"),
                List.of("set breakpoint always-inserted on", "break add", "break puts", "continue", "disconnect"));
        assertThat(r.gdb()).contains("Breakpoint 1, add (a=5, b=5)");
        assertThat(r.programOut()).isEqualTo("total=36 counter=36\nhello\n");
        assertThat(r.jutraceErr()).contains("gdb disconnected").doesNotContain("killed by");
        assertThat(r.jutraceExit()).isZero();
    }

    @Test
    void quittingGdbKillsTheProgramItStarted() throws Exception {
        GdbDriver.Run r = GdbDriver.session(basic(), List.of("-e", "trace=none"), List.of("break add", "continue"));
        assertThat(r.gdb()).contains("Breakpoint 1, add");
        assertThat(r.programOut()).isEmpty();
        assertThat(r.jutraceErr()).contains("+++ killed by SIGKILL +++");
        assertThat(r.jutraceExit()).isEqualTo(128 + 9);
    }

    @Test
    void listenAnyWarnsAndServesEveryAddress() throws Exception {
        java.nio.file.Path out = Files.createTempFile("gdb-any", ".out");
        java.nio.file.Path err = Files.createTempFile("gdb-any", ".err");
        try {
            Process p = Jutrace.builder(List.of("-e", "trace=none", "--gdb-listen-any", "--gdb", "0.0.0.0:0", "--", basic()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("listening on 0\\.0\\.0\\.0:(\\d+)").matcher("");
            for (int i = 0; i < 600 && !m.reset(Files.readString(err)).find(); i++) Thread.sleep(50);
            assertThat(Files.readString(err)).contains("jutrace: warning: the gdb server accepts connections from any host");
            String gdb = GdbDriver.gdbRemote(basic(), Integer.parseInt(m.group(1)), List.of("continue"));
            assertThat(gdb).contains("exited normally");
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(out)).isEqualTo("total=36 counter=36\nhello\n");
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void aBadAddressIsOneLineAndExitStatusOne() throws Exception {
        Jutrace.Result r = Jutrace.run("--gdb", "localhost:notaport", "--", basic());
        assertThat(r.stderrLines().getFirst()).isEqualTo(
                "jutrace: invalid --gdb address 'localhost:notaport': expected [HOST]:PORT");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void aNonLoopbackAddressNeedsListenAny() throws Exception {
        Jutrace.Result r = Jutrace.run("--gdb", "192.0.2.1:1", "--", basic());
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stderr()).startsWith("jutrace: --gdb 192.0.2.1: not a loopback address");
        assertThat(r.exitCode()).isEqualTo(1);
    }
}
