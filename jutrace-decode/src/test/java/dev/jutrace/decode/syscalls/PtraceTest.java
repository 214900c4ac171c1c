package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class PtraceTest {

    private static final long EPERM = -1, ESRCH = -3, EIO = -5;
    private final Lines lines = new Lines();

    @Test
    void requestsTakeWhatTheyUse() {
        assertThat(lines.line("ptrace", EPERM, 0, 0, 0, 0)).isEqualTo("ptrace(PTRACE_TRACEME)                  = -1 EPERM (Operation not permitted)");
        assertThat(lines.line("ptrace", EPERM, 16, 1, 0, 0)).isEqualTo("ptrace(PTRACE_ATTACH, 1)                = -1 EPERM (Operation not permitted)");
        assertThat(lines.line("ptrace", EIO, 0x4207, 9463, 0, 0)).isEqualTo("ptrace(PTRACE_INTERRUPT, 9463)          = -1 EIO (Input/output error)");
        assertThat(lines.line("ptrace", EPERM, 0x4206, 1, 0, 0x11))
                .isEqualTo("ptrace(PTRACE_SEIZE, 1, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_TRACEEXEC) = -1 EPERM (Operation not permitted)");
        assertThat(lines.line("ptrace", 0, 0x4200, 9463, 0, 0x100001))
                .isEqualTo("ptrace(PTRACE_SETOPTIONS, 9463, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL) = 0");
        assertThat(lines.line("ptrace", ESRCH, 7, 1, 0, 19)).isEqualTo("ptrace(PTRACE_CONT, 1, NULL, SIGSTOP)   = -1 ESRCH (No such process)");
        assertThat(lines.line("ptrace", 0, 24, 9463, 0, 0)).isEqualTo("ptrace(PTRACE_SYSCALL, 9463, NULL, 0)   = 0");
        assertThat(lines.line("ptrace", 0, 17, 9463, 0, 18)).isEqualTo("ptrace(PTRACE_DETACH, 9463, NULL, SIGCONT) = 0");
        assertThat(lines.line("ptrace", ESRCH, 0x9999, 1, 0x10, 0x20))
                .isEqualTo("ptrace(0x9999 /* PTRACE_??? */, 1, 0x10, 0x20) = -1 ESRCH (No such process)");
    }

    @Test
    void answersPrintAtExit() {
        long word = lines.memory.putLongs(0x7ffc40402010L, 0);
        assertThat(lines.line("ptrace", 0, 2, 9463, word, word)).isEqualTo("ptrace(PTRACE_PEEKDATA, 9463, 0x7ffc40402010, [NULL]) = 0");
        assertThat(lines.entry("ptrace", 2, 9463, word, word)).isEqualTo("ptrace(PTRACE_PEEKDATA, 9463, 0x7ffc40402010, ");
        assertThat(lines.line("ptrace", ESRCH, 2, 1, 0x1000, 0)).isEqualTo("ptrace(PTRACE_PEEKDATA, 1, 0x1000, NULL) = -1 ESRCH (No such process)");
        assertThat(lines.line("ptrace", 0, 0x4201, 9463, 0, word)).isEqualTo("ptrace(PTRACE_GETEVENTMSG, 9463, NULL, [0]) = 0");
        ByteBuffer si = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        si.putInt(0, 19).putInt(8, -6).putInt(16, 9463).putInt(20, 0);
        long info = lines.memory.put(0x7ffc40403000L, si.array());
        assertThat(lines.line("ptrace", 0, 0x4202, 9463, 0, info))
                .isEqualTo("ptrace(PTRACE_GETSIGINFO, 9463, NULL, {si_signo=SIGSTOP, si_code=SI_TKILL, si_pid=9463, si_uid=0}) = 0");
    }
}
