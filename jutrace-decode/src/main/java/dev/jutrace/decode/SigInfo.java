package dev.jutrace.decode;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * strace's rendering of an x86_64 siginfo_t, the 128 bytes PTRACE_GETSIGINFO returns:
 * {@code {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1234, si_uid=0, si_status=0, si_utime=0, si_stime=0}}.
 *
 * <p>Which fields print depends on which member of the kernel's union the sender filled, and
 * that is decided by si_code first (a code of 0 or below was sent from user space) and by the
 * signal second; {@link Union} names the members as asm-generic/siginfo.h does.
 */
public final class SigInfo {

    /** The size of siginfo_t on every Linux architecture. */
    public static final int SIZE = 128;

    /** The members of siginfo_t's union, as asm-generic/siginfo.h names them. */
    enum Union {
        /** kill(2), tkill(2): si_pid, si_uid. */
        KILL,
        /** POSIX timers: si_timerid, si_overrun, si_value. */
        TIMER,
        /** sigqueue(3) and other user-sent codes: si_pid, si_uid, and si_value when set. */
        RT,
        /** A child changed state: si_pid, si_uid, si_status, si_utime, si_stime. */
        SIGCHLD,
        /** A fault: si_addr, plus bounds, protection key or address granularity for some codes. */
        SIGFAULT,
        /** I/O readiness: si_band, si_fd. */
        SIGPOLL,
        /** seccomp: si_call_addr, si_syscall, si_arch. */
        SIGSYS,
        /** A code the signal does not define: no fields. */
        NONE
    }

    // Offsets into x86_64 siginfo_t: three ints, padding, then the union at 16.
    private static final int SIGNO = 0, ERRNO = 4, CODE = 8;
    private static final int PID = 16, UID = 20, VALUE = 24;
    private static final int TIMERID = 16, OVERRUN = 20;
    private static final int STATUS = 24, UTIME = 32, STIME = 40;
    private static final int ADDR = 16, ADDR_LSB = 24, LOWER = 32, UPPER = 40, PKEY = 32;
    private static final int BAND = 16, FD = 24;
    private static final int CALL_ADDR = 16, SYSCALL = 24, ARCH = 28;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private static final Xlat SI_CODES = Xlat.load("si_codes");
    private static final Xlat ILL = Xlat.load("sigill_codes");
    private static final Xlat FPE = Xlat.load("sigfpe_codes");
    private static final Xlat SEGV = Xlat.load("sigsegv_codes");
    private static final Xlat BUS = Xlat.load("sigbus_codes");
    private static final Xlat TRAP = Xlat.load("sigtrap_codes");
    private static final Xlat CLD = Xlat.load("sigchld_codes");
    private static final Xlat POLL = Xlat.load("sigpoll_codes");
    private static final Xlat SYS = Xlat.load("sigsys_codes");
    private static final Xlat AUDIT_ARCH = Xlat.load("audit_arch");

    private static final int SIGILL = Signals.number("SIGILL"), SIGFPE = Signals.number("SIGFPE"),
            SIGSEGV = Signals.number("SIGSEGV"), SIGBUS = Signals.number("SIGBUS"),
            SIGTRAP = Signals.number("SIGTRAP"), SIGCHLD = Signals.number("SIGCHLD"),
            SIGPOLL = Signals.number("SIGPOLL"), SIGSYS = Signals.number("SIGSYS");

    private static final int SI_USER = code(SI_CODES, "SI_USER"), SI_TKILL = code(SI_CODES, "SI_TKILL"),
            SI_TIMER = code(SI_CODES, "SI_TIMER"), SI_SIGIO = code(SI_CODES, "SI_SIGIO");
    private static final int CLD_EXITED = code(CLD, "CLD_EXITED");
    private static final int SEGV_BNDERR = code(SEGV, "SEGV_BNDERR"), SEGV_PKUERR = code(SEGV, "SEGV_PKUERR");
    private static final int BUS_MCEERR_AR = code(BUS, "BUS_MCEERR_AR"), BUS_MCEERR_AO = code(BUS, "BUS_MCEERR_AO");
    private static final long AUDIT_ARCH_X86_64 = AUDIT_ARCH.value("AUDIT_ARCH_X86_64");

