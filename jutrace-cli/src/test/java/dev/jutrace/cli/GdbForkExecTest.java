package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** fork-events and exec-events with the real gdb: follow-fork-mode parent and child, catch exec. */
@Timeout(180)
class GdbForkExecTest {

    @BeforeAll
    static void needsGdb() {
        assumeTrue(Files.isExecutable(GdbDriver.GDB), "gdb is not installed");
    }

    private static String fork() {
        return Jutrace.tracee("gdb_fork");
    }

    @Test
    void followingTheParentDetachesTheChildWithoutItsInheritedBreakpoints() throws Exception {
        GdbDriver.Run r = GdbDriver.session(fork(), List.of("-e", "trace=none"),
                List.of("break in_child", "break in_parent", "continue", "bt 1", "continue"));
        assertThat(r.gdb()).containsPattern("\\[Detaching after fork from child process \\d+\\]")
                .contains("Breakpoint 2, in_parent (x=1)").doesNotContain("in_child (x=1)").contains("exited normally");
        // The child ran over in_child's address: an int3 copied into it would have killed it.
        assertThat(r.programOut()).isEqualTo("child 2\nparent 3\n");
        assertThat(r.jutraceErr()).contains("CLD_EXITED").doesNotContain("killed by");
        assertThat(r.jutraceExit()).isZero();
    }

    @Test
    void followForkModeChildDebugsTheChildAndLetsTheParentGo() throws Exception {
        GdbDriver.Run r = GdbDriver.session(fork(), List.of("-e", "trace=none"),
                List.of("set follow-fork-mode child", "break in_child", "break in_parent", "continue", "bt 2",
                        "info inferiors", "continue"));
        assertThat(r.gdb()).containsPattern("\\[Attaching after Thread [0-9.]+ fork to child Thread [0-9.]+\\]")
                .containsPattern("Thread 2\\.1 \"gdb_fork\" hit Breakpoint 1, in_child \\(x=1\\)")
                .containsPattern("#1 +0x[0-9a-f]+ in main \\(argc=1, .*\\) at .*gdb_fork\\.c:\\d+")
                .containsPattern("\\[Inferior 2 \\(process \\d+\\) exited normally\\]")
                .doesNotContain("in_parent (x=1)");
        // The parent, detached with its breakpoints gone, ran to its end.
        assertThat(r.programOut()).isEqualTo("child 2\nparent 3\n");
        assertThat(r.jutraceExit()).isZero();
    }

    @Test
    void catchExecStopsInTheNewProgramWhoseSymbolsGdbThenUses() throws Exception {
        GdbDriver.Run r = GdbDriver.session(fork(), List.of(Jutrace.tracee("gdb_basic")), List.of("-e", "trace=none"),
                List.of("set follow-fork-mode child", "catch exec", "continue", "break add", "continue", "bt",
                        "print a + b", "delete", "continue"));
        assertThat(r.gdb()).containsPattern("process \\d+ is executing new program: .*/gdb_basic")
                .containsPattern("hit Catchpoint 1 \\(exec'd .*/gdb_basic\\)")
                .containsPattern("hit Breakpoint 2, add \\(a=5, b=5\\) at .*gdb_basic\\.c:9")
                .containsPattern("#2 +0x[0-9a-f]+ in main \\(\\) at .*gdb_basic\\.c:22")
                .contains("$1 = 10")
                .containsPattern("\\[Inferior 2 \\(process \\d+\\) exited normally\\]");
        assertThat(r.programOut()).isEqualTo("child 2\ntotal=36 counter=36\nhello\nparent 3\n");
        assertThat(r.jutraceExit()).isZero();
    }
}
