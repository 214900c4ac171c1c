package dev.jutrace.sys;

import static dev.jutrace.sys.Native.INT;
import static dev.jutrace.sys.Native.LONG;
import static dev.jutrace.sys.Native.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Process, signal and memory calls of the C library. Each {@code raw} method returns the result
 * or {@code -errno} and never throws; its checked twin throws {@link ErrnoException}.
 */
public final class Libc {
    private Libc() {}

    /** {@code waitpid} options. */
    public static final int WNOHANG = 1;
    public static final int WUNTRACED = 2;
    public static final int WCONTINUED = 8;
    public static final int WNOTHREAD = 0x20000000;
    public static final int WALL = 0x40000000;

    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6,
            SIGBUS = 7, SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13,
            SIGALRM = 14, SIGTERM = 15, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20,
            SIGTTIN = 21, SIGTTOU = 22;


    // Each group of handles is bound on first use: binding costs milliseconds at start-up.
    private static final class Waiting {
        static final MethodHandle WAITPID = Native.errnoCall("waitpid",
                FunctionDescriptor.of(INT, INT, PTR, INT));
    }

    private static final class Signals {
        static final MethodHandle KILL = Native.errnoCall("kill",
                FunctionDescriptor.of(INT, INT, INT));
        static final MethodHandle TGKILL = Native.errnoCall("tgkill",
                FunctionDescriptor.of(INT, INT, INT, INT));
        static final MethodHandle SIGACTION = Native.errnoCall("sigaction",
                FunctionDescriptor.of(INT, INT, PTR, PTR));
    }

    private static final class Ids {
        static final MethodHandle GETTID = Native.call("gettid", FunctionDescriptor.of(INT));
        static final MethodHandle GETPID = Native.call("getpid", FunctionDescriptor.of(INT));
        static final MethodHandle STRERROR = Native.call("strerror", FunctionDescriptor.of(PTR, INT));
    }

    private static final class Spawning {
        static final MethodHandle POSIX_SPAWN = Native.call("posix_spawn",
                FunctionDescriptor.of(INT, PTR, PTR, PTR, PTR, PTR, PTR));
        static final MethodHandle SPAWNATTR_INIT = Native.call("posix_spawnattr_init",
                FunctionDescriptor.of(INT, PTR));
        static final MethodHandle SPAWNATTR_SETFLAGS = Native.call("posix_spawnattr_setflags",
                FunctionDescriptor.of(INT, PTR, ValueLayout.JAVA_SHORT));
        static final MethodHandle SPAWNATTR_SETSIGMASK = Native.call("posix_spawnattr_setsigmask",
                FunctionDescriptor.of(INT, PTR, PTR));
        static final MethodHandle SPAWNATTR_SETSIGDEFAULT = Native.call("posix_spawnattr_setsigdefault",
                FunctionDescriptor.of(INT, PTR, PTR));
        static final MethodHandle FILE_ACTIONS_INIT = Native.call("posix_spawn_file_actions_init",
                FunctionDescriptor.of(INT, PTR));
        static final MethodHandle FILE_ACTIONS_CLOSEFROM = Native.call("posix_spawn_file_actions_addclosefrom_np",
                FunctionDescriptor.of(INT, PTR, INT));
        static final MethodHandle FILE_ACTIONS_ADDOPEN = Native.call("posix_spawn_file_actions_addopen",
                FunctionDescriptor.of(INT, PTR, INT, PTR, INT, INT));
        static final MethodHandle FILE_ACTIONS_ADDDUP2 = Native.call("posix_spawn_file_actions_adddup2",
                FunctionDescriptor.of(INT, PTR, INT, INT));
        static final MethodHandle FILE_ACTIONS_DESTROY = Native.call("posix_spawn_file_actions_destroy",
                FunctionDescriptor.of(INT, PTR));
        static final MethodHandle SPAWNATTR_DESTROY = Native.call("posix_spawnattr_destroy",
                FunctionDescriptor.of(INT, PTR));
    }

    private static final class VmCopy {
        static final MethodHandle PROCESS_VM_READV = Native.errnoCall("process_vm_readv",
                FunctionDescriptor.of(LONG, INT, PTR, LONG, PTR, LONG, LONG));
        static final MethodHandle PROCESS_VM_WRITEV = Native.errnoCall("process_vm_writev",
                FunctionDescriptor.of(LONG, INT, PTR, LONG, PTR, LONG, LONG));
    }

