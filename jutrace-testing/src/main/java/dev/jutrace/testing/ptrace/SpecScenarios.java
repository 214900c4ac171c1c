package dev.jutrace.testing.ptrace;

import static dev.jutrace.testing.ptrace.Consts.*;

import java.util.List;

/**
 * utrace-spec §5 cases 27-38 and 40, ptrace as a tracer sees it. Where the kernel of today
 * answers differently from the 2009 ptrace-over-utrace the spec describes, the scenario checks
 * the kernel (the reference for both backends) and says so.
 */
final class SpecScenarios {
    private SpecScenarios() {}

    static List<Scenario> all() {
        return List.of(
                new Scenario("c27-attach-eperm", "ATTACH reports SIGSTOP; a second ATTACH fails with EPERM",
                        "utrace-spec §5 case 27", SpecScenarios::attachTwice),
                new Scenario("c28-syscall-stops", "syscall stops with and without TRACESYSGOOD; SYSCALL from a fork event",
                        "utrace-spec §5 case 28", SpecScenarios::syscallStops),
                new Scenario("c29-tracefork", "TRACEFORK traces the child with the parent's options",
                        "utrace-spec §5 case 29", SpecScenarios::traceFork),
                new Scenario("c30-traceexec", "exec: an event stop with TRACEEXEC, a real SIGTRAP without",
                        "utrace-spec §5 case 30", SpecScenarios::traceExec),
                new Scenario("c31-vfork-done-and-exit", "VFORK and VFORK_DONE carry the child; EXIT carries 0x300",
                        "utrace-spec §5 case 31", SpecScenarios::vforkDoneAndExit),
                new Scenario("c32-signal-rewrite", "resume with 0 drops, with another signal rewrites, SETSIGINFO edits",
                        "utrace-spec §5 case 32", SpecScenarios::signalRewrite),
                new Scenario("c33-signal-at-syscall-and-exec", "a signal given at a syscall stop is queued; at an exec event it is lost",
                        "utrace-spec §5 case 33", SpecScenarios::signalAtSyscallAndExec),
                new Scenario("c34-step-over-syscall", "SINGLESTEP over a syscall instruction traps with TRAP_BRKPT",
                        "utrace-spec §5 case 34", SpecScenarios::stepOverSyscall),
                new Scenario("c35-step-into-handler", "SINGLESTEP(S) at S's stop stops at the handler's first instruction",
                        "utrace-spec §5 case 35", SpecScenarios::stepIntoHandler),
                new Scenario("c36-detach-signal", "DETACH(SIGUSR1) delivers it; DETACH from a group stop leaves it stopped",
                        "utrace-spec §5 case 36", SpecScenarios::detachSignal),
                new Scenario("c37-tracer-exits", "the tracer exits: a signal stop's signal is dropped, a group stop stays",
                        "utrace-spec §5 case 37", SpecScenarios::tracerExits),
                new Scenario("c38-requests-on-running", "EINVAL in a group stop, ESRCH while running; PTRACE_KILL kills",
                        "utrace-spec §5 case 38", SpecScenarios::requestsOnRunning),
                new Scenario("c40-setoptions-unknown-bit", "SETOPTIONS with an unknown bit fails and applies nothing",
                        "utrace-spec §5 case 40", SpecScenarios::setOptionsUnknownBit));
    }

    private static void attachTwice(Script s) {
        int t = s.spawn("pause-loop");
        s.awaitSyscall(t, NR_PAUSE);
        s.attach(t);
        s.expectWait(t, stop(SIGSTOP));
        s.checkEq(SIGSTOP, s.getSigInfo(t).signo(), "si_signo");
        s.expectErrno(EPERM, () -> s.attach(t));
        int other = s.spawnTryAttach(t);
        s.checkEq(exit(EPERM), s.reap(other), "another process's ATTACH (exit status = errno)");
    }

