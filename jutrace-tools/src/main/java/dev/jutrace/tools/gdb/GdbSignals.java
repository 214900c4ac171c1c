package dev.jutrace.tools.gdb;

/**
 * Signal numbers on the wire are gdb's own target-independent numbering (GDB_SIGNAL_*, the old
 * SunOS order), not Linux's: SIGUSR1 is 10 on Linux and 30 to gdb. This table maps between them.
 */
final class GdbSignals {
    private GdbSignals() {}

    /** Linux signal number → gdb's, for 0..31; real-time signals are computed. */
    private static final int[] TO_GDB = {
        0, 1, 2, 3, 4, 5, 6, 10, 8, 9, // 0 ..9: -, HUP INT QUIT ILL TRAP ABRT BUS FPE KILL
        30, 11, 31, 13, 14, 15, 143, 20, 19, 17, // 10..19: USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP
        18, 21, 22, 16, 24, 25, 26, 27, 28, 23, // 20..29: TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO
        32, 12, // 30..31: PWR SYS
    };

    /** gdb's GDB_SIGNAL_UNKNOWN, for a number it has no name for. */
    private static final int UNKNOWN = 143;

    static int toGdb(int linux) {
        if (linux >= 0 && linux < 32) return TO_GDB[linux];
        if (linux == 32) return 77; // GDB_SIGNAL_REALTIME_32
        if (linux >= 33 && linux <= 63) return 45 + (linux - 33); // REALTIME_33..63
        if (linux == 64) return 78; // REALTIME_64
        return UNKNOWN;
    }

    /** gdb's number → Linux's, or 0 when Linux has no such signal. */
    static int toLinux(int gdb) {
        if (gdb == 0) return 0;
        for (int s = 1; s < 32; s++) if (TO_GDB[s] == gdb && gdb != UNKNOWN) return s;
        if (gdb == 77) return 32;
        if (gdb >= 45 && gdb <= 75) return 33 + (gdb - 45);
        if (gdb == 78) return 64;
        return 0;
    }
}
