package dev.jutrace.sys;

import static dev.jutrace.sys.Native.INT;
import static dev.jutrace.sys.Native.LONG;
import static dev.jutrace.sys.Native.PTR;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * {@code ptrace(2)}. glibc declares it variadic, so it is bound twice: a word shape for requests
 * whose {@code addr} and {@code data} are plain values, and a pointer shape for requests that hand
 * the kernel a buffer. Buffers are the calling thread's scratch memory, copied to and from Java
 * arrays; the kernel accepts requests only from the thread that attached, so that thread is the
 * only one that ever needs them.
 *
 * <p>Every request has a {@code raw} form returning {@code -errno} and a checked form that throws
 * {@link ErrnoException} with a message such as {@code ptrace(PTRACE_CONT) failed: ESRCH}.
 */
public final class Ptrace {
    private Ptrace() {}

    public static final int PTRACE_TRACEME = 0;
    public static final int PTRACE_PEEKTEXT = 1;
    public static final int PTRACE_PEEKDATA = 2;
    public static final int PTRACE_PEEKUSER = 3;
    public static final int PTRACE_POKETEXT = 4;
    public static final int PTRACE_POKEDATA = 5;
    public static final int PTRACE_POKEUSER = 6;
    public static final int PTRACE_CONT = 7;
    public static final int PTRACE_KILL = 8;
    public static final int PTRACE_SINGLESTEP = 9;
    public static final int PTRACE_ATTACH = 16;
    public static final int PTRACE_DETACH = 17;
    public static final int PTRACE_SYSCALL = 24;
    public static final int PTRACE_SINGLEBLOCK = 33;
    public static final int PTRACE_SETOPTIONS = 0x4200;
    public static final int PTRACE_GETEVENTMSG = 0x4201;
    public static final int PTRACE_GETSIGINFO = 0x4202;
    public static final int PTRACE_SETSIGINFO = 0x4203;
    public static final int PTRACE_GETREGSET = 0x4204;
    public static final int PTRACE_SETREGSET = 0x4205;
    public static final int PTRACE_SEIZE = 0x4206;
    public static final int PTRACE_INTERRUPT = 0x4207;
    public static final int PTRACE_LISTEN = 0x4208;
    public static final int PTRACE_GET_SYSCALL_INFO = 0x420e;
    public static final int PTRACE_SET_SYSCALL_INFO = 0x4212;

    public static final int PTRACE_O_TRACESYSGOOD = 0x01;
    public static final int PTRACE_O_TRACEFORK = 0x02;
    public static final int PTRACE_O_TRACEVFORK = 0x04;
    public static final int PTRACE_O_TRACECLONE = 0x08;
    public static final int PTRACE_O_TRACEEXEC = 0x10;
    public static final int PTRACE_O_TRACEVFORKDONE = 0x20;
    public static final int PTRACE_O_TRACEEXIT = 0x40;
    public static final int PTRACE_O_TRACESECCOMP = 0x80;
    public static final int PTRACE_O_EXITKILL = 1 << 20;

    public static final int PTRACE_EVENT_FORK = 1;
    public static final int PTRACE_EVENT_VFORK = 2;
    public static final int PTRACE_EVENT_CLONE = 3;
    public static final int PTRACE_EVENT_EXEC = 4;
    public static final int PTRACE_EVENT_VFORK_DONE = 5;
    public static final int PTRACE_EVENT_EXIT = 6;
    public static final int PTRACE_EVENT_SECCOMP = 7;
    public static final int PTRACE_EVENT_STOP = 128;

    /** {@code PTRACE_GET_SYSCALL_INFO} op values. */
    public static final int SYSCALL_INFO_NONE = 0, SYSCALL_INFO_ENTRY = 1, SYSCALL_INFO_EXIT = 2,
            SYSCALL_INFO_SECCOMP = 3;

    private static final int NT_PRSTATUS = 1;
    /** Longs in x86_64 {@code struct user_regs_struct}; see {@link Regs}. */
    public static final int REGS_WORDS = 27;
    /** Bytes in {@code siginfo_t}. */
    public static final int SIGINFO_BYTES = 128;

