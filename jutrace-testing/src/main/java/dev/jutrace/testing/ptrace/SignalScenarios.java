package dev.jutrace.testing.ptrace;

import static dev.jutrace.testing.ptrace.Consts.*;

import java.util.List;

/**
 * Survey scenarios 6-8, 10, 11, 22 and 23, and the restart_block negative control: signals
 * injected at resume and detach, signals at syscall stops, and register edits around restartable
 * system calls.
 */
final class SignalScenarios {
    private SignalScenarios() {}

    static List<Scenario> all() {
        return List.of(
                new Scenario("s06-detach-parting-signal", "DETACH(SIGUSR2) from a signal stop kills with SIGUSR2",
                        "survey 6; detach-parting-signal", SignalScenarios::detachPartingSignal),
                new Scenario("s07-injected-signal-handler", "CONT(SIGUSR1) runs the SA_RESETHAND handler",
                        "survey 7; sa-resethand-on-cont-signal", SignalScenarios::injectedSignalHandler),
                new Scenario("s08-blocked-injection-requeued", "an injected blocked signal is queued, not delivered",
                        "survey 8; ptrace_cont-defeats-sigblock", SignalScenarios::blockedInjection),
                new Scenario("s10-signal-at-syscall-entry", "a signal sent at a syscall-entry stop is reported after CONT",
                        "survey 10; signal-loss", SignalScenarios::signalAtSyscallEntry),
                new Scenario("s11-no-double-report", "SYSCALL(SIGSTOP) is reported once",
                        "survey 11; waitpid-double-report", SignalScenarios::noDoubleReport),
                new Scenario("s22-inferior-call-restart", "an inferior call across an interrupted sleep, which then restarts",
                        "survey 22; erestartsys", SignalScenarios::inferiorCallRestart),
                new Scenario("s23-syscall-reset", "emulating a syscall at entry needs orig_rax = -1 on 6.18",
                        "survey 23; syscall-reset", SignalScenarios::syscallReset),
                new Scenario("n01-restart-block", "negative control: restoring registers does not restore restart_block",
                        "survey negative control; restart_block (XFAIL)", SignalScenarios::restartBlock));
    }

    private static void detachPartingSignal(Script s) {
        int t = s.spawnTraceme("traceme-raise", "10", "42");
        s.expectWait(t, stop(SIGUSR1));
        SigInfo i = s.getSigInfo(t);
        s.checkEq(-6, i.code(), "si_code (SI_TKILL)");
        s.checkEq(t, i.pid(), "si_pid");
        s.detach(t, SIGUSR2);
        s.checkEq(SIGUSR2, s.reap(t), "killed by SIGUSR2, not exit 42");
    }

    private static void injectedSignalHandler(Script s) {
        int t = s.spawn("resethand-pause");
        s.awaitSyscall(t, NR_PAUSE);
        s.attach(t);
        s.expectWait(t, stop(SIGSTOP));
        s.cont(t, SIGUSR1);
        s.expectWait(t, exit(42));
    }

    private static void blockedInjection(Script s) {
        int t = s.spawnTraceme("block-raise");
        s.expectWait(t, stop(SIGSTOP));
        s.cont(t, SIGUSR1);
        s.expectWait(t, stop(SIGSTOP));
        s.cont(t, 0);
        s.expectWait(t, stop(SIGUSR1));
        SigInfo i = s.getSigInfo(t);
        s.checkEq(0, i.code(), "si_code (SI_USER)");
        // si_pid names the tracer thread, not its process.
        s.check(s.pid(i.pid()).equals("PT"), "si_pid should be the tracer thread");
        s.cont(t, 0);
        s.expectWait(t, exit(42));
    }

    private static void signalAtSyscallEntry(Script s) {
        int t = s.spawn("pause-loop");
        s.awaitSyscall(t, NR_PAUSE);
        s.attach(t);
        s.expectWait(t, stop(SIGSTOP));
        s.setOptions(t, PTRACE_O_TRACESYSGOOD);
        s.syscall(t, 0);
        s.expectWait(t, SYSGOOD_STOP);
        long[] r = s.getRegs(t, "orig_rax", "rax");
        s.checkEq(NR_PAUSE, r[Script.ORIG_RAX], "orig_rax");
        s.checkEq(-ENOSYS, r[Script.RAX], "rax at entry");
        s.checkEq(1, s.getEventMsg(t), "event message (syscall entry)");
        s.kill(t, SIGINT);
        s.settle();
        s.expectNothing(t);
        s.cont(t, 0);
        s.expectWait(t, stop(SIGINT));
        SigInfo i = s.getSigInfo(t);
        s.checkEq(0, i.code(), "si_code (SI_USER)");
    }

    private static void noDoubleReport(Script s) {
        int t = s.spawnTraceme("traceme-kill", "19", "42");
        s.expectWait(t, stop(SIGSTOP));
        s.syscall(t, SIGSTOP);
        s.expectWait(t, stop(SIGSTOP));
        s.expectErrno(EINVAL, () -> s.getSigInfo(t));
        s.expectNothing(-1);
        s.syscall(t, 0);
        s.expectWait(t, SYSCALL_STOP);
        // kill() had returned before its SIGSTOP was delivered, so this is the next call's entry.
        s.checkEq(NR_EXIT_GROUP, s.getRegs(t, "orig_rax", "rax")[Script.ORIG_RAX], "orig_rax (the entry of exit_group)");
        s.cont(t, 0);
        s.expectWait(t, exit(42));
    }

    /** Registers for a call of the zoo's {@code function}: below the red zone, aligned as at a call. */
    static long[] inferiorCall(Script s, int t, long[] saved, String function) {
        long[] call = saved.clone();
        call[Script.RIP] = s.symbol(t, function);
        call[Script.RSP] = ((saved[Script.RSP] - 512) & ~15L) - 8;
        call[Script.ORIG_RAX] = -1;
        return call;
    }

