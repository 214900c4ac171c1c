package dev.jutrace.testing.ptrace;

import static dev.jutrace.testing.ptrace.Consts.*;

import dev.jutrace.ptrace.WaitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Survey scenarios 12-18: exec, fork, clone, vfork and exit events and the stops around them. */
final class EventScenarios {
    private EventScenarios() {}

    static List<Scenario> all() {
        return List.of(
                new Scenario("s12-exec-stops", "exec stops with TRACEEXEC, with TRACESYSGOOD too, and with neither",
                        "survey 12; sigint-before-syscall-exit, ppc-ptrace-exec-full-regs", EventScenarios::execStops),
                new Scenario("s13-syscall-from-fork-event", "SYSCALL from a fork event stops at the exit of clone",
                        "survey 13; syscall-from-clone", EventScenarios::syscallFromForkEvent),
                new Scenario("s14-step-from-fork-event", "SINGLESTEP from a fork event traps at the exit of clone",
                        "survey 14; step-from-clone", EventScenarios::stepFromForkEvent),
                new Scenario("s15-clone-event-order", "EVENT_CLONE comes between the entry and exit stops of clone",
                        "survey 15; ptrace_event_clone", EventScenarios::cloneEventOrder),
                new Scenario("s16-clone-ptrace", "CLONE_PTRACE traces the child without options",
                        "survey 16; clone-ptrace", EventScenarios::clonePtrace),
                new Scenario("s17-vfork-events", "VFORK before the child runs, VFORK_DONE after it exits",
                        "survey 17; o_tracevfork, o_tracevfork-parent, o_tracevforkdone", EventScenarios::vforkEvents),
                new Scenario("s18-exit-event", "EVENT_EXIT carries the future wait status; /proc stays readable",
                        "survey 18; event-exit-proc-maps, event-exit-proc-environ", EventScenarios::exitEvent));
    }

    private static void execStops(Script s) {
        // TRACEEXEC: entry, then the exec event before any exit stop; a signal after it is delivered.
        int a = s.spawnTraceme("traceme-exec");
        s.expectWait(a, stop(SIGSTOP));
        s.setOptions(a, PTRACE_O_TRACEEXEC);
        s.syscall(a, 0);
        s.expectWait(a, SYSCALL_STOP);
        s.checkEq(NR_EXECVE, s.getRegs(a, "orig_rax", "rax")[Script.ORIG_RAX], "orig_rax");
        s.checkEq(1, s.getEventMsg(a), "event message (syscall entry)");
        s.syscall(a, 0);
        s.expectWait(a, event(PTRACE_EVENT_EXEC));
        s.checkEq(0x405, s.getSigInfo(a).code(), "si_code");
        s.checkEq(a, s.getEventMsgPid(a), "event message (the former tid)");
        s.kill(a, SIGINT);
        s.cont(a, 0);
        s.expectWait(a, stop(SIGINT));

        // TRACEEXEC and TRACESYSGOOD: the stop after the event is the exit stop of execve.
        int b = s.spawnTraceme("traceme-exec");
        s.expectWait(b, stop(SIGSTOP));
        s.setOptions(b, PTRACE_O_TRACEEXEC | PTRACE_O_TRACESYSGOOD);
        s.syscall(b, 0);
        s.expectWait(b, SYSGOOD_STOP);
        s.syscall(b, 0);
        s.expectWait(b, event(PTRACE_EVENT_EXEC));
        s.syscall(b, 0);
        s.expectWait(b, SYSGOOD_STOP);
        s.checkEq(0, s.getRegs(b, "orig_rax", "rax")[Script.RAX], "rax at exit");
        s.checkEq(2, s.getEventMsg(b), "event message (syscall exit)");

        // Neither: entry, exit, then a real SIGTRAP sent by the exec.
        int c = s.spawnTraceme("traceme-exec");
        s.expectWait(c, stop(SIGSTOP));
        s.syscall(c, 0);
        s.expectWait(c, SYSCALL_STOP);
        s.syscall(c, 0);
        s.expectWait(c, SYSCALL_STOP);
        s.checkEq(SIGTRAP, s.getSigInfo(c).code(), "si_code of the exit stop");
        s.checkEq(2, s.getEventMsg(c), "event message (syscall exit)");
        s.syscall(c, 0);
        s.expectWait(c, SYSCALL_STOP);
        SigInfo i = s.getSigInfo(c);
        s.checkEq(0, i.code(), "si_code of the exec's SIGTRAP (SI_USER)");
        s.checkEq(c, i.pid(), "si_pid of the exec's SIGTRAP");
    }

    /** Runs fork-close to its fork event; returns the child, which has stopped once and exited. */
    static int toForkEvent(Script s, int t) {
        s.expectWait(t, stop(SIGUSR1));
        s.setOptions(t, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK);
        s.cont(t, 0);
        s.expectWait(t, event(PTRACE_EVENT_FORK));
        int child = s.getEventMsgPid(t);
        s.expectWait(child, stop(SIGSTOP));
        SigInfo i = s.getSigInfo(child);
        s.checkEq(SIGSTOP, i.signo(), "the child's first stop");
        s.cont(child, 0);
        s.expectWait(child, exit(0));
        return child;
    }

    private static void syscallFromForkEvent(Script s) {
        int t = s.spawnTraceme("fork-close");
        int child = toForkEvent(s, t);
        s.syscall(t, 0);
        s.expectWait(t, SYSGOOD_STOP);
        long[] r = s.getRegs(t, "orig_rax", "rax:pid");
        s.checkEq(NR_CLONE, r[Script.ORIG_RAX], "orig_rax (the exit of clone, not the entry of close)");
        s.checkEq(child, r[Script.RAX], "rax (the child)");
        s.cont(t, 0);
        s.expectWait(t, exit(0));
    }

