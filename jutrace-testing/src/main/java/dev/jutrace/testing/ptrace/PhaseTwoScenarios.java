package dev.jutrace.testing.ptrace;

import static dev.jutrace.testing.ptrace.Consts.*;

import dev.jutrace.ptrace.WaitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Survey §3 phase 2: syscall tracing after detach, signals to stopped tracees, many CLONE_PTRACE threads. */
final class PhaseTwoScenarios {
    private PhaseTwoScenarios() {}

    static List<Scenario> all() {
        return List.of(
                new Scenario("p01-syscall-trace-after-detach", "attach, SYSCALL twice, detach, again: never a stray SIGTRAP",
                        "survey phase 2; tif-syscall-trace-after-detach", PhaseTwoScenarios::syscallTraceAfterDetach),
                new Scenario("p02-detach-can-signal", "SIGKILL to tracees in ptrace stops is reported as their death",
                        "survey phase 2; detach-can-signal", PhaseTwoScenarios::killStoppedTracees),
                new Scenario("p03-clone-multi-ptrace", "eight CLONE_PTRACE threads each stop with SIGSTOP, then at a syscall",
                        "survey phase 2; clone-multi-ptrace", PhaseTwoScenarios::cloneMultiPtrace),
                new Scenario("p04-attach-sigcont-wait", "SIGCONT between ATTACH and the first wait: SIGSTOP is still reported",
                        "survey phase 2; attach-sigcont-wait-3x", PhaseTwoScenarios::attachSigcontWait));
    }

    private static void syscallTraceAfterDetach(Script s) {
        int t = s.spawn("alarm0-loop");
        s.awaitHandler(t, SIGUSR2);
        for (int round = 0; round < 5; round++) {
            s.attach(t);
            s.expectWait(t, stop(SIGSTOP));
            s.syscall(t, 0);
            s.expectWait(t, SYSCALL_STOP);
            s.syscall(t, 0);
            s.expectWait(t, SYSCALL_STOP);
            s.detach(t, 0);
        }
        s.settle();
        s.check(tracerPid(t) == 0, "still traced after the last detach");
        s.note("TracerPid 0 and running: " + s.pid(t));
        s.expectState(t, 'R');
        s.kill(t, SIGKILL);
        s.checkEq(SIGKILL, s.reap(t), "reaped status");
    }

    private static int tracerPid(int pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("TracerPid:")) return Integer.parseInt(line.substring(10).trim());
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return -1;
    }

    private static void killStoppedTracees(Script s) {
        List<Integer> tracees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int t = s.spawn("pause-loop");
            s.awaitSyscall(t, NR_PAUSE);
            s.attach(t);
            s.expectWait(t, stop(SIGSTOP));
            tracees.add(t);
        }
        for (int t : tracees) s.kill(t, SIGKILL);
        for (int t : tracees) s.expectWait(t, SIGKILL);
    }

    private static void cloneMultiPtrace(Script s) {
        int t = s.spawnTraceme("clone-many", "8");
        s.expectWait(t, stop(SIGSTOP));
        s.cont(t, 0);
        // The threads report in whatever order they get to run; each is named as it reports, so
        // the lines read the same whatever the order.
        List<Integer> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            WaitResult w = s.waitpid(-1, Script.WALL);
            s.checkEq(stop(SIGSTOP), w.status(), "a new thread's first stop");
            s.check(w.tid() != t, "the leader should not report");
            threads.add(w.tid());
        }
        for (int thread : threads) {
            s.syscall(thread, 0);
            s.expectWait(thread, SYSCALL_STOP);
            s.checkEq(60, s.getRegs(thread, "orig_rax")[Script.ORIG_RAX], "the thread's exit call");
        }
        for (int thread : threads) {
            s.cont(thread, 0);
            s.expectWait(thread, exit(0));
        }
    }

    private static void attachSigcontWait(Script s) {
        int t = s.spawn("raise-sigstop");
        s.expectState(t, 'T');
        s.attach(t);
        s.kill(t, SIGCONT);
        s.expectWait(t, stop(SIGSTOP));
        s.peekUser(t, user(Script.ORIG_RAX), "orig_rax");
        s.cont(t, 0);
        s.expectWait(t, stop(SIGCONT));
        s.cont(t, 0);
        s.expectWait(t, exit(7));
    }
}