    private static void syscallStops(Script s) {
        int t = s.spawnTraceme("syscalls");
        s.expectWait(t, stop(SIGSTOP));
        s.syscall(t, 0);
        s.expectWait(t, SYSCALL_STOP);
        s.checkEq(SIGTRAP, s.getSigInfo(t).code(), "si_code at entry");
        s.syscall(t, 0);
        s.expectWait(t, SYSCALL_STOP);
        s.setOptions(t, PTRACE_O_TRACESYSGOOD);
        s.syscall(t, 0);
        s.expectWait(t, SYSGOOD_STOP);
        s.checkEq(0x85, s.getSigInfo(t).code(), "si_code at entry with TRACESYSGOOD");
        s.syscall(t, 0);
        s.expectWait(t, SYSGOOD_STOP);
        long[] r = s.getRegs(t, "orig_rax", "rax:pid");
        s.checkEq(NR_GETPPID, r[Script.ORIG_RAX], "orig_rax");
        s.check(s.pid(r[Script.RAX]).equals("P"), "getppid should return the tracer's process");
        s.cont(t, 0);
        s.expectWait(t, exit(0));

        int f = s.spawnTraceme("fork-close");
        EventScenarios.toForkEvent(s, f);
        s.syscall(f, 0);
        s.expectWait(f, SYSGOOD_STOP);
        s.checkEq(NR_CLONE, s.getRegs(f, "orig_rax")[Script.ORIG_RAX], "orig_rax (the exit of clone)");
        s.cont(f, 0);
        s.expectWait(f, exit(0));
    }

    private static void traceFork(Script s) {
        int t = s.spawnTraceme("fork-close");
        s.expectWait(t, stop(SIGUSR1));
        s.setOptions(t, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK);
        s.cont(t, 0);
        s.expectWait(t, event(PTRACE_EVENT_FORK));
        int child = s.getEventMsgPid(t);
        s.expectWait(child, stop(SIGSTOP));
        s.checkEq(SIGSTOP, s.getSigInfo(child).signo(), "the child's first stop");
        s.syscall(child, 0);
        // The 0x80 shows the child inherited TRACESYSGOOD.
        s.expectWait(child, SYSGOOD_STOP);
        s.getRegs(child, "orig_rax");
        s.cont(child, 0);
        s.expectWait(child, exit(0));
        s.cont(t, 0);
        s.expectWait(t, exit(0));
    }

    private static void traceExec(Script s) {
        int a = s.spawnTraceme("traceme-exec");
        s.expectWait(a, stop(SIGSTOP));
        s.setOptions(a, PTRACE_O_TRACEEXEC);
        s.cont(a, 0);
        s.expectWait(a, event(PTRACE_EVENT_EXEC));
        s.checkEq(0x405, s.getSigInfo(a).code(), "si_code");
        s.cont(a, 0);
        s.expectWait(a, exit(1));

        int b = s.spawnTraceme("traceme-exec");
        s.expectWait(b, stop(SIGSTOP));
        s.cont(b, 0);
        s.expectWait(b, stop(SIGTRAP));
        SigInfo i = s.getSigInfo(b);
        s.checkEq(0, i.code(), "si_code (SI_USER)");
        s.checkEq(b, i.pid(), "si_pid");
        s.cont(b, 0);
        s.expectWait(b, exit(1));
    }

    private static void vforkDoneAndExit(Script s) {
        // The vfork half is survey scenario 17's script; the spec's case adds the exit event.
        EventScenarios.vforkEvents(s);
        int e = s.spawnTraceme("traceme-stop", "3");
        s.expectWait(e, stop(SIGSTOP));
        s.setOptions(e, PTRACE_O_TRACEEXIT);
        s.cont(e, 0);
        s.expectWait(e, event(PTRACE_EVENT_EXIT));
        s.checkEq(0x300, s.getEventMsg(e), "EXIT's message");
        s.cont(e, 0);
        s.expectWait(e, exit(3));
    }

