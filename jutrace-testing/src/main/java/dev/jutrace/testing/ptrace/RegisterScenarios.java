package dev.jutrace.testing.ptrace;

import static dev.jutrace.testing.ptrace.Consts.*;

import java.util.List;
import java.util.Set;

/** Survey scenario 24: what the kernel accepts, refuses and adjusts in register writes. */
final class RegisterScenarios {
    private RegisterScenarios() {}

    static List<Scenario> all() {
        return List.of(new Scenario("s24-register-coherence", "SETREGS/GETREGS round trip; POKEUSER accepts, refuses, adjusts",
                "survey 24; user-regs-peekpoke, peekpokeusr, watchpoint-zeroaddr", RegisterScenarios::registers));
    }

    /** Words the kernel validates or rewrites, left out of the round trip. */
    private static final Set<Integer> GUARDED = Set.of(Script.RIP, Script.CS, Script.EFLAGS, Script.SS,
            Script.FS_BASE, Script.FS_BASE + 1, 23, 24, 25, 26);

    private static void registers(Script s) {
        int t = s.spawnTraceme("traceme-stop", "0");
        s.expectWait(t, stop(SIGSTOP));
        long[] original = s.getRegs(t, "orig_rax");
        long[] pattern = original.clone();
        for (int i = 0; i < pattern.length; i++) {
            if (!GUARDED.contains(i)) pattern[i] = 0x0101010101010101L * (i + 1);
        }
        s.setRegs(t, pattern, "r15:hex", "rax:hex", "orig_rax:hex");
        long[] back = s.getRegs(t, "r15:hex", "rax:hex", "orig_rax:hex");
        for (int i = 0; i < pattern.length; i++) {
            if (!GUARDED.contains(i)) s.checkEq(pattern[i], back[i], Script.regName(i) + " after SETREGS");
        }
        s.setRegs(t, original, "orig_rax");

        // Accepted as written.
        s.pokeUser(t, user(Script.CS), "cs", 0xffff);
        s.pokeUser(t, user(Script.CS), "cs", original[Script.CS]);
        s.pokeUser(t, user(Script.SS), "ss", 0x2b);
        s.pokeUser(t, user(Script.RIP), "rip", 0x8000000000000000L);
        s.setRegs(t, original, "rip:addr");
        s.pokeUser(t, user(Script.ORIG_RAX), "orig_rax", 0x123456789L);
        s.checkEq(0x123456789L, s.peekUser(t, user(Script.ORIG_RAX), "orig_rax"), "orig_rax read back");
        s.pokeUser(t, debugReg(7), "dr7", 0xd0001);
        s.pokeUser(t, debugReg(0), "dr0", 0);
        s.pokeUser(t, debugReg(7), "dr7", 0);

        // Refused with EIO.
        s.expectErrno(EIO, () -> s.pokeUser(t, user(Script.CS), "cs", 0x10));
        s.expectErrno(EIO, () -> s.pokeUser(t, user(Script.FS_BASE), "fs_base", 0x800000000000L));
        s.expectErrno(EIO, () -> s.pokeUser(t, debugReg(4), "dr4", 0));
        s.expectErrno(EIO, () -> s.pokeUser(t, debugReg(5), "dr5", 0));
        s.expectErrno(EIO, () -> s.pokeUser(t, 3, "offset 3", 0));

        // Adjusted: TF stays, ID (bit 21) is dropped.
        s.pokeUser(t, user(Script.EFLAGS), "eflags", 0x246 | 0x100 | 0x200000);
        s.checkEq(0x346, s.peekUser(t, user(Script.EFLAGS), "eflags"), "eflags read back");
    }
}