    /** {@code __NR_getpid} for every x86_64 syscall, built once rather than per signal. */
    private static final String[] NR_NAMES = new String[SyscallTable.x86_64().size()];

    static {
        for (int nr = 0; nr < NR_NAMES.length; nr++) {
            String name = SyscallTable.x86_64().knownName(nr);
            NR_NAMES[nr] = name != null ? "__NR_" + name : null;
        }
    }

    /** The decoder's writer for {@link #format(byte[], StringBuilder)}; siginfo has no strings, so the options do not matter. */
    private static final ThreadLocal<ArgWriter> WRITER = ThreadLocal.withInitial(() -> new ArgWriter(DecodeOptions.DEFAULT));

    private SigInfo() {}

    /**
     * Appends strace's rendering of a 128-byte x86_64 siginfo_t, e.g.
     * {@code {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1234, si_uid=0, si_status=0, si_utime=0, si_stime=0}}.
     */
    public static void format(byte[] siginfo, StringBuilder out) {
        ArgWriter writer = WRITER.get();
        writer.start(out, Memory.NONE);
        print(siginfo, writer);
    }

    /** Prints a siginfo_t as one value of {@code out}, for decoders of calls that take one. */
    public static void print(byte[] siginfo, ArgWriter out) {
        if (siginfo.length < SIZE) {
            throw new IllegalArgumentException("siginfo_t is " + SIZE + " bytes, got " + siginfo.length);
        }
        int signo = i32(siginfo, SIGNO), errno = i32(siginfo, ERRNO), code = i32(siginfo, CODE);
        out.beginStruct();
        out.field("si_signo");
        out.signal(signo);
        out.field("si_code");
        code(signo, code, out);
        if (errno != 0) {
            out.field("si_errno"); // after si_code, out of struct order, as strace prints it
            out.errno(errno);
        }
        switch (union(signo, code)) {
            case KILL -> sender(siginfo, out);
            case RT -> {
                // A kernel-sent signal with no sender (a tracer's restart signal) shows none, as in strace.
                if (code <= 0 || i32(siginfo, PID) != 0 || i32(siginfo, UID) != 0) {
                    sender(siginfo, out);
                }
                if (i64(siginfo, VALUE) != 0) {
                    value(siginfo, out);
                }
            }
            case TIMER -> {
                out.field("si_timerid");
                out.hex(Integer.toUnsignedLong(i32(siginfo, TIMERID)));
                out.field("si_overrun");
                out.int32(i32(siginfo, OVERRUN));
                value(siginfo, out);
            }
            case SIGCHLD -> child(siginfo, code, out);
            case SIGFAULT -> fault(siginfo, signo, code, out);
            case SIGPOLL -> {
                out.field("si_band");
                out.signed(i64(siginfo, BAND));
                out.field("si_fd");
                out.int32(i32(siginfo, FD));
            }
            case SIGSYS -> seccomp(siginfo, out);
            case NONE -> {}
        }
        out.endStruct();
    }

    /** Which union member the sender filled. */
    static Union union(int signo, int code) {
        if (code <= 0) {
            // Sent from user space (or by the kernel on a user's behalf): the code says what was sent.
            if (code == SI_USER || code == SI_TKILL) {
                return Union.KILL;
            } else if (code == SI_TIMER) {
                return Union.TIMER;
            } else if (code == SI_SIGIO) {
                return Union.SIGPOLL;
            }
            return Union.RT;
        }
        if (signo == SIGCHLD) {
            return Union.SIGCHLD;
        } else if (signo == SIGILL || signo == SIGFPE || signo == SIGSEGV || signo == SIGBUS || signo == SIGTRAP) {
            return Union.SIGFAULT;
        } else if (signo == SIGPOLL) {
            return POLL.name(code) != null ? Union.SIGPOLL : Union.NONE;
        } else if (signo == SIGSYS) {
            return Union.SIGSYS;
        }
        return Union.RT;
    }

