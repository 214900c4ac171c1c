package dev.jutrace.testing.ptrace;

import static dev.jutrace.testing.ptrace.Consts.*;

import java.util.List;

/** Survey scenarios 19-21 and block-step: single-stepping, into handlers, and around register writes. */
final class StepScenarios {
    private StepScenarios() {}

    private static final long TF = 0x100;

    static List<Scenario> all() {
        return List.of(
                new Scenario("s19-step-and-detach", "SINGLESTEP traps once; DETACH after it lets the task exit",
                        "survey 19; step-simple, step-detach", StepScenarios::stepAndDetach),
                new Scenario("s20-step-through-handler", "SINGLESTEP(SIGALRM) enters the handler; stepping returns through sigreturn",
                        "survey 20; step-into-handler, step-through-sigret", StepScenarios::stepThroughHandler),
                new Scenario("s21-no-tf-leak", "no stray single-step trap after SETREGS and CONT, or after stepping into a handler",
                        "survey 21; step-jump-cont, step-into-handler-cont", StepScenarios::noTrapFlagLeak),
                new Scenario("x01-block-step", "SINGLEBLOCK runs to the next taken branch",
                        "block-step", StepScenarios::blockStep),
                new Scenario("x02-watchpoint", "a DR0 write watchpoint traps with TRAP_HWBKPT and sets DR6.B0",
                        "watchpoint, watchpoint-step", StepScenarios::watchpoint));
    }

    private static void stepAndDetach(Script s) {
        int t = s.spawnTraceme("traceme-stop", "35");
        s.expectWait(t, stop(SIGSTOP));
        s.singlestep(t, 0);
        s.expectWait(t, SYSCALL_STOP);
        SigInfo i = s.getSigInfo(t);
        s.checkEq(2, i.code(), "si_code (TRAP_TRACE)");
        long[] r = s.getRegs(t, "rip:addr", "eflags:hex");
        s.checkEq(r[Script.RIP], i.addr(), "si_addr (the new pc)");
        s.checkEq(0, r[Script.EFLAGS] & TF, "TF as the tracer sees it");
        s.detach(t, 0);
        s.checkEq(exit(35), s.reap(t), "exit status (no SIGTRAP after detach)");
    }

    private static void stepThroughHandler(Script s) {
        int t = s.spawnTraceme("alarm-handler");
        s.expectWait(t, stop(SIGALRM));
        long interrupted = s.getRegs(t, "rip:addr")[Script.RIP];
        s.singlestep(t, SIGALRM);
        s.expectWait(t, SYSCALL_STOP);
        long rip = s.getRegs(t, "rip:addr")[Script.RIP];
        s.checkEq(s.symbol(t, "zoo_on_alarm"), rip, "pc at the handler's first instruction");
        for (int steps = 0; rip != interrupted; steps++) {
            s.check(steps < 200, "200 steps and still not back at the interrupted pc");
            s.singlestep(t, 0);
            s.expectWait(t, SYSCALL_STOP);
            rip = s.getRegs(t, "rip:addr")[Script.RIP];
        }
        s.cont(t, 0);
        s.expectWait(t, exit(0));
    }

    private static void jumpTo(Script s, int t, String function) {
        long[] regs = s.getRegs(t, "rip:addr");
        long[] jump = regs.clone();
        jump[Script.RIP] = s.symbol(t, function);
        jump[Script.RSP] = ((regs[Script.RSP] - 512) & ~15L) - 8;
        s.setRegs(t, jump, "rip:addr");
    }

    private static void noTrapFlagLeak(Script s) {
        int a = s.spawnTraceme("jump-target");
        s.expectWait(a, stop(SIGUSR1));
        s.singlestep(a, 0);
        s.expectWait(a, SYSCALL_STOP);
        for (int round = 0; round < 2; round++) {
            jumpTo(s, a, "zoo_jump_here");
            s.cont(a, 0);
            s.expectWait(a, stop(SIGUSR2));
        }
        s.cont(a, 0);
        s.expectWait(a, exit(0x23));

        int b = s.spawnTraceme("sigint-handler");
        s.expectWait(b, stop(SIGINT));
        s.singlestep(b, 0);
        s.expectWait(b, SYSCALL_STOP);
        s.singlestep(b, SIGINT);
        s.expectWait(b, SYSCALL_STOP);
        s.checkEq(s.symbol(b, "zoo_on_sigint"), s.getRegs(b, "rip:addr")[Script.RIP], "pc at the handler");
        s.singlestep(b, 0);
        s.expectWait(b, SYSCALL_STOP);
        s.cont(b, 0);
        s.expectWait(b, exit(0x23));
    }

    private static void watchpoint(Script s) {
        int t = s.spawnTraceme("watch-write");
        s.expectWait(t, stop(SIGSTOP));
        s.pokeUser(t, debugReg(0), "dr0", s.symbol(t, "zoo_func_data"), "&zoo_func_data");
        // L0, RW0 = 01 (writes), LEN0 = 10 (8 bytes).
        s.pokeUser(t, debugReg(7), "dr7", 0x90001);
        s.cont(t, 0);
        var w = s.waitpid(t, Script.WALL);
        if (w.status() == stop(SIGUSR1)) {
            s.skip("the write to a DR0-watched word did not trap: no hardware watchpoints on this machine");
        }
        s.checkEq(SYSCALL_STOP, w.status(), "the watchpoint's SIGTRAP");
        s.checkEq(4, s.getSigInfo(t).code(), "si_code (TRAP_HWBKPT)");
        s.checkEq(1, s.peekUser(t, debugReg(6), "dr6") & 1, "DR6.B0");
        s.pokeUser(t, debugReg(7), "dr7", 0);
        s.cont(t, 0);
        s.expectWait(t, stop(SIGUSR1));
    }

    private static void blockStep(Script s) {
        // The same start twice: one SINGLESTEP, one SINGLEBLOCK. Where they stop tells whether
        // the machine traps on branches at all.
        int step = s.spawnTraceme("block-step");
        s.expectWait(step, stop(SIGSTOP));
        s.singlestep(step, 0);
        s.expectWait(step, SYSCALL_STOP);
        String stepped = s.describe(step, s.getRegs(step, "rip:addr")[Script.RIP]);
        int block = s.spawnTraceme("block-step");
        s.expectWait(block, stop(SIGSTOP));
        s.singleblock(block, 0);
        s.expectWait(block, SYSCALL_STOP);
        String blocked = s.describe(block, s.getRegs(block, "rip:addr")[Script.RIP]);
        if (blocked.equals(stepped)) {
            s.skip("PTRACE_SINGLEBLOCK stopped after one instruction, as PTRACE_SINGLESTEP does:"
                    + " no branch trap (BTF) on this machine");
        }
        s.check(blocked.startsWith("main+"), "block step should end at the branch back into main, ended at " + blocked);
    }
}