    private static final class ProcMem {
        static final MethodHandle OPEN = Native.variadicErrnoCall("open",
                FunctionDescriptor.of(INT, PTR, INT), 2);
        static final MethodHandle CLOSE = Native.errnoCall("close", FunctionDescriptor.of(INT, INT));
        static final MethodHandle PREAD = Native.errnoCall("pread64",
                FunctionDescriptor.of(LONG, INT, PTR, LONG, LONG));
        static final MethodHandle PWRITE = Native.errnoCall("pwrite64",
                FunctionDescriptor.of(LONG, INT, PTR, LONG, LONG));
    }

    /** glibc's POSIX_SPAWN_SETSIGDEF and POSIX_SPAWN_SETSIGMASK. */
    private static final short SPAWN_SETSIGDEF = 0x04, SPAWN_SETSIGMASK = 0x08;
    private static final int SIGSET_BYTES = 128;

    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    // ---- waiting ----------------------------------------------------------------------------

    /**
     * {@code waitpid(pid, &status, options)}. Returns {@code (tid << 32) | (status & 0xffffffff)}
     * so that the hot path needs no result object, 0 under WNOHANG when nothing is ready, or
     * {@code -errno}.
     */
    public static long waitpidRaw(int pid, int options) {
        Native.Scratch s = Native.scratch();
        try {
            int tid = (int) Waiting.WAITPID.invokeExact(s.capture, pid, s.status, options);
            if (tid < 0) return -Native.errno(s.capture);
            if (tid == 0) return 0;
            return ((long) tid << 32) | (s.status.get(INT, 0) & 0xffffffffL);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** The tid half of a {@link #waitpidRaw} result. */
    public static int waitedTid(long packed) {
        return (int) (packed >>> 32);
    }

    /** The status half of a {@link #waitpidRaw} result. */
    public static int waitedStatus(long packed) {
        return (int) packed;
    }

    // ---- identity and signals ---------------------------------------------------------------

    public static int gettid() {
        try {
            return (int) Ids.GETTID.invokeExact();
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int getpid() {
        try {
            return (int) Ids.GETPID.invokeExact();
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static int killRaw(int pid, int signal) {
        Native.Scratch s = Native.scratch();
        try {
            int rc = (int) Signals.KILL.invokeExact(s.capture, pid, signal);
            return rc < 0 ? -Native.errno(s.capture) : rc;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** As with {@code kill(pid, signal)}. */
    public static void kill(int pid, int signal) {
        ErrnoException.check(killRaw(pid, signal), "kill");
    }

    public static int tgkillRaw(int tgid, int tid, int signal) {
        Native.Scratch s = Native.scratch();
        try {
            int rc = (int) Signals.TGKILL.invokeExact(s.capture, tgid, tid, signal);
            return rc < 0 ? -Native.errno(s.capture) : rc;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** As with {@code tgkill(tgid, tid, signal)}. */
    public static void tgkill(int tgid, int tid, int signal) {
        ErrnoException.check(tgkillRaw(tgid, tid, signal), "tgkill");
    }

    public static String strerror(int errno) {
        try {
            MemorySegment p = (MemorySegment) Ids.STRERROR.invokeExact(errno);
            return p.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Installs a handler for {@code signal} that does nothing and, having no SA_RESTART, makes a
     * blocking call of the receiving thread fail with EINTR. That is how the tracer thread is
     * woken out of {@code waitpid}. {@code getpid} serves as the handler: it is async-signal-safe
     * and ignores its argument.
     */
    public static void installWakeupHandler(int signal) {
        try (Arena arena = Arena.ofConfined()) {
            // struct sigaction on x86_64 glibc: handler, sa_mask[128], sa_flags, sa_restorer.
            MemorySegment act = arena.allocate(152, 8);
            act.set(PTR, 0, Native.symbol("getpid"));
            act.set(INT, 136, 0);
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            int rc = (int) Signals.SIGACTION.invokeExact(capture, signal, act, MemorySegment.NULL);
            if (rc < 0) throw new ErrnoException("sigaction", Native.errno(capture));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Sets {@code signal} to SIG_IGN (1) or SIG_DFL (0) for the whole process. */
    public static void setSignalDisposition(int signal, boolean ignore) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment act = arena.allocate(152, 8);
            act.set(PTR, 0, MemorySegment.ofAddress(ignore ? 1 : 0));
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            int rc = (int) Signals.SIGACTION.invokeExact(capture, signal, act, MemorySegment.NULL);
            if (rc < 0) throw new ErrnoException("sigaction", Native.errno(capture));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---- spawning ---------------------------------------------------------------------------

    /**
     * {@code posix_spawn(path, argv, envp)} with every signal reset to its default disposition and
     * an empty signal mask, so that the child does not inherit the JVM's blocked signals, and
     * every descriptor above 2 closed, so that it does not inherit the JVM's files either.
     * The calling thread becomes the child's parent, which matters for {@code __WNOTHREAD}.
     */
    public static int spawn(String path, List<String> argv, List<String> envp) {
        return spawn(path, argv, envp, null);
    }

    /** As {@link #spawn(String, List, List)}, with stdout and stderr opened on {@code output} when it is not null. */
    public static int spawn(String path, List<String> argv, List<String> envp, String output) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(512, 16);
            MemorySegment actions = arena.allocate(512, 16);
            check((int) Spawning.SPAWNATTR_INIT.invokeExact(attr), "posix_spawnattr_init");
            check((int) Spawning.FILE_ACTIONS_INIT.invokeExact(actions), "posix_spawn_file_actions_init");
            try {
                check((int) Spawning.FILE_ACTIONS_CLOSEFROM.invokeExact(actions, 3), "posix_spawn_file_actions_addclosefrom_np");
                if (output != null) {
                    int flags = 1 /* O_WRONLY */ | 0x40 /* O_CREAT */ | 0x400 /* O_APPEND */;
                    check((int) Spawning.FILE_ACTIONS_ADDOPEN.invokeExact(actions, 1, arena.allocateFrom(output), flags, 0644),
                            "posix_spawn_file_actions_addopen");
                    check((int) Spawning.FILE_ACTIONS_ADDDUP2.invokeExact(actions, 1, 2), "posix_spawn_file_actions_adddup2");
                }
                MemorySegment empty = arena.allocate(SIGSET_BYTES, 8);
                MemorySegment all = arena.allocate(SIGSET_BYTES, 8);
                for (int sig = 1; sig <= 64; sig++) {
                    if (sig == SIGKILL || sig == SIGSTOP || sig == 32 || sig == 33) continue;
                    int bit = sig - 1;
                    all.set(ValueLayout.JAVA_BYTE, bit / 8, (byte) (all.get(ValueLayout.JAVA_BYTE, bit / 8) | (1 << (bit % 8))));
                }
                check((int) Spawning.SPAWNATTR_SETSIGMASK.invokeExact(attr, empty), "posix_spawnattr_setsigmask");
                check((int) Spawning.SPAWNATTR_SETSIGDEFAULT.invokeExact(attr, all), "posix_spawnattr_setsigdefault");
                check((int) Spawning.SPAWNATTR_SETFLAGS.invokeExact(attr, (short) (SPAWN_SETSIGDEF | SPAWN_SETSIGMASK)),
                        "posix_spawnattr_setflags");
                MemorySegment pid = arena.allocate(INT);
                int rc = (int) Spawning.POSIX_SPAWN.invokeExact(pid, arena.allocateFrom(path), actions, attr,
                        stringArray(arena, argv), stringArray(arena, envp));
                check(rc, "posix_spawn(" + path + ")");
                return pid.get(INT, 0);
            } finally {
                int ignored = (int) Spawning.SPAWNATTR_DESTROY.invokeExact(attr);
                ignored = (int) Spawning.FILE_ACTIONS_DESTROY.invokeExact(actions);
            }
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static void check(int rc, String op) {
        if (rc != 0) throw new ErrnoException(op, rc);
    }

    private static MemorySegment stringArray(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(PTR, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(PTR, i, arena.allocateFrom(strings.get(i)));
        }
        array.setAtIndex(PTR, strings.size(), MemorySegment.NULL);
        return array;
    }

    // ---- tracee memory ----------------------------------------------------------------------

    /**
     * {@code process_vm_readv}: copies up to {@code length} bytes at {@code address} in
     * {@code pid} into {@code buffer}. Returns bytes copied (short at an unmapped page) or
     * {@code -errno}. Reads longer than the scratch area are split.
     */
    public static long readMemoryRaw(int pid, long address, byte[] buffer, int offset, int length) {
        Native.Scratch s = Native.scratch();
        int done = 0;
        try {
            while (done < length) {
                int chunk = Math.min(length - done, Native.Scratch.BYTES);
                s.localIov.set(LONG, 0, s.bytes.address());
                s.localIov.set(LONG, 8, chunk);
                s.remoteIov.set(LONG, 0, address + done);
                s.remoteIov.set(LONG, 8, chunk);
                long n = (long) VmCopy.PROCESS_VM_READV.invokeExact(s.capture, pid, s.localIov, 1L, s.remoteIov, 1L, 0L);
                if (n < 0) {
                    int err = Native.errno(s.capture);
                    return done > 0 ? done : -err;
                }
                MemorySegment.copy(s.bytes, ValueLayout.JAVA_BYTE, 0, buffer, offset + done, (int) n);
                done += (int) n;
                if (n < chunk) break;
            }
            return done;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code process_vm_writev}; fails on read-only mappings such as text (use {@link #pwriteProcMem}). */
    public static long writeMemoryRaw(int pid, long address, byte[] buffer, int offset, int length) {
        Native.Scratch s = Native.scratch();
        if (length > Native.Scratch.BYTES) throw new IllegalArgumentException("write too large: " + length);
        try {
            MemorySegment.copy(buffer, offset, s.bytes, ValueLayout.JAVA_BYTE, 0, length);
            s.localIov.set(LONG, 0, s.bytes.address());
            s.localIov.set(LONG, 8, length);
            s.remoteIov.set(LONG, 0, address);
            s.remoteIov.set(LONG, 8, length);
            long n = (long) VmCopy.PROCESS_VM_WRITEV.invokeExact(s.capture, pid, s.localIov, 1L, s.remoteIov, 1L, 0L);
            return n < 0 ? -Native.errno(s.capture) : n;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Opens {@code /proc/PID/mem} read-write; writes through it reach read-only pages, as a debugger needs. */
    public static int openProcMem(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Native.CAPTURE_LAYOUT);
            int fd = (int) ProcMem.OPEN.invokeExact(capture, arena.allocateFrom("/proc/" + pid + "/mem"), 2 /* O_RDWR */ | 0x80000 /* O_CLOEXEC */);
            if (fd < 0) throw new ErrnoException("open(/proc/" + pid + "/mem)", Native.errno(capture));
            return fd;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public static void close(int fd) {
        Native.Scratch s = Native.scratch();
        try {
            int rc = (int) ProcMem.CLOSE.invokeExact(s.capture, fd);
            if (rc < 0) throw new ErrnoException("close", Native.errno(s.capture));
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code pread} on a {@code /proc/PID/mem} descriptor; returns bytes read or {@code -errno}. */
    public static long preadProcMem(int fd, long address, byte[] buffer, int offset, int length) {
        Native.Scratch s = Native.scratch();
        int chunk = Math.min(length, Native.Scratch.BYTES);
        try {
            long n = (long) ProcMem.PREAD.invokeExact(s.capture, fd, s.bytes, (long) chunk, address);
            if (n < 0) return -Native.errno(s.capture);
            MemorySegment.copy(s.bytes, ValueLayout.JAVA_BYTE, 0, buffer, offset, (int) n);
            return n;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code pwrite} on a {@code /proc/PID/mem} descriptor; returns bytes written or {@code -errno}. */
    public static long pwriteProcMem(int fd, long address, byte[] buffer, int offset, int length) {
        Native.Scratch s = Native.scratch();
        if (length > Native.Scratch.BYTES) throw new IllegalArgumentException("write too large: " + length);
        try {
            MemorySegment.copy(buffer, offset, s.bytes, ValueLayout.JAVA_BYTE, 0, length);
            long n = (long) ProcMem.PWRITE.invokeExact(s.capture, fd, s.bytes, (long) length, address);
            return n < 0 ? -Native.errno(s.capture) : n;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }
}
