package dev.jutrace.core;

import dev.jutrace.sys.Errno;
import dev.jutrace.sys.ErrnoException;
import dev.jutrace.sys.Libc;
import dev.jutrace.sys.Ptrace;
import dev.jutrace.sys.Regs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Installs a {@link SeccompFilter} into a freshly exec'd, single-threaded tracee by making it run
 * two or three system calls of ours, on the tracer thread, before any engine sees the exec.
 *
 * <p>At the PTRACE_EVENT_EXEC stop the thread is still inside execve, whose return value would
 * overwrite any register set there; so it is first run to execve's syscall-exit stop, where the
 * registers are the new program's initial ones. There a {@code syscall} instruction replaces the
 * first two bytes at the entry point, the BPF program and its {@code struct sock_fprog} are written
 * below the stack pointer (the stack mapping reaches 128 KiB below the arguments after exec), and
 * each call is made by pointing the registers at that instruction and running to the call's exit
 * stop. {@code seccomp(SECCOMP_SET_MODE_FILTER)} comes first; only if it fails with EACCES (no
 * CAP_SYS_ADMIN) is {@code prctl(PR_SET_NO_NEW_PRIVS)} made and the filter tried again. Then the
 * bytes and registers are put back, and the thread sits at a syscall-exit stop, restartable like any.
 *
 * <p>PTRACE_O_TRACESECCOMP is set first: a TRACE filter under a tracer without it fails the traced
 * calls with ENOSYS. A signal arriving meanwhile is held back and queued again afterwards.
 */
final class SeccompInstaller {
    private SeccompInstaller() {}

    private static final int SIGTRAP_SYSGOOD = Libc.SIGTRAP | 0x80;
    private static final int SYS_PRCTL = 157, SYS_SECCOMP = 317;
    private static final int PR_SET_NO_NEW_PRIVS = 38, SECCOMP_SET_MODE_FILTER = 1;
    /** Where below the stack pointer the program goes: clear of the red zone and of anything live. */
    private static final int STACK_GAP = 8192;

    /** How an installation ended. */
    sealed interface Outcome {
        /** The filter is in place. */
        record Installed() implements Outcome {}
        /** No filter (the reason is for debugging); the thread is stopped and may go on as usual. */
        record Failed(String reason) implements Outcome {}
        /** The thread died meanwhile, with this wait status. */
        record Died(int status) implements Outcome {}
    }

    /** Thrown inside to end the sequence early. */
    private static final class Abort extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Outcome outcome;

