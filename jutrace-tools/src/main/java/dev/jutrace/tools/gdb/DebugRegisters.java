package dev.jutrace.tools.gdb;

import dev.jutrace.sys.Ptrace;

/**
 * x86 debug registers as hardware watchpoints: DR0..DR3 hold addresses, DR7 enables them with a
 * condition (write, or read-or-write) and a length (1, 2, 4 or 8 bytes), DR6 says which one
 * fired. The kernel exposes them through PTRACE_PEEKUSER/POKEUSER at
 * {@code offsetof(struct user, u_debugreg)}; they are per thread, so every thread of the process
 * gets the same four. Calls must run on the tracer thread, with the thread stopped.
 */
final class DebugRegisters {
    private DebugRegisters() {}

    /** {@code offsetof(struct user, u_debugreg)} on x86_64. */
    private static final long OFFSET = 848;
    static final int SLOTS = 4;
    static final int WRITE = 1, ACCESS = 3;

    /** One watchpoint: what gdb asked for. */
    record Watch(long address, int length, int condition) {
        /** The stop-reply field gdb expects when it fires. */
        String reason() {
            return (condition == WRITE ? "watch:" : "awatch:") + Long.toHexString(address) + ";";
        }
    }

    /** Whether the address and length fit a debug register: 1, 2, 4 or 8 bytes, aligned. */
    static boolean fits(long address, int length) {
        return (length == 1 || length == 2 || length == 4 || length == 8) && (address & (length - 1)) == 0;
    }

    /** DR7 for the slots in use: local enable, condition and length of each. */
    static long control(Watch[] slots) {
        long dr7 = 0;
        for (int i = 0; i < SLOTS; i++) {
            Watch w = slots[i];
            if (w == null) continue;
            long len = switch (w.length()) {
                case 1 -> 0;
                case 2 -> 1;
                case 8 -> 2;
                default -> 3;
            };
            dr7 |= 1L << (2 * i);
            dr7 |= ((long) w.condition() | len << 2) << (16 + 4 * i);
        }
        return dr7;
    }

    /**
     * Loads {@code slots} into the thread's debug registers. Returns 0, or the errno when the
     * machine (a VM without debug-register passthrough) or the kernel refuses.
     */
    static int load(int tid, Watch[] slots) {
        // Disable first: the kernel checks each address against the enabled conditions.
        long rc = Ptrace.raw(Ptrace.PTRACE_POKEUSER, tid, OFFSET + 7 * 8, 0);
        if (rc < 0) return (int) -rc;
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i] == null) continue;
            rc = Ptrace.raw(Ptrace.PTRACE_POKEUSER, tid, OFFSET + i * 8L, slots[i].address());
            if (rc < 0) return (int) -rc;
        }
        long dr7 = control(slots);
        if (dr7 != 0) {
            rc = Ptrace.raw(Ptrace.PTRACE_POKEUSER, tid, OFFSET + 7 * 8, dr7);
            if (rc < 0) return (int) -rc;
        }
        return 0;
    }

    /** Which slot fired according to DR6 (and clears it), or -1. */
    static int fired(int tid) {
        long dr6 = Ptrace.raw(Ptrace.PTRACE_PEEKUSER, tid, OFFSET + 6 * 8, 0);
        if (dr6 <= 0) return -1;
        Ptrace.raw(Ptrace.PTRACE_POKEUSER, tid, OFFSET + 6 * 8, 0);
        for (int i = 0; i < SLOTS; i++) if ((dr6 & (1L << i)) != 0) return i;
        return -1;
    }
}
