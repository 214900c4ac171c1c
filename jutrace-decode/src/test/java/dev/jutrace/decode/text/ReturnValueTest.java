package dev.jutrace.decode.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are copied from strace 6.1 output. */
class ReturnValueTest {

    private static String line(String start, long ret, ReturnStyle style) {
        StringBuilder out = new StringBuilder(start);
        ReturnValue.append(out, ret, style);
        return out.toString();
    }

    @Test
    void padsToColumnForty() {
        assertThat(line("close(3", 0, ReturnStyle.DECIMAL)).isEqualTo("close(3)                                = 0");
        assertThat(line("brk(NULL", 0x55b6d9cc2000L, ReturnStyle.HEX))
                .isEqualTo("brk(NULL)                               = 0x55b6d9cc2000");
    }

    @Test
    void longLinesGetOneSpace() {
        // 38, 39, 40 and 41 characters before the return value
        assertThat(line("open(\"/aaaaaaaaaaaaaaaaaaa\", O_RDONLY", -2, ReturnStyle.DECIMAL))
                .isEqualTo("open(\"/aaaaaaaaaaaaaaaaaaa\", O_RDONLY)  = -1 ENOENT (No such file or directory)");
        assertThat(line("open(\"/aaaaaaaaaaaaaaaaaaaa\", O_RDONLY", -2, ReturnStyle.DECIMAL))
                .isEqualTo("open(\"/aaaaaaaaaaaaaaaaaaaa\", O_RDONLY) = -1 ENOENT (No such file or directory)");
        assertThat(line("open(\"/aaaaaaaaaaaaaaaaaaaaa\", O_RDONLY", -2, ReturnStyle.DECIMAL))
                .isEqualTo("open(\"/aaaaaaaaaaaaaaaaaaaaa\", O_RDONLY) = -1 ENOENT (No such file or directory)");
    }

    @Test
    void theColumnCountsFromTheLineStartWithItsPidPrefix() {
        assertThat(line("previous line\n6591  brk(NULL", 0x5575cc1d8000L, ReturnStyle.HEX))
                .isEqualTo("previous line\n6591  brk(NULL)                         = 0x5575cc1d8000");
        assertThat(line("6592  <... set_robust_list resumed>", 0, ReturnStyle.DECIMAL))
                .isEqualTo("6592  <... set_robust_list resumed>)    = 0");
    }

    @Test
    void errors() {
        assertThat(line("mmap(NULL, 4096, PROT_NONE, MAP_FILE, -1, 0", -9, ReturnStyle.HEX))
                .isEqualTo("mmap(NULL, 4096, PROT_NONE, MAP_FILE, -1, 0) = -1 EBADF (Bad file descriptor)");
        assertThat(line("getppid(", -11, ReturnStyle.DECIMAL))
                .isEqualTo("getppid()                               = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(line("getppid(", -515, ReturnStyle.DECIMAL))
                .isEqualTo("getppid()                               = -1 ENOIOCTLCMD (Unknown error 515)");
        assertThat(line("getppid(", -531, ReturnStyle.DECIMAL))
                .isEqualTo("getppid()                               = -1 (errno 531)");
        assertThat(line("getppid(", -4095, ReturnStyle.DECIMAL))
                .isEqualTo("getppid()                               = -1 (errno 4095)");
        assertThat(line("getppid(", -41, ReturnStyle.DECIMAL))
                .isEqualTo("getppid()                               = -1 (errno 41)");
    }

    @Test
    void restartCodesHaveNoMinusOne() {
        assertThat(line("getppid(", -512, ReturnStyle.DECIMAL))
                .isEqualTo("getppid()                               = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
        assertThat(line("getppid(", -513, ReturnStyle.DECIMAL))
                .isEqualTo("getppid()                               = ? ERESTARTNOINTR (To be restarted)");
        assertThat(line("getppid(", -514, ReturnStyle.DECIMAL))
                .isEqualTo("getppid()                               = ? ERESTARTNOHAND (To be restarted if no handler)");
        assertThat(line("getppid(", -516, ReturnStyle.DECIMAL))
                .isEqualTo("getppid()                               = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
    }

    @Test
    void successStyles() {
        assertThat(line("getpid(", 6234, ReturnStyle.DECIMAL)).isEqualTo("getpid()                                = 6234");
        assertThat(line("lseek(3, -4096, SEEK_CUR", -4096, ReturnStyle.DECIMAL)).endsWith(" = -4096");
        assertThat(line("umask(000", 022, ReturnStyle.OCTAL)).isEqualTo("umask(000)                              = 022");
        assertThat(line("umask(0177777", 0, ReturnStyle.OCTAL)).isEqualTo("umask(0177777)                          = 000");
        assertThat(line("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0", 0x7f761af1e000L, ReturnStyle.HEX))
                .isEqualTo("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f761af1e000");
    }

    @Test
    void noReturn() {
        StringBuilder out = new StringBuilder("exit_group(0");
        ReturnValue.appendUnknown(out);
        assertThat(out).hasToString("exit_group(0)                           = ?");
    }
}
