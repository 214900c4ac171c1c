package dev.jutrace.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bindings against the real kernel, on a shell that stops itself right after it starts. */
class PtraceTest {

    private static int spawnStopped() {
        int pid = Libc.spawn("/bin/sh", List.of("sh", "-c", "kill -STOP $$; exit 7"), List.of());
        long r = Libc.waitpidRaw(pid, Libc.WUNTRACED | Libc.WALL | Libc.WNOTHREAD);
        assertThat(Libc.waitedTid(r)).isEqualTo(pid);
        assertThat(new WaitStatus(Libc.waitedStatus(r)).stopSig()).isEqualTo(Libc.SIGSTOP);
        return pid;
    }

    @Test
    void seizeReadRegistersAndSyscallInfoThenRunToExit() {
        int pid = spawnStopped();
        Ptrace.seize(pid, Ptrace.PTRACE_O_TRACESYSGOOD | Ptrace.PTRACE_O_EXITKILL);
        Libc.kill(pid, Libc.SIGCONT);
        // The seized, group-stopped child traps again as an event stop.
        WaitStatus s = new WaitStatus(Libc.waitedStatus(Libc.waitpidRaw(pid, Libc.WALL | Libc.WNOTHREAD)));
        assertThat(s.stopped()).isTrue();
        assertThat(s.ptraceEvent()).isEqualTo(Ptrace.PTRACE_EVENT_STOP);

        long[] regs = new long[Ptrace.REGS_WORDS];
        Ptrace.getRegs(pid, regs);
        assertThat(regs[Regs.RIP]).isNotZero();
        assertThat(regs[Regs.RSP]).isNotZero();

        // Step to the next syscall stop and look at it both ways.
        int seen = 0;
        while (true) {
            Ptrace.syscall(pid, 0);
            s = new WaitStatus(Libc.waitedStatus(Libc.waitpidRaw(pid, Libc.WALL | Libc.WNOTHREAD)));
            if (!s.stopped()) break;
            if (s.stopSig() == (Libc.SIGTRAP | 0x80)) {
                long[] info = new long[12];
                long op = Ptrace.getSyscallInfoRaw(pid, info);
                if (op == Ptrace.SYSCALL_INFO_ENTRY) {
                    Ptrace.getRegs(pid, regs);
                    assertThat(info[4]).isEqualTo(regs[Regs.ORIG_RAX]);
                    assertThat(info[5]).isEqualTo(regs[Regs.RDI]);
                    seen++;
                }
            }
        }
        assertThat(seen).isPositive();
        assertThat(s.exited()).isTrue();
        assertThat(s.exitStatus()).isEqualTo(7);
    }

    @Test
    void setSyscallInfoSkipsACallAtEntry() {
        int pid = spawnStopped();
        Ptrace.seize(pid, Ptrace.PTRACE_O_TRACESYSGOOD | Ptrace.PTRACE_O_EXITKILL);
        Libc.kill(pid, Libc.SIGCONT);
        Libc.waitpidRaw(pid, Libc.WALL | Libc.WNOTHREAD);
        long[] info = new long[12];
        // Run to the first syscall entry, and turn it into no call at all.
        do {
            Ptrace.syscall(pid, 0);
            Libc.waitpidRaw(pid, Libc.WALL | Libc.WNOTHREAD);
        } while (Ptrace.getSyscallInfoRaw(pid, info) != Ptrace.SYSCALL_INFO_ENTRY);
        long[] args = java.util.Arrays.copyOfRange(info, 5, 11);
        long rc = Ptrace.setSyscallEntryRaw(pid, info, -1, args);
        org.junit.jupiter.api.Assumptions.assumeTrue(rc != -Errno.EIO && rc != -Errno.EINVAL,
                "this kernel has no PTRACE_SET_SYSCALL_INFO (Linux 6.16+)");
        assertThat(rc).isZero();
        Ptrace.syscall(pid, 0);
        Libc.waitpidRaw(pid, Libc.WALL | Libc.WNOTHREAD);
        assertThat(Ptrace.getSyscallInfoRaw(pid, info)).isEqualTo(Ptrace.SYSCALL_INFO_EXIT);
        assertThat(info[4]).as("the skipped call's result").isEqualTo(-Errno.ENOSYS);
        Libc.kill(pid, Libc.SIGKILL);
        Libc.waitpidRaw(pid, Libc.WALL | Libc.WNOTHREAD);
    }

    @Test
    void errorsNameTheRequestAndTheErrno() {
        assertThatThrownBy(() -> Ptrace.cont(999_999_99, 0))
                .isInstanceOf(ErrnoException.class)
                .hasMessage("ptrace(PTRACE_CONT) failed: ESRCH (No such process)")
                .satisfies(e -> assertThat(((ErrnoException) e).errno()).isEqualTo(Errno.ESRCH));
    }

    @Test
    void memoryReadsOfAnotherProcess() {
        int pid = spawnStopped();
        Ptrace.seize(pid, Ptrace.PTRACE_O_EXITKILL);
        long[] regs = new long[Ptrace.REGS_WORDS];
        Libc.kill(pid, Libc.SIGCONT);
        Libc.waitpidRaw(pid, Libc.WALL | Libc.WNOTHREAD);
        Ptrace.getRegs(pid, regs);
        byte[] buf = new byte[16];
        assertThat(Libc.readMemoryRaw(pid, regs[Regs.RSP], buf, 0, 16)).isEqualTo(16);
        assertThat(Libc.readMemoryRaw(pid, 8, buf, 0, 16)).isEqualTo(-Errno.EFAULT);
        Libc.kill(pid, Libc.SIGKILL);
        Libc.waitpidRaw(pid, Libc.WALL | Libc.WNOTHREAD);
    }
}