    private static void signalRewrite(Script s) {
        int t = s.spawnTraceme("siginfo-handlers");
        // Resumed with 0: the signal is gone.
        s.expectWait(t, stop(SIGUSR1));
        long handled = s.symbol(t, "zoo_handled");
        s.cont(t, 0);
        s.expectWait(t, stop(SIGSTOP));
        s.checkEq(0, s.peekData(t, handled, "zoo_handled"), "handlers run");
        // Resumed with SIGUSR2: SIGUSR2 arrives, from the tracer.
        s.cont(t, 0);
        s.expectWait(t, stop(SIGUSR1));
        s.cont(t, SIGUSR2);
        s.expectWait(t, stop(SIGSTOP));
        s.checkEq(1, s.peekData(t, handled, "zoo_handled"), "handlers run");
        s.checkEq(SIGUSR2, s.peekData(t, s.symbol(t, "zoo_seen_signo"), "zoo_seen_signo"), "signal handled");
        s.checkEq(0, s.peekData(t, s.symbol(t, "zoo_seen_code"), "zoo_seen_code"), "si_code seen (SI_USER)");
        long pid = s.peekDataPid(t, s.symbol(t, "zoo_seen_pid"), "zoo_seen_pid");
        s.check(s.pid(pid).equals("PT"), "si_pid seen should be the tracer thread");
        // SETSIGINFO, then resumed with the same signal: the handler sees the edit.
        s.cont(t, 0);
        s.expectWait(t, stop(SIGUSR1));
        SigInfo i = s.getSigInfo(t);
        s.setSigInfo(t, i.withCodeAndValue(-1, 0x1234));
        s.cont(t, SIGUSR1);
        s.expectWait(t, stop(SIGSTOP));
        s.checkEq(2, s.peekData(t, handled, "zoo_handled"), "handlers run");
        s.checkEq(-1, s.peekData(t, s.symbol(t, "zoo_seen_code"), "zoo_seen_code"), "si_code seen (SI_QUEUE)");
        s.checkEq(0x1234, s.peekData(t, s.symbol(t, "zoo_seen_value"), "zoo_seen_value"), "si_value seen");
        s.cont(t, 0);
        s.expectWait(t, exit(0));
    }

    private static void signalAtSyscallAndExec(Script s) {
        int t = s.spawnTraceme("syscalls");
        s.expectWait(t, stop(SIGSTOP));
        s.syscall(t, 0);
        s.expectWait(t, SYSCALL_STOP);
        s.cont(t, SIGUSR1);
        s.expectWait(t, stop(SIGUSR1));
        s.getSigInfo(t);
        s.cont(t, 0);
        s.expectWait(t, exit(0));

        int e = s.spawnTraceme("traceme-exec");
        s.expectWait(e, stop(SIGSTOP));
        s.setOptions(e, PTRACE_O_TRACEEXEC);
        s.cont(e, 0);
        s.expectWait(e, event(PTRACE_EVENT_EXEC));
        s.cont(e, SIGUSR1);
        s.expectWait(e, exit(1));
    }

    private static void stepOverSyscall(Script s) {
        int t = s.spawnTraceme("syscalls");
        s.expectWait(t, stop(SIGSTOP));
        s.setOptions(t, PTRACE_O_TRACESYSGOOD);
        s.syscall(t, 0);
        s.expectWait(t, SYSGOOD_STOP);
        s.singlestep(t, 0);
        s.expectWait(t, SYSCALL_STOP);
        SigInfo i = s.getSigInfo(t);
        s.checkEq(1, i.code(), "si_code (TRAP_BRKPT)");
        long[] r = s.getRegs(t, "orig_rax", "rax:pid", "rip:addr");
        s.checkEq(NR_GETPPID, r[Script.ORIG_RAX], "orig_rax");
        s.checkEq(r[Script.RIP], i.addr(), "si_addr (the pc after the syscall instruction)");
        s.cont(t, 0);
        s.expectWait(t, exit(0));
    }