    private static void code(int signo, int code, ArgWriter out) {
        Xlat own = code > 0 ? codesOf(signo) : null;
        String name = own != null ? own.name(code) : null;
        if (name == null) {
            name = SI_CODES.name(code);
        }
        if (name != null) {
            out.symbol(name);
        } else {
            out.hex(Integer.toUnsignedLong(code));
        }
    }

    private static Xlat codesOf(int signo) {
        if (signo == SIGILL) {
            return ILL;
        } else if (signo == SIGFPE) {
            return FPE;
        } else if (signo == SIGSEGV) {
            return SEGV;
        } else if (signo == SIGBUS) {
            return BUS;
        } else if (signo == SIGTRAP) {
            return TRAP;
        } else if (signo == SIGCHLD) {
            return CLD;
        } else if (signo == SIGPOLL) {
            return POLL;
        } else if (signo == SIGSYS) {
            return SYS;
        }
        return null;
    }

    private static void sender(byte[] si, ArgWriter out) {
        out.field("si_pid");
        out.int32(i32(si, PID));
        out.field("si_uid");
        uid(i32(si, UID), out);
    }

    /** A uid is unsigned, but strace shows the "no uid" value -1 as -1. */
    private static void uid(int uid, ArgWriter out) {
        if (uid == -1) {
            out.int32(uid);
        } else {
            out.uint32(uid);
        }
    }

    private static void value(byte[] si, ArgWriter out) {
        out.field("si_int");
        out.int32(i32(si, VALUE));
        out.field("si_ptr");
        out.pointer(i64(si, VALUE));
    }

    private static void child(byte[] si, int code, ArgWriter out) {
        sender(si, out);
        out.field("si_status");
        int status = i32(si, STATUS);
        if (code == CLD_EXITED) {
            out.int32(status); // an exit code
        } else {
            out.signal(status); // the signal that killed, stopped or continued it
        }
        out.field("si_utime");
        ticks(i64(si, UTIME), out);
        out.field("si_stime");
        ticks(i64(si, STIME), out);
    }

    private static void ticks(long ticks, ArgWriter out) {
        out.unsigned(ticks);
        if (ticks != 0) {
            out.commentTicks(ticks);
        }
    }

    private static void fault(byte[] si, int signo, int code, ArgWriter out) {
        out.field("si_addr");
        out.pointer(i64(si, ADDR));
        if (signo == SIGSEGV && code == SEGV_BNDERR) {
            out.field("si_lower");
            out.pointer(i64(si, LOWER));
            out.field("si_upper");
            out.pointer(i64(si, UPPER));
        } else if (signo == SIGSEGV && code == SEGV_PKUERR) {
            out.field("si_pkey");
            out.uint32(i32(si, PKEY));
        } else if (signo == SIGBUS && (code == BUS_MCEERR_AR || code == BUS_MCEERR_AO)) {
            out.field("si_addr_lsb");
            out.hex(Short.toUnsignedLong((short) SHORT.get(si, ADDR_LSB)));
        }
    }

    private static void seccomp(byte[] si, ArgWriter out) {
        out.field("si_call_addr");
        out.pointer(i64(si, CALL_ADDR));
        int nr = i32(si, SYSCALL);
        long arch = Integer.toUnsignedLong(i32(si, ARCH));
        out.field("si_syscall");
        // Names come from the x86_64 table only; another architecture's numbers print bare.
        String name = arch == AUDIT_ARCH_X86_64 ? SyscallTable.x86_64().knownName(nr) : null;
        if (name != null) {
            out.symbol(NR_NAMES[nr]);
        } else {
            out.uint32(nr);
        }
        out.field("si_arch");
        out.value(AUDIT_ARCH, arch);
    }

    private static int code(Xlat table, String name) {
        return (int) table.value(name);
    }

    private static int i32(byte[] b, int offset) {
        return (int) INT.get(b, offset);
    }

    private static long i64(byte[] b, int offset) {
        return (long) LONG.get(b, offset);
    }
}