    /** Runs the zoo's sleep-call role to its nanosleep and interrupts it with SIGINT. */
    private static long[] interruptedSleep(Script s, int t) {
        s.expectWait(t, stop(SIGSTOP));
        s.cont(t, 0);
        s.awaitSyscall(t, NR_CLOCK_NANOSLEEP);
        s.kill(t, SIGINT);
        s.expectWait(t, stop(SIGINT));
        long[] saved = s.getRegs(t, "orig_rax", "rax");
        s.checkEq(NR_CLOCK_NANOSLEEP, saved[Script.ORIG_RAX], "orig_rax");
        s.checkEq(ERESTART_RESTARTBLOCK, saved[Script.RAX], "rax (-ERESTART_RESTARTBLOCK)");
        return saved;
    }

    private static void inferiorCallRestart(Script s) {
        int t = s.spawnTraceme("sleep-call", "1");
        long[] saved = interruptedSleep(s, t);
        s.setRegs(t, inferiorCall(s, t, saved, "zoo_inferior_raise"), "rip:addr", "orig_rax");
        s.cont(t, 0);
        s.expectWait(t, stop(SIGUSR2));
        s.checkEq(42, s.peekData(t, s.symbol(t, "zoo_func_data"), "zoo_func_data"), "zoo_func_data");
        s.setRegs(t, saved, "rip:addr", "orig_rax", "rax");
        s.cont(t, 0);
        s.expectWait(t, stop(SIGUSR1));
        s.checkEq(0, s.peekData(t, s.symbol(t, "zoo_sleep_ret"), "zoo_sleep_ret"), "nanosleep's result");
        s.checkEq(0, s.peekData(t, s.symbol(t, "zoo_sleep_errno"), "zoo_sleep_errno"), "nanosleep's errno");
        s.cont(t, 0);
        s.expectWait(t, exit(0));
    }

    /** Resumes {@code t} with PTRACE_SYSCALL until it stops at the entry of {@code nr}. */
    static long[] syscallToEntry(Script s, int t, long nr, int stopStatus) {
        for (int i = 0; i < 10; i++) {
            s.syscall(t, 0);
            s.expectWait(t, stopStatus);
            long[] r = s.getRegs(t, "orig_rax", "rax");
            if (r[Script.ORIG_RAX] == nr && r[Script.RAX] == -ENOSYS) return r;
        }
        throw new ScenarioFailed("no entry to syscall " + nr + " within 10 syscall stops");
    }

    private static void syscallReset(Script s) {
        // Poking rax alone: 6.18 rewrites rax to -ENOSYS for an invalid number, so the tracee sees ENOSYS.
        int a = s.spawnTraceme("syscall-23");
        s.expectWait(a, stop(SIGUSR1));
        syscallToEntry(s, a, -23, SYSCALL_STOP);
        s.pokeUser(a, user(Script.RAX), "rax", -25);
        s.syscall(a, 0);
        s.expectWait(a, SYSCALL_STOP);
        s.checkEq(-ENOSYS, s.getRegs(a, "orig_rax", "rax")[Script.RAX], "rax at exit");
        s.cont(a, 0);
        s.expectWait(a, exit(ENOSYS));
        // With orig_rax = -1 too, the call is skipped and the poked result stands: ENOTTY.
        int b = s.spawnTraceme("syscall-23");
        s.expectWait(b, stop(SIGUSR1));
        syscallToEntry(s, b, -23, SYSCALL_STOP);
        s.pokeUser(b, user(Script.RAX), "rax", -25);
        s.pokeUser(b, user(Script.ORIG_RAX), "orig_rax", -1);
        s.syscall(b, 0);
        s.expectWait(b, SYSCALL_STOP);
        s.checkEq(-25, s.getRegs(b, "orig_rax", "rax")[Script.RAX], "rax at exit");
        s.cont(b, 0);
        s.expectWait(b, exit(25));
    }

    /** /proc/TID/stack, which only root may read; null where it cannot be read. */
    private static String kernelStack(int tid) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + tid + "/stack"));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void restartBlock(Script s) {
        int t = s.spawnTraceme("sleep-call", "1");
        long[] saved = interruptedSleep(s, t);
        s.setRegs(t, inferiorCall(s, t, saved, "zoo_inferior_poll"), "rip:addr", "orig_rax");
        s.cont(t, 0);
        s.awaitSyscall(t, NR_POLL);
        s.kill(t, SIGINT);
        s.expectWait(t, stop(SIGINT));
        long[] poll = s.getRegs(t, "orig_rax", "rax");
        s.checkEq(NR_POLL, poll[Script.ORIG_RAX], "orig_rax (poll)");
        s.checkEq(ERESTART_RESTARTBLOCK, poll[Script.RAX], "rax (-ERESTART_RESTARTBLOCK)");
        // Back to the sleep's registers: the kernel restarts with the thread's restart_block,
        // which the poll overwrote, so the endless poll runs again in place of the one-second
        // sleep, and the sleep never ends.
        s.setRegs(t, saved, "rip:addr", "orig_rax", "rax");
        s.cont(t, 0);
        s.awaitSyscall(t, NR_RESTART_SYSCALL);
        Script.pause(1500);
        s.note("1.5 s later, longer than the sleep");
        s.expectNothing(t);
        s.expectState(t, 'S');
        String stack = kernelStack(t);
        if (stack != null) {
            s.check(stack.contains("do_restart_poll"), "the restarted call should be the poll, kernel stack:\n" + stack);
            s.note("kernel stack of " + s.pid(t) + " holds do_restart_poll");
        }
    }
}