    private static void stepIntoHandler(Script s) {
        int t = s.spawnTraceme("alarm-handler");
        s.expectWait(t, stop(SIGALRM));
        s.singlestep(t, SIGALRM);
        s.expectWait(t, SYSCALL_STOP);
        s.getSigInfo(t);
        s.checkEq(s.symbol(t, "zoo_on_alarm"), s.getRegs(t, "rip:addr")[Script.RIP], "pc at the handler");
        s.cont(t, 0);
        s.expectWait(t, exit(0));
    }

    private static void detachSignal(Script s) {
        int t = s.spawnTraceme("usr1-exit42", "traceme");
        s.expectWait(t, stop(SIGSTOP));
        s.detach(t, SIGUSR1);
        s.checkEq(exit(42), s.reap(t), "the SIGUSR1 handler ran after detach");

        // The spec's 2009 ptrace let a task detached from a group stop run; today's kernel keeps it stopped.
        int g = s.spawn("pause-loop");
        s.awaitSyscall(g, NR_PAUSE);
        s.attach(g);
        s.expectWait(g, stop(SIGSTOP));
        s.cont(g, SIGSTOP);
        s.expectWait(g, stop(SIGSTOP));
        s.detach(g, 0);
        s.expectState(g, 'T');
    }

    private static void tracerExits(Script s) {
        int t = s.spawn("usr1-exit42");
        s.awaitSyscall(t, NR_PAUSE);
        int g = s.spawn("pause-loop");
        s.awaitSyscall(g, NR_PAUSE);
        s.inTracerThatExits(second -> {
            second.attach(t);
            second.expectWait(t, stop(SIGSTOP));
            second.kill(t, SIGUSR1);
            second.cont(t, 0);
            second.expectWait(t, stop(SIGUSR1));
            second.attach(g);
            second.expectWait(g, stop(SIGSTOP));
            second.cont(g, SIGSTOP);
            second.expectWait(g, stop(SIGSTOP));
        });
        // The spec's ptrace delivered the signal of the stop; 6.18 drops it: the handler (exit 42)
        // never runs, and the task sleeps on in pause(), untraced.
        s.expectState(t, 'S');
        s.settle();
        s.checkEq(0, s.parentWait(t, Script.WNOHANG), "parent's wait (the handler did not run)");
        s.expectState(g, 'T');
        s.kill(t, SIGKILL);
        s.checkEq(SIGKILL, s.reap(t), "reaped status");
    }

    private static void requestsOnRunning(Script s) {
        int t = s.spawn("pause-loop");
        s.awaitSyscall(t, NR_PAUSE);
        s.attach(t);
        s.expectWait(t, stop(SIGSTOP));
        s.cont(t, SIGSTOP);
        s.expectWait(t, stop(SIGSTOP));
        s.expectErrno(EINVAL, () -> s.getSigInfo(t));
        s.kill(t, SIGCONT);
        s.cont(t, 0);
        s.expectWait(t, stop(SIGCONT));
        s.cont(t, 0);
        s.awaitSyscall(t, NR_PAUSE);
        s.expectErrno(ESRCH, () -> s.getRegs(t));
        s.expectErrno(ESRCH, () -> s.getSigInfo(t));
        s.expectErrno(ESRCH, () -> s.cont(t, 0));
        // Since Linux 5.19 PTRACE_KILL sends SIGKILL whatever the state; the spec's "C unaffected" is history.
        s.ptraceKill(t);
        s.expectWait(t, SIGKILL);
    }

    private static void setOptionsUnknownBit(Script s) {
        int t = s.spawnTraceme("syscalls");
        s.expectWait(t, stop(SIGSTOP));
        s.expectErrno(EINVAL, () -> s.setOptions(t, PTRACE_O_TRACESYSGOOD | 0x100));
        // TRACESYSGOOD was not applied either: the next syscall stop has no 0x80.
        s.syscall(t, 0);
        s.expectWait(t, SYSCALL_STOP);
        s.cont(t, 0);
        s.expectWait(t, exit(0));
    }
}
