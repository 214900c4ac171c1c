package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** rt_sig* calls and sigaltstack. Expected lines are strace 6.1's for the same registers and memory. */
class RtsigTest {

    private static final long USR1 = 1L << 9;
    private final Lines lines = new Lines();

    private long putSiginfo(long address, int signo, int code, int pid, int value) {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, signo).putInt(8, code).putInt(16, pid).putInt(20, 0).putLong(24, value);
        return lines.memory.put(address, b.array());
    }

    @Test
    void waitsAndPending() {
        long set = lines.memory.putLongs(0x7ffc0000L, USR1);
        long info = putSiginfo(0x7ffc1000L, 10, 0, 5364, 0);
        long to = lines.memory.putLongs(0x7ffc2000L, 1, 0);
        assertThat(lines.line("rt_sigtimedwait", 10, set, info, to, 8))
                .isEqualTo("rt_sigtimedwait([USR1], {si_signo=SIGUSR1, si_code=SI_USER, si_pid=5364, si_uid=0}, {tv_sec=1, tv_nsec=0}, 8)"
                        + " = 10 (SIGUSR1)");
        assertThat(lines.entry("rt_sigtimedwait", set, info, to, 8)).isEqualTo("rt_sigtimedwait([USR1], ");
        assertThat(lines.line("rt_sigtimedwait", -11, set, 0, to, 8))
                .isEqualTo("rt_sigtimedwait([USR1], NULL, {tv_sec=1, tv_nsec=0}, 8) = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(lines.line("rt_sigtimedwait", 10, set, 0, 0, 8)).isEqualTo("rt_sigtimedwait([USR1], NULL, NULL, 8)  = 10 (SIGUSR1)");
        assertThat(lines.line("rt_sigpending", 0, set, 8)).isEqualTo("rt_sigpending([USR1], 8)                = 0");
        long empty = lines.memory.putLongs(0x7ffc3000L, 0);
        assertThat(lines.line("rt_sigsuspend", -514, empty, 8))
                .isEqualTo("rt_sigsuspend([], 8)                    = ? ERESTARTNOHAND (To be restarted if no handler)");
        assertThat(lines.line("rt_sigsuspend", -14, 1, 8)).isEqualTo("rt_sigsuspend(0x1, 8)                   = -1 EFAULT (Bad address)");
    }

    @Test
    void queueInfo() {
        long info = putSiginfo(0x7ffc1000L, 10, -1, 5364, 42);
        assertThat(lines.line("rt_sigqueueinfo", 0, 5364, 10, info))
                .isEqualTo("rt_sigqueueinfo(5364, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=5364, si_uid=0, si_int=42,"
                        + " si_ptr=0x2a}) = 0");
        assertThat(lines.line("rt_tgsigqueueinfo", 0, 5364, 5364, 10, info))
                .isEqualTo("rt_tgsigqueueinfo(5364, 5364, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=5364, si_uid=0,"
                        + " si_int=42, si_ptr=0x2a}) = 0");
    }

    @Test
    void sigaltstack() {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 0x1000).putInt(8, 0).putLong(16, 8192);
        long ss = lines.memory.put(0x7ffc0000L, b.array());
        ByteBuffer o = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        o.putInt(8, 2);
        long old = lines.memory.put(0x7ffc1000L, o.array());
        assertThat(lines.line("sigaltstack", 0, ss, old))
                .isEqualTo("sigaltstack({ss_sp=0x1000, ss_flags=0, ss_size=8192}, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0");
        assertThat(lines.line("sigaltstack", 0, 0, ss)).isEqualTo("sigaltstack(NULL, {ss_sp=0x1000, ss_flags=0, ss_size=8192}) = 0");
        assertThat(lines.line("sigaltstack", -14, 1, 0x7ffc40401f40L)).isEqualTo("sigaltstack(0x1, 0x7ffc40401f40)        = -1 EFAULT (Bad address)");
    }

    @Test
    void rtSigreturnShowsTheMaskItRestores() {
        long sp = 0x7ffc5000L;
        byte[] frame = new byte[296 + 8];
        frame[296 + 2] = 1; // SIGCHLD, signal 17, is bit 16
        lines.memory.put(sp, frame);
        assertThat(lines.line("rt_sigreturn", -4, 0, 0, 0, 0, 0, 0, sp))
                .isEqualTo("rt_sigreturn({mask=[CHLD]})             = -1 EINTR (Interrupted system call)");
        long empty = 0x7ffc6000L;
        lines.memory.put(empty, new byte[296 + 8]);
        assertThat(lines.line("rt_sigreturn", 0, 0, 0, 0, 0, 0, 0, empty)).isEqualTo("rt_sigreturn({mask=[]})                 = 0");
    }
}