    private static void stepFromForkEvent(Script s) {
        int t = s.spawnTraceme("fork-close");
        int child = toForkEvent(s, t);
        s.singlestep(t, 0);
        s.expectWait(t, SYSCALL_STOP);
        SigInfo i = s.getSigInfo(t);
        s.checkEq(1, i.code(), "si_code (TRAP_BRKPT)");
        long[] r = s.getRegs(t, "orig_rax", "rax:pid", "rip:addr");
        s.checkEq(NR_CLONE, r[Script.ORIG_RAX], "orig_rax");
        s.checkEq(child, r[Script.RAX], "rax (the child)");
        s.checkEq(r[Script.RIP], i.addr(), "si_addr (the user pc)");
        s.cont(t, 0);
        s.expectWait(t, exit(0));
    }

    private static void cloneEventOrder(Script s) {
        int t = s.spawnTraceme("clone-thread");
        s.expectWait(t, stop(SIGSTOP));
        s.setOptions(t, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE);
        s.syscall(t, 0);
        s.expectWait(t, SYSGOOD_STOP);
        s.checkEq(NR_CLONE, s.getRegs(t, "orig_rax")[Script.ORIG_RAX], "orig_rax");
        s.syscall(t, 0);
        s.expectWait(t, event(PTRACE_EVENT_CLONE));
        int thread = s.getEventMsgPid(t);
        // A traced clone child is waitable without __WALL.
        WaitResult w = s.waitpid(thread, 0);
        s.checkEq(stop(SIGSTOP), w.status(), "the new thread's first stop");
        s.getSigInfo(thread);
        s.syscall(t, 0);
        s.expectWait(t, SYSGOOD_STOP);
        s.checkEq(thread, s.getRegs(t, "orig_rax", "rax:pid")[Script.RAX], "rax (the new thread)");
        s.cont(thread, 0);
        s.checkEq(exit(22), s.waitpid(thread, 0).status(), "the thread's exit");
    }

    private static void clonePtrace(Script s) {
        int t = s.spawnTraceme("clone-ptrace");
        s.expectWait(t, stop(SIGSTOP));
        s.syscall(t, 0);
        s.expectWait(t, SYSCALL_STOP);
        s.syscall(t, 0);
        s.expectWait(t, SYSCALL_STOP);
        long[] r = s.getRegs(t, "orig_rax", "rax:pid");
        s.checkEq(NR_CLONE, r[Script.ORIG_RAX], "orig_rax");
        int child = (int) r[Script.RAX];
        WaitResult w = s.waitpid(-1, Script.WALL);
        s.checkEq(child, w.tid(), "the next report comes from the child");
        s.checkEq(stop(SIGSTOP), w.status(), "the child's first stop");
        s.syscall(child, 0);
        s.expectWait(child, SYSCALL_STOP);
        s.getRegs(child, "orig_rax");
        s.cont(child, 0);
        s.expectWait(child, exit(0));
        s.cont(t, 0);
        s.expectWait(t, stop(SIGCHLD));
        s.cont(t, 0);
        s.expectWait(t, exit(0));
    }

    static void vforkEvents(Script s) {
        int t = s.spawnTraceme("vfork");
        s.expectWait(t, stop(SIGUSR1));
        s.setOptions(t, PTRACE_O_TRACEVFORK | PTRACE_O_TRACEVFORKDONE);
        s.cont(t, 0);
        s.expectWait(t, event(PTRACE_EVENT_VFORK));
        int child = s.getEventMsgPid(t);
        s.expectWait(child, stop(SIGSTOP));
        s.cont(child, 0);
        s.expectWait(child, exit(43));
        s.cont(t, 0);
        s.expectWait(t, event(PTRACE_EVENT_VFORK_DONE));
        s.checkEq(child, s.getEventMsgPid(t), "VFORK_DONE's message (the child)");
        s.cont(t, 0);
        s.expectWait(t, stop(SIGCHLD));
        s.cont(t, 0);
        s.expectWait(t, exit(42));
    }

    private static void exitEvent(Script s) {
        int a = s.spawnTraceme("traceme-abort");
        s.expectWait(a, stop(SIGSTOP));
        s.setOptions(a, PTRACE_O_TRACEEXIT);
        s.cont(a, 0);
        s.expectWait(a, stop(SIGABRT));
        s.cont(a, SIGABRT);
        s.expectWait(a, event(PTRACE_EVENT_EXIT));
        s.checkEq(SIGABRT, s.getEventMsg(a), "the future wait status");
        s.check(readable("/proc/" + a + "/maps"), "/proc/PID/maps unreadable at the exit stop");
        s.check(readable("/proc/" + a + "/environ"), "/proc/PID/environ unreadable at the exit stop");
        s.note("maps and environ readable: " + s.pid(a));
        long origRax = s.peekUser(a, user(Script.ORIG_RAX), "orig_rax");
        s.pokeUser(a, user(Script.ORIG_RAX), "orig_rax", origRax);
        s.cont(a, 0);
        s.expectWait(a, SIGABRT);

        int b = s.spawnTraceme("traceme-stop", "5");
        s.expectWait(b, stop(SIGSTOP));
        s.setOptions(b, PTRACE_O_TRACEEXIT);
        s.cont(b, 0);
        s.expectWait(b, event(PTRACE_EVENT_EXIT));
        s.checkEq(exit(5), s.getEventMsg(b), "the future wait status");
        s.cont(b, 0);
        s.expectWait(b, exit(5));
    }

    private static boolean readable(String path) {
        try {
            Files.readAllBytes(Path.of(path));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
