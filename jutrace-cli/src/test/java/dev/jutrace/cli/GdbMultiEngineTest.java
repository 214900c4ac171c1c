package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The point of a multi-engine tracer: gdb stops, steps and inspects a process while the strace
 * engine goes on printing and the injector goes on counting, each engine unaware of the others.
 */
@Timeout(180)
class GdbMultiEngineTest {
    private static final String DEV_NULL_OPEN = "openat(AT_FDCWD, \"/dev/null\", O_RDONLY)";

    @BeforeAll
    static void needsGdb() {
        assumeTrue(Files.isExecutable(GdbDriver.GDB), "gdb is not installed");
    }

    @Test
    void gdbHoldsTheThreadWhileTheTracerAndTheInjectorCarryOn() throws Exception {
        String prog = Jutrace.tracee("gdb_files");
        Path counts = Files.createTempFile("opens", ".txt");
        try (GdbDriver.Server s = GdbDriver.serve(List.of("-e", "trace=%file",
                "--inject=openat:error=ENOENT:when=3:path=/dev/null", "--", prog))) {
            // At each stop: count the trace's /dev/null opens, wait, count again. Held, the
            // thread makes no call, so the count must be the stop's number both times.
            String count = "shell sleep 0.4; grep -cF '" + DEV_NULL_OPEN + "' " + s.err + " >> " + counts;
            List<String> commands = new ArrayList<>(List.of("break checkpoint"));
            for (int i = 1; i <= 5; i++) {
                commands.addAll(List.of("continue", count, "print i", count));
                if (i == 2) commands.add("next");
            }
            commands.add("continue");
            String gdb = GdbDriver.gdbRemote(prog, s.port, commands);
            assertThat(s.await()).isZero();

            assertThat(gdb).contains("Breakpoint 1, checkpoint (i=5)").contains("$5 = 5").contains("exited normally");
            assertThat(Files.readAllLines(counts)).containsExactly("1", "1", "2", "2", "3", "3", "4", "4", "5", "5");
            // Every open printed once, none lost or doubled across the holds; the third failed.
            List<String> opens = s.stderr().lines().filter(l -> l.startsWith(DEV_NULL_OPEN)).toList();
            assertThat(opens).hasSize(5);
            assertThat(opens.get(2)).endsWith("= -1 ENOENT (No such file or directory) (INJECTED)");
            assertThat(opens.stream().filter(l -> l.endsWith(" = 3"))).hasSize(4);
            assertThat(s.stdout()).isEqualTo("open 1: ok\nopen 2: ok\nopen 3: failed\nopen 4: ok\nopen 5: ok\n");
        } finally {
            Files.deleteIfExists(counts);
        }
    }

    @Test
    void monitorCommandsShowTheEnginesAndSwitchOthersOnAndOff() throws Exception {
        String prog = Jutrace.tracee("gdb_files");
        GdbDriver.Run r = GdbDriver.session(prog, List.of("-e", "trace=openat"), List.of("break checkpoint",
                "continue", "monitor engines", "monitor trace on close", "continue", "monitor trace off",
                "monitor inject openat ENOENT", "monitor engines", "continue", "continue", "monitor inject off",
                "continue", "monitor bogus", "continue"));
        // Thread lines: the strace engine, then gdb holding the thread.
        assertThat(r.gdb()).containsPattern("StraceEngine +events [a-z_,]*syscall_entry")
                .containsPattern("gdb +answers STOP +events quiesce")
                .contains("STOP: gdb holds it, and STOP wins over every other engine's RESUME")
                .contains("trace engine (close) attached to 1 threads")
                .contains("trace engine detached from 1 threads")
                .contains("injector (openat:error=ENOENT) attached to 1 threads")
                .containsPattern("InjectEngine +events clone,syscall_entry,syscall_exit")
                .contains("injector detached from 1 threads")
                .contains("unknown monitor command 'bogus'")
                .contains("exited normally");
        // The monitor's trace engine printed the one close between the first two stops.
        assertThat(r.jutraceErr().lines().filter(l -> l.startsWith("close("))).containsExactly("close(3)                                = 0");
        // The injector failed the opens of rounds 3 and 4 only.
        assertThat(r.programOut()).isEqualTo("open 1: ok\nopen 2: ok\nopen 3: failed\nopen 4: failed\nopen 5: ok\n");
        assertThat(r.jutraceExit()).isZero();
    }
}