    private static final MethodHandle PTRACE_WORD = Native.variadicErrnoCall("ptrace",
            FunctionDescriptor.of(LONG, INT, INT, LONG, LONG), 1);
    private static final MethodHandle PTRACE_POINTER = Native.variadicErrnoCall("ptrace",
            FunctionDescriptor.of(LONG, INT, INT, LONG, PTR), 1);

    /** The raw word-shaped request. Returns the kernel's result or {@code -errno}. */
    public static long raw(int request, int tid, long addr, long data) {
        Native.Scratch s = Native.scratch();
        try {
            long rc = (long) PTRACE_WORD.invokeExact(s.capture, request, tid, addr, data);
            return rc == -1 ? -Native.errno(s.capture) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The raw pointer-shaped request with a caller-owned buffer. */
    private static long rawPointer(Native.Scratch s, int request, int tid, long addr, MemorySegment data) {
        try {
            long rc = (long) PTRACE_POINTER.invokeExact(s.capture, request, tid, addr, data);
            return rc == -1 ? -Native.errno(s.capture) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    public static String requestName(int request) {
        return switch (request) {
            case PTRACE_TRACEME -> "PTRACE_TRACEME";
            case PTRACE_PEEKTEXT -> "PTRACE_PEEKTEXT";
            case PTRACE_PEEKDATA -> "PTRACE_PEEKDATA";
            case PTRACE_PEEKUSER -> "PTRACE_PEEKUSER";
            case PTRACE_POKETEXT -> "PTRACE_POKETEXT";
            case PTRACE_POKEDATA -> "PTRACE_POKEDATA";
            case PTRACE_POKEUSER -> "PTRACE_POKEUSER";
            case PTRACE_CONT -> "PTRACE_CONT";
            case PTRACE_KILL -> "PTRACE_KILL";
            case PTRACE_SINGLESTEP -> "PTRACE_SINGLESTEP";
            case PTRACE_ATTACH -> "PTRACE_ATTACH";
            case PTRACE_DETACH -> "PTRACE_DETACH";
            case PTRACE_SYSCALL -> "PTRACE_SYSCALL";
            case PTRACE_SINGLEBLOCK -> "PTRACE_SINGLEBLOCK";
            case PTRACE_SETOPTIONS -> "PTRACE_SETOPTIONS";
            case PTRACE_GETEVENTMSG -> "PTRACE_GETEVENTMSG";
            case PTRACE_GETSIGINFO -> "PTRACE_GETSIGINFO";
            case PTRACE_SETSIGINFO -> "PTRACE_SETSIGINFO";
            case PTRACE_GETREGSET -> "PTRACE_GETREGSET";
            case PTRACE_SETREGSET -> "PTRACE_SETREGSET";
            case PTRACE_SEIZE -> "PTRACE_SEIZE";
            case PTRACE_INTERRUPT -> "PTRACE_INTERRUPT";
            case PTRACE_LISTEN -> "PTRACE_LISTEN";
            case PTRACE_GET_SYSCALL_INFO -> "PTRACE_GET_SYSCALL_INFO";
            case PTRACE_SET_SYSCALL_INFO -> "PTRACE_SET_SYSCALL_INFO";
            default -> "ptrace request " + request;
        };
    }

    private static long check(long rc, int request) {
        if (rc < 0) throw new ErrnoException("ptrace(" + requestName(request) + ")", (int) -rc);
        return rc;
    }

    // ---- attaching and resuming -------------------------------------------------------------

    /** As with {@code ptrace(PTRACE_SEIZE, tid, 0, options)}. */
    public static void seize(int tid, int options) {
        check(raw(PTRACE_SEIZE, tid, 0, options), PTRACE_SEIZE);
    }

    /** As with {@code ptrace(PTRACE_INTERRUPT, tid, 0, 0)}. */
    public static void interrupt(int tid) {
        check(raw(PTRACE_INTERRUPT, tid, 0, 0), PTRACE_INTERRUPT);
    }

    /** As with {@code ptrace(PTRACE_LISTEN, tid, 0, 0)}. */
    public static void listen(int tid) {
        check(raw(PTRACE_LISTEN, tid, 0, 0), PTRACE_LISTEN);
    }

    /** As with {@code ptrace(PTRACE_CONT, tid, 0, signal)}. */
    public static void cont(int tid, int signal) {
        check(raw(PTRACE_CONT, tid, 0, signal), PTRACE_CONT);
    }

    /** As with {@code ptrace(PTRACE_SYSCALL, tid, 0, signal)}. */
    public static void syscall(int tid, int signal) {
        check(raw(PTRACE_SYSCALL, tid, 0, signal), PTRACE_SYSCALL);
    }

    /** As with {@code ptrace(PTRACE_SINGLESTEP, tid, 0, signal)}. */
    public static void singlestep(int tid, int signal) {
        check(raw(PTRACE_SINGLESTEP, tid, 0, signal), PTRACE_SINGLESTEP);
    }

    /** As with {@code ptrace(PTRACE_DETACH, tid, 0, signal)}. */
    public static void detach(int tid, int signal) {
        check(raw(PTRACE_DETACH, tid, 0, signal), PTRACE_DETACH);
    }

    /** As with {@code ptrace(PTRACE_SETOPTIONS, tid, 0, options)}. */
    public static void setOptions(int tid, int options) {
        check(raw(PTRACE_SETOPTIONS, tid, 0, options), PTRACE_SETOPTIONS);
    }

    // ---- state ------------------------------------------------------------------------------

    /** As with {@code ptrace(PTRACE_GETEVENTMSG, tid, 0, &msg)}; returns {@code msg}. */
    public static long getEventMsg(int tid) {
        Native.Scratch s = Native.scratch();
        check(rawPointer(s, PTRACE_GETEVENTMSG, tid, 0, s.word), PTRACE_GETEVENTMSG);
        return s.word.get(LONG, 0);
    }

    /** {@code PTRACE_GETEVENTMSG} returning {@code -errno} in place of throwing; the message itself must be non-negative. */
    public static long getEventMsgRaw(int tid) {
        Native.Scratch s = Native.scratch();
        long rc = rawPointer(s, PTRACE_GETEVENTMSG, tid, 0, s.word);
        return rc < 0 ? rc : s.word.get(LONG, 0);
    }

    /** As with {@code ptrace(PTRACE_GETSIGINFO)}; fills {@code out[0..128)}. Returns 0 or {@code -errno}. */
    public static long getSiginfoRaw(int tid, byte[] out) {
        Native.Scratch s = Native.scratch();
        long rc = rawPointer(s, PTRACE_GETSIGINFO, tid, 0, s.struct);
        if (rc >= 0) MemorySegment.copy(s.struct, ValueLayout.JAVA_BYTE, 0, out, 0, SIGINFO_BYTES);
        return rc;
    }

    public static void getSiginfo(int tid, byte[] out) {
        check(getSiginfoRaw(tid, out), PTRACE_GETSIGINFO);
    }

    /** As with {@code ptrace(PTRACE_SETSIGINFO)} from {@code in[0..128)}. */
    public static void setSiginfo(int tid, byte[] in) {
        check(setSiginfoRaw(tid, in), PTRACE_SETSIGINFO);
    }

    /** {@code PTRACE_SETSIGINFO} returning 0 or {@code -errno}. */
    public static long setSiginfoRaw(int tid, byte[] in) {
        Native.Scratch s = Native.scratch();
        MemorySegment.copy(in, 0, s.struct, ValueLayout.JAVA_BYTE, 0, SIGINFO_BYTES);
        return rawPointer(s, PTRACE_SETSIGINFO, tid, 0, s.struct);
    }

    /**
     * As with {@code ptrace(PTRACE_GETREGSET, tid, NT_PRSTATUS, &iov)}: the x86_64
     * {@code user_regs_struct} into {@code out[0..27)}. Returns 0 or {@code -errno}.
     */
    public static long getRegsRaw(int tid, long[] out) {
        Native.Scratch s = Native.scratch();
        s.localIov.set(LONG, 0, s.struct.address());
        s.localIov.set(LONG, 8, REGS_WORDS * 8L);
        long rc = rawPointer(s, PTRACE_GETREGSET, tid, NT_PRSTATUS, s.localIov);
        if (rc >= 0) MemorySegment.copy(s.struct, LONG, 0, out, 0, REGS_WORDS);
        return rc;
    }

    public static void getRegs(int tid, long[] out) {
        check(getRegsRaw(tid, out), PTRACE_GETREGSET);
    }

    /** As with {@code ptrace(PTRACE_SETREGSET, tid, NT_PRSTATUS, &iov)} from {@code in[0..27)}. */
    public static void setRegs(int tid, long[] in) {
        Native.Scratch s = Native.scratch();
        MemorySegment.copy(in, 0, s.struct, LONG, 0, REGS_WORDS);
        s.localIov.set(LONG, 0, s.struct.address());
        s.localIov.set(LONG, 8, REGS_WORDS * 8L);
        check(rawPointer(s, PTRACE_SETREGSET, tid, NT_PRSTATUS, s.localIov), PTRACE_SETREGSET);
    }

    private static final int NT_PRFPREG = 2;
    /** Bytes in x86_64 {@code struct user_fpregs_struct} (the FXSAVE area). */
    public static final int FPREGS_BYTES = 512;

    /**
     * As with {@code ptrace(PTRACE_GETREGSET, tid, NT_PRFPREG, &iov)}: the x87/SSE state in FXSAVE
     * layout into {@code out[0..512)}. Returns 0 or {@code -errno}.
     */
    public static long getFpRegsRaw(int tid, byte[] out) {
        Native.Scratch s = Native.scratch();
        s.localIov.set(LONG, 0, s.struct.address());
        s.localIov.set(LONG, 8, FPREGS_BYTES);
        long rc = rawPointer(s, PTRACE_GETREGSET, tid, NT_PRFPREG, s.localIov);
        if (rc >= 0) MemorySegment.copy(s.struct, ValueLayout.JAVA_BYTE, 0, out, 0, FPREGS_BYTES);
        return rc;
    }

    /** As with {@code ptrace(PTRACE_SETREGSET, tid, NT_PRFPREG, &iov)} from {@code in[0..512)}; 0 or {@code -errno}. */
    public static long setFpRegsRaw(int tid, byte[] in) {
        Native.Scratch s = Native.scratch();
        MemorySegment.copy(in, 0, s.struct, ValueLayout.JAVA_BYTE, 0, FPREGS_BYTES);
        s.localIov.set(LONG, 0, s.struct.address());
        s.localIov.set(LONG, 8, FPREGS_BYTES);
        return rawPointer(s, PTRACE_SETREGSET, tid, NT_PRFPREG, s.localIov);
    }

    /**
     * As with {@code ptrace(PTRACE_GET_SYSCALL_INFO, tid, sizeof info, &info)}. The result is
     * unpacked into {@code out}: [0] op, [1] arch, [2] instruction pointer, [3] stack pointer,
     * then for ENTRY and SECCOMP [4] nr and [5..11) args ([11] seccomp ret_data), for EXIT [4]
     * rval and [5] is_error. Returns the op, or {@code -errno}.
     */
    public static long getSyscallInfoRaw(int tid, long[] out) {
        Native.Scratch s = Native.scratch();
        long rc = rawPointer(s, PTRACE_GET_SYSCALL_INFO, tid, 88, s.struct);
        if (rc < 0) return rc;
        MemorySegment st = s.struct;
        int op = st.get(ValueLayout.JAVA_BYTE, 0);
        out[0] = op;
        out[1] = st.get(INT, 4) & 0xffffffffL;
        out[2] = st.get(LONG, 8);
        out[3] = st.get(LONG, 16);
        switch (op) {
            case SYSCALL_INFO_ENTRY -> MemorySegment.copy(st, LONG, 24, out, 4, 7);
            case SYSCALL_INFO_SECCOMP -> {
                MemorySegment.copy(st, LONG, 24, out, 4, 7);
                out[11] = st.get(INT, 80) & 0xffffffffL;
            }
            case SYSCALL_INFO_EXIT -> {
                out[4] = st.get(LONG, 24);
                out[5] = st.get(ValueLayout.JAVA_BYTE, 32);
            }
            default -> { }
        }
        return op;
    }

    /**
     * As with {@code ptrace(PTRACE_SET_SYSCALL_INFO)} (Linux 6.16+) at a syscall-entry stop:
     * replaces the call's number and arguments. {@code info} is what
     * {@link #getSyscallInfoRaw} returned at this stop (arch and pointers are passed back as
     * they were). Returns 0 or {@code -errno}; EIO or EINVAL on kernels without the request.
     */
    public static long setSyscallEntryRaw(int tid, long[] info, long nr, long[] args) {
        Native.Scratch s = Native.scratch();
        MemorySegment st = s.struct;
        st.fill((byte) 0);
        st.set(ValueLayout.JAVA_BYTE, 0, (byte) SYSCALL_INFO_ENTRY);
        st.set(INT, 4, (int) info[1]);
        st.set(LONG, 8, info[2]);
        st.set(LONG, 16, info[3]);
        st.set(LONG, 24, nr);
        MemorySegment.copy(args, 0, st, LONG, 32, 6);
        return rawPointer(s, PTRACE_SET_SYSCALL_INFO, tid, 88, st);
    }

    /** As with {@code ptrace(PTRACE_PEEKUSER, tid, offset, 0)}. */
    public static long peekUser(int tid, long offset) {
        return peek(PTRACE_PEEKUSER, tid, offset);
    }

    /** As with {@code ptrace(PTRACE_POKEUSER, tid, offset, value)}. */
    public static void pokeUser(int tid, long offset, long value) {
        check(raw(PTRACE_POKEUSER, tid, offset, value), PTRACE_POKEUSER);
    }

    // ---- the rest of the classic requests ---------------------------------------------------

    /**
     * A PEEKTEXT, PEEKDATA or PEEKUSER request: returns the word read. glibc passes its own word
     * to the kernel for these three and returns it, with errno 0 on success, so a result of -1 is
     * a failure only when errno says so.
     */
    public static long peek(int request, int tid, long addr) {
        if (request != PTRACE_PEEKTEXT && request != PTRACE_PEEKDATA && request != PTRACE_PEEKUSER) {
            throw new IllegalArgumentException("not a peek request: " + requestName(request));
        }
        Native.Scratch s = Native.scratch();
        try {
            long value = (long) PTRACE_WORD.invokeExact(s.capture, request, tid, addr, 0L);
            if (value == -1) {
                int errno = Native.errno(s.capture);
                if (errno != 0) throw new ErrnoException("ptrace(" + requestName(request) + ")", errno);
            }
            return value;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** As with {@code ptrace(PTRACE_PEEKDATA, tid, address, 0)}. */
    public static long peekData(int tid, long address) {
        return peek(PTRACE_PEEKDATA, tid, address);
    }

    /** As with {@code ptrace(PTRACE_POKEDATA, tid, address, word)}. */
    public static void pokeData(int tid, long address, long word) {
        check(raw(PTRACE_POKEDATA, tid, address, word), PTRACE_POKEDATA);
    }

    /** As with {@code ptrace(PTRACE_ATTACH, tid, 0, 0)}. */
    public static void attach(int tid) {
        check(raw(PTRACE_ATTACH, tid, 0, 0), PTRACE_ATTACH);
    }

    /** As with {@code ptrace(PTRACE_SINGLEBLOCK, tid, 0, signal)}. */
    public static void singleblock(int tid, int signal) {
        check(raw(PTRACE_SINGLEBLOCK, tid, 0, signal), PTRACE_SINGLEBLOCK);
    }

    /** As with {@code ptrace(PTRACE_KILL, tid, 0, 0)}. */
    public static void kill(int tid) {
        check(raw(PTRACE_KILL, tid, 0, 0), PTRACE_KILL);
    }
}