        Abort(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * Installs a filter tracing {@code traced} into {@code t}, stopped at its exec event, whose
     * ptrace options are {@code options}.
     */
    static Outcome install(Task t, BitSet traced, int options) {
        byte[] program = SeccompFilter.program(traced);
        if (program == null) return new Outcome.Failed("too many system calls for one filter");
        int tid = t.tid;
        if (Ptrace.raw(Ptrace.PTRACE_SETOPTIONS, tid, 0, options | Ptrace.PTRACE_O_TRACESECCOMP) < 0) {
            return new Outcome.Failed("PTRACE_O_TRACESECCOMP refused");
        }
        List<Integer> held = new ArrayList<>();
        long[] saved = null;
        byte[] text = null;
        try {
            resume(tid, held); // to execve's exit stop
            t.shimExecExit = false; // that exit is consumed here
            saved = new long[Ptrace.REGS_WORDS];
            if (Ptrace.getRegsRaw(tid, saved) < 0) return new Outcome.Failed("cannot read registers");
            long entry = saved[Regs.RIP];
            byte[] original = new byte[2];
            if (Libc.readMemoryRaw(tid, entry, original, 0, 2) != 2) return new Outcome.Failed("cannot read the entry point");
            writeText(tid, entry, new byte[] {0x0f, 0x05}); // syscall
            text = original;
            long filter = (saved[Regs.RSP] - STACK_GAP - program.length) & ~15L;
            long fprog = filter - 16;
            byte[] header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) (program.length / 8)).putShort((short) 0).putInt(0).putLong(filter).array();
            if (Libc.writeMemoryRaw(tid, filter, program, 0, program.length) != program.length
                    || Libc.writeMemoryRaw(tid, fprog, header, 0, 16) != 16) {
                return new Outcome.Failed("cannot write the program below the stack");
            }
            long rc = call(tid, saved, held, SYS_SECCOMP, SECCOMP_SET_MODE_FILTER, 0, fprog);
            if (rc == -Errno.EACCES) {
                long nnp = call(tid, saved, held, SYS_PRCTL, PR_SET_NO_NEW_PRIVS, 1, 0);
                if (nnp != 0) return new Outcome.Failed("prctl(PR_SET_NO_NEW_PRIVS): " + Errno.name((int) -nnp));
                rc = call(tid, saved, held, SYS_SECCOMP, SECCOMP_SET_MODE_FILTER, 0, fprog);
            }
            if (rc != 0) return new Outcome.Failed("seccomp(SECCOMP_SET_MODE_FILTER): " + Errno.name((int) -rc));
            t.seccomp = (BitSet) traced.clone();
            return new Outcome.Installed();
        } catch (Abort a) {
            return a.outcome;
        } catch (ErrnoException e) {
            return new Outcome.Failed(e.getMessage());
        } finally {
            if (saved != null) restore(tid, saved, text);
            for (int sig : held) Libc.tgkillRaw(t.tgid, tid, sig);
            t.newStop();
        }
    }

    /** Puts back the entry point's bytes and the registers; nothing to do if the thread died. */
    private static void restore(int tid, long[] saved, byte[] text) {
        try {
            if (text != null) writeText(tid, saved[Regs.RIP], text);
            Ptrace.setRegs(tid, saved);
        } catch (ErrnoException gone) {
            // Killed meanwhile; its death has been (or will be) reported.
        }
    }

    /** Makes the thread run {@code nr(a0, a1, a2)} at the entry point; returns what it returned. */
    private static long call(int tid, long[] saved, List<Integer> held, long nr, long a0, long a1, long a2)
            throws Abort {
        long[] regs = saved.clone();
        regs[Regs.RAX] = nr;
        regs[Regs.RDI] = a0;
        regs[Regs.RSI] = a1;
        regs[Regs.RDX] = a2;
        regs[Regs.R10] = regs[Regs.R8] = regs[Regs.R9] = 0;
        Ptrace.setRegs(tid, regs);
        resume(tid, held); // entry
        resume(tid, held); // exit
        if (Ptrace.getRegsRaw(tid, regs) < 0) throw new Abort(new Outcome.Failed("cannot read the result"));
        return regs[Regs.RAX];
    }

    /**
     * Restarts the thread with PTRACE_SYSCALL and waits for its next syscall stop. A signal stop on
     * the way is held back (restarted without it, queued again at the end); anything else that is
     * not a death is stepped over.
     */
    private static void resume(int tid, List<Integer> held) throws Abort {
        // ESRCH here means killed under us: the wait below collects the death.
        Ptrace.raw(Ptrace.PTRACE_SYSCALL, tid, 0, 0);
        while (true) {
            long r;
            do {
                r = Libc.waitpidRaw(tid, Libc.WALL | Libc.WNOTHREAD);
            } while (r == -Errno.EINTR);
            if (r < 0) throw new Abort(new Outcome.Failed("waitpid: " + Errno.name((int) -r)));
            int status = Libc.waitedStatus(r);
            if ((status & 0xff) != 0x7f) throw new Abort(new Outcome.Died(status));
            int sig = (status >> 8) & 0xff;
            int event = status >>> 16;
            if (sig == SIGTRAP_SYSGOOD) return;
            if (event == Ptrace.PTRACE_EVENT_EXIT) {
                // Dying (SIGKILL): let it finish, and report the death.
                Ptrace.raw(Ptrace.PTRACE_CONT, tid, 0, 0);
                continue;
            }
            if (event == 0 && sig != Libc.SIGTRAP) held.add(sig);
            Ptrace.raw(Ptrace.PTRACE_SYSCALL, tid, 0, 0);
        }
    }

    /** Writes to the text page through /proc/PID/mem, which reaches read-only mappings. */
    private static void writeText(int tid, long address, byte[] bytes) {
        int fd = Libc.openProcMem(tid);
        try {
            Libc.pwriteProcMem(fd, address, bytes, 0, bytes.length);
        } finally {
            Libc.close(fd);
        }
    }
}
