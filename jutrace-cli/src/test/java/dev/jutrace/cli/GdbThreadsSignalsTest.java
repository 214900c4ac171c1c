package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gdb server with threads, signals, Ctrl-C, and processes attached with -p, driven by the real gdb. */
@Timeout(180)
class GdbThreadsSignalsTest {
    private int orphan;
    private Path orphanOut;

    @BeforeAll
    static void needsGdb() {
        assumeTrue(Files.isExecutable(GdbDriver.GDB), "gdb is not installed");
    }

    @AfterEach
    void killOrphan() throws Exception {
        if (orphan > 0) new ProcessBuilder("kill", "-KILL", String.valueOf(orphan)).start().waitFor();
        if (orphanOut != null) Files.deleteIfExists(orphanOut);
    }

    @Test
    void aBreakpointInWorkerThreadsStopsEachAndThreadsCanBeSwitched() throws Exception {
        GdbDriver.Run r = GdbDriver.session(Jutrace.tracee("gdb_threads"), List.of("-e", "trace=none"),
                List.of("break work", "continue", "info threads", "print id", "thread 1", "bt", "continue", "print id",
                        "continue", "print id", "continue"));
        List<String> lines = r.gdbLines();
        // Each worker stops once at the breakpoint, whichever order they come in.
        assertThat(lines.stream().filter(l -> l.matches("Thread \\d+ \"gdb_threads\" hit Breakpoint 1, work \\(id=\\d\\) at .*")))
                .hasSize(3);
        assertThat(lines.stream().filter(l -> l.matches("\\$\\d = [012]")).map(l -> l.substring(l.length() - 1)).sorted())
                .containsExactly("0", "1", "2");
        assertThat(lines).anyMatch(l -> l.matches("\\* \\d+ +Thread \\d+\\.\\d+ \"gdb_threads\" work \\(id=\\d\\) at .*"));
        assertThat(lines.stream().filter(l -> l.matches("[ *] \\d+ +Thread \\d+\\.\\d+ .*"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines).anyMatch(l -> l.startsWith("[Switching to thread 1 (Thread "));
        assertThat(lines).anyMatch(l -> l.matches("#\\d+ +0x[0-9a-f]+ in main \\(\\) at .*gdb_threads\\.c:\\d+"));
        assertThat(r.gdb()).contains("exited normally");
        assertThat(r.programOut()).isEqualTo("1 11 21\n");
        assertThat(r.jutraceExit()).isZero();
    }

    @Test
    void aSignalStopsTheProgramAndGdbChoosesWhetherItIsDelivered() throws Exception {
        List<String> commands = List.of("handle SIGUSR1 stop print", "CONTINUE", "print $_siginfo.si_signo",
                "print $_siginfo.si_code", "continue", "signal 0");
        GdbDriver.Run r = GdbDriver.session(Jutrace.tracee("gdb_signal"), List.of("-e", "trace=none"),
                commands.stream().map(c -> c.equals("CONTINUE") ? "continue" : c).toList());
        String nat = GdbDriver.gdbNative(Jutrace.tracee("gdb_signal"),
                commands.stream().map(c -> c.equals("CONTINUE") ? "run" : c).toList());
        // The first SIGUSR1 is passed on, the second withheld: the handler ran once.
        assertThat(r.programOut()).isEqualTo("handled 1\n");
        assertThat(nat).contains("handled 1");
        List<String> remote = GdbDriver.stable(r.gdb()).stream().filter(l -> !l.startsWith("handled")).toList();
        List<String> local = GdbDriver.stable(nat).stream().filter(l -> !l.startsWith("handled")).toList();
        int from = remote.indexOf("Program received signal SIGUSR1, User defined signal 1.");
        assertThat(from).as(r.gdb()).isNotNegative();
        int nativeFrom = local.indexOf("Program received signal SIGUSR1, User defined signal 1.");
        assertThat(remote.subList(from, remote.size())).isEqualTo(local.subList(nativeFrom, local.size()));
        assertThat(r.gdb()).contains("$1 = 10").contains("$2 = -6"); // SIGUSR1 from raise(): SI_TKILL
    }

    @Test
    void ctrlCInGdbInterruptsTheRunningProgram() throws Exception {
        String prog = Jutrace.tracee("gdb_spin");
        try (GdbDriver.Server s = GdbDriver.serve(List.of("-e", "trace=none", "--", prog))) {
            GdbDriver.Background gdb = GdbDriver.gdbRemoteInBackground(prog, s.port,
                    List.of("continue", "print spins > 0", "print stop", "set var stop = 1", "continue"));
            // gdb's own output is buffered; the program printing its pid shows it was resumed.
            for (int i = 0; i < 600 && s.stdout().isEmpty(); i++) Thread.sleep(50);
            Thread.sleep(300);
            gdb.interrupt();
            String out = gdb.finish();
            assertThat(out).contains("Program received signal SIGINT, Interrupt.").contains("$1 = 1").contains("$2 = 0")
                    .contains("exited normally");
            assertThat(s.await()).isZero();
            assertThat(s.stdout()).endsWith("stopped\n");
        }
    }

    /** Starts gdb_spin as an orphan nobody traces; returns its pid. */
    private int startOrphanSpinner() throws Exception {
        orphanOut = Files.createTempFile("gdb_spin", ".out");
        new ProcessBuilder("sh", "-c", "\"$0\" >\"$1\" 2>&1 &", Jutrace.tracee("gdb_spin"), orphanOut.toString())
                .start().waitFor();
        for (int i = 0; i < 500; i++) {
            List<String> lines = Files.readAllLines(orphanOut);
            if (!lines.isEmpty()) return orphan = Integer.parseInt(lines.getFirst().trim());
            Thread.sleep(10);
        }
        throw new AssertionError("gdb_spin did not start");
    }

    private static String status(int pid, String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith(field)).findFirst().orElseThrow().substring(field.length()).trim();
    }

    @Test
    void attachWithPSetAVariableAndDetachTheProgramRunsOn() throws Exception {
        int pid = startOrphanSpinner();
        String prog = Jutrace.tracee("gdb_spin");
        try (GdbDriver.Server s = GdbDriver.serve(List.of("-e", "trace=none", "-p", String.valueOf(pid)))) {
            String out = GdbDriver.gdbRemote(prog, s.port, List.of("info threads", "break gdb_spin.c:14", "continue",
                    "print spins > 0", "delete", "set var stop = 1", "detach"));
            assertThat(out).contains("Breakpoint 1, main () at ").contains("$1 = 1");
            assertThat(s.await()).isZero();
            assertThat(s.stderr()).contains("gdb detached");
        }
        for (int i = 0; i < 500 && Files.exists(Path.of("/proc/" + pid)); i++) Thread.sleep(10);
        assertThat(Files.readAllLines(orphanOut)).containsExactly(String.valueOf(pid), "stopped");
    }

    @Test
    void terminatingJutraceMidSessionTakesOutTheBreakpointsAndLeavesTheProgramRunning() throws Exception {
        int pid = startOrphanSpinner();
        String prog = Jutrace.tracee("gdb_spin");
        try (GdbDriver.Server s = GdbDriver.serve(List.of("-e", "trace=none", "-p", String.valueOf(pid)))) {
            GdbDriver.Background gdb = GdbDriver.gdbRemoteInBackground(prog, s.port,
                    List.of("set breakpoint always-inserted on", "break gdb_spin.c:14", "continue", "shell sleep 30"));
            // gdb's output is buffered; the strace engine's line for the trap shows the breakpoint was hit.
            for (int i = 0; i < 600 && !s.stderr().contains("--- SIGTRAP"); i++) Thread.sleep(50);
            assertThat(s.stderr()).contains("--- SIGTRAP");
            Thread.sleep(300);
            s.process.destroy(); // SIGTERM to jutrace, as Ctrl-C on -p
            assertThat(s.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            gdb.process().destroyForcibly();
            gdb.finish();
            assertThat(s.stderr()).contains("jutrace: Process " + pid + " detached");
        }
        // It runs over the breakpoint's address thousands of times a second: an int3 left there kills it.
        Thread.sleep(1000);
        assertThat(status(pid, "TracerPid:")).isEqualTo("0");
        assertThat(status(pid, "State:")).matches("[RS] .*");
    }
}
