package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class WaitTest {

    private static final long ECHILD = -10, EINVAL = -22;
    private final Lines lines = new Lines();

    private long putStatus(long address, int status) {
        return lines.memory.put(address, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(status).array());
    }

    @Test
    void exitedSignaledStopped() {
        long exited = putStatus(0x7fff7bda5b88L, 3 << 8);
        long killed = putStatus(0x7fff7bda6000L, 9);
        long stopped = putStatus(0x7fff7bda7000L, (19 << 8) | 0x7f);
        long core = putStatus(0x7fff7bda8000L, 0x80 | 11);
        assertThat(lines.line("wait4", 26613, 26613, exited, 0, 0))
                .isEqualTo("wait4(26613, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 26613");
        assertThat(lines.entry("wait4", 26613, exited, 0, 0)).isEqualTo("wait4(26613, ");
        assertThat(lines.line("wait4", 26614, -1, killed, 0x40000000, 0))
                .isEqualTo("wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], __WALL, NULL) = 26614");
        assertThat(lines.line("wait4", 26616, 26616, stopped, 2, 0))
                .isEqualTo("wait4(26616, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = 26616");
        assertThat(lines.line("wait4", 26697, -1, core, 0, 0))
                .isEqualTo("wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, NULL) = 26697");
        long continued = putStatus(0x7fff7bda9000L, 0xffff);
        assertThat(lines.line("wait4", 27645, 27645, continued, 8, 0))
                .isEqualTo("wait4(27645, [{WIFCONTINUED(s)}], WCONTINUED, NULL) = 27645");
        assertThat(lines.line("wait4", 26616, 26616, exited, 8, 0))
                .isEqualTo("wait4(26616, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], WCONTINUED, NULL) = 26616");
    }

    @Test
    void nothingReaped() {
        long st = putStatus(0x7fff7bda5b88L, 0);
        assertThat(lines.line("wait4", 0, 26615, st, 0xb, 0))
                .isEqualTo("wait4(26615, 0x7fff7bda5b88, WNOHANG|WSTOPPED|WCONTINUED, NULL) = 0");
        assertThat(lines.line("wait4", ECHILD, -1, st, 0, 0))
                .isEqualTo("wait4(-1, 0x7fff7bda5b88, 0, NULL)      = -1 ECHILD (No child processes)");
        assertThat(lines.line("wait4", ECHILD, -1, 1, 0, 0))
                .isEqualTo("wait4(-1, 0x1, 0, NULL)                 = -1 ECHILD (No child processes)");
        assertThat(lines.line("wait4", 26617, 26617, 0, 0, 0)).isEqualTo("wait4(26617, NULL, 0, NULL)             = 26617");
    }

    @Test
    void rusage() {
        long st = putStatus(0x7ffe01ccdd78L, 0);
        long[] words = new long[18];
        words[1] = 75911;
        words[2] = 2;
        words[3] = 5;
        long ru = lines.memory.putLongs(0x7ffe01ccdce0L, words);
        assertThat(lines.line("wait4", 27926, 27926, st, 0, ru))
                .isEqualTo("wait4(27926, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, {ru_utime={tv_sec=0, tv_usec=75911},"
                        + " ru_stime={tv_sec=2, tv_usec=5}, ...}) = 27926");
        assertThat(lines.line("wait4", ECHILD, -1, st, 0, ru))
                .isEqualTo("wait4(-1, 0x7ffe01ccdd78, 0, 0x7ffe01ccdce0) = -1 ECHILD (No child processes)");
        assertThat(lines.line("wait4", -14, 27927, st, 0, 1))
                .isEqualTo("wait4(27927, 0x7ffe01ccdd78, 0, 0x1)    = -1 EFAULT (Bad address)");
        assertThat(lines.line("wait4", 0, 27957, st, 1, ru))
                .isEqualTo("wait4(27957, 0x7ffe01ccdd78, WNOHANG, 0x7ffe01ccdce0) = 0");
    }

    @Test
    void options() {
        assertThat(lines.line("wait4", EINVAL, -1, 0, 0x12345678, 1))
                .isEqualTo("wait4(-1, NULL, WCONTINUED|0x12345670, 0x1) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("wait4", ECHILD, 26617, 0, 0xa0000000L, 0))
                .isEqualTo("wait4(26617, NULL, __WCLONE|__WNOTHREAD, NULL) = -1 ECHILD (No child processes)");
        assertThat(lines.line("wait4", EINVAL, 0xffffffffL, 0, 0xffffffffL, 0))
                .isEqualTo("wait4(-1, NULL, WNOHANG|WEXITED|WSTOPPED|WCONTINUED|WNOWAIT|__WCLONE|__WALL|__WNOTHREAD|0x1efffff0,"
                        + " NULL) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void waitid() {
        ByteBuffer si = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        si.putInt(0, 17).putInt(8, 1).putInt(16, 5365).putInt(20, 0).putInt(24, 3).putLong(32, 140127379413328L).putLong(40, 3);
        long info = lines.memory.put(0x7ffca855fa10L, si.array());
        assertThat(lines.line("waitid", 0, 1, 5365, info, 4, 0))
                .isEqualTo("waitid(P_PID, 5365, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5365, si_uid=0, si_status=3,"
                        + " si_utime=140127379413328 /* 1401273794133.28 s */, si_stime=3 /* 0.03 s */}, WEXITED, NULL) = 0");
        assertThat(lines.entry("waitid", 1, 5365, info, 4, 0)).isEqualTo("waitid(P_PID, 5365, ");
        assertThat(lines.line("waitid", ECHILD, 0, 0, info, 5, 0))
                .isEqualTo("waitid(P_ALL, 0, 0x7ffca855fa10, WNOHANG|WEXITED, NULL) = -1 ECHILD (No child processes)");
    }
}
