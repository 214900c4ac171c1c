package dev.jutrace.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SigInfoTest {

    /** Rows of siginfo-cases.tsv: a siginfo_t a process received, and what strace 6.1 printed for it. */
    static Stream<Arguments> straceCases() throws IOException {
        try (InputStream in = SigInfoTest.class.getResourceAsStream("siginfo-cases.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(f -> Arguments.of(f[1], HexFormat.of().parseHex(f[0])))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("straceCases")
    void printsWhatStracePrinted(String expected, byte[] siginfo) {
        StringBuilder out = new StringBuilder();
        SigInfo.format(siginfo, out);
        assertThat(out).hasToString(expected);
    }

    @Test
    void aChildExited() {
        byte[] si = siginfo(17, 0, 1);
        ByteBuffer b = ByteBuffer.wrap(si).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(16, 1234).putInt(20, 0).putInt(24, 0);
        StringBuilder out = new StringBuilder("--- SIGCHLD ");
        SigInfo.format(si, out);
        assertThat(out).hasToString("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1234, si_uid=0, si_status=0,"
                + " si_utime=0, si_stime=0}");
    }

    @Test
    void aKernelSentSignalHasNoSender() {
        // What a tracer's restart signal looks like (strace --inject=...:signal=SIGUSR1 prints this).
        byte[] si = siginfo(10, 0, 0x80);
        StringBuilder out = new StringBuilder();
        SigInfo.format(si, out);
        assertThat(out).hasToString("{si_signo=SIGUSR1, si_code=SI_KERNEL}");
    }

    @Test
    void otherArchitecturesSyscallsPrintAsNumbers() {
        // strace 6.1 adds "/* read */" from its i386 table; this module knows x86_64 only.
        byte[] si = siginfo(31, 0, 1);
        ByteBuffer.wrap(si).order(ByteOrder.LITTLE_ENDIAN).putLong(16, 0x401000).putInt(24, 3).putInt(28, 0x40000003);
        StringBuilder out = new StringBuilder();
        SigInfo.format(si, out);
        assertThat(out).hasToString("{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x401000, si_syscall=3,"
                + " si_arch=AUDIT_ARCH_I386}");
    }

    @Test
    void theUnionMemberFollowsTheCodeThenTheSignal() {
        assertThat(SigInfo.union(17, 0)).isEqualTo(SigInfo.Union.KILL);
        assertThat(SigInfo.union(17, -1)).isEqualTo(SigInfo.Union.RT);
        assertThat(SigInfo.union(10, -2)).isEqualTo(SigInfo.Union.TIMER);
        assertThat(SigInfo.union(10, -5)).isEqualTo(SigInfo.Union.SIGPOLL);
        assertThat(SigInfo.union(17, 1)).isEqualTo(SigInfo.Union.SIGCHLD);
        assertThat(SigInfo.union(11, 0x80)).isEqualTo(SigInfo.Union.SIGFAULT);
        assertThat(SigInfo.union(29, 7)).isEqualTo(SigInfo.Union.NONE);
        assertThat(SigInfo.union(31, 3)).isEqualTo(SigInfo.Union.SIGSYS);
        assertThat(SigInfo.union(10, 5)).isEqualTo(SigInfo.Union.RT);
    }

    @Test
    void tooShort() {
        assertThatThrownBy(() -> SigInfo.format(new byte[64], new StringBuilder()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] siginfo(int signo, int errno, int code) {
        byte[] si = new byte[SigInfo.SIZE];
        ByteBuffer.wrap(si).order(ByteOrder.LITTLE_ENDIAN).putInt(0, signo).putInt(4, errno).putInt(8, code);
        return si;
    }
}
