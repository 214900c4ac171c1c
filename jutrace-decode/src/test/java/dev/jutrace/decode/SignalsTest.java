package dev.jutrace.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalsTest {

    @Test
    void regeneratingFromTheHeaderChangesNothing() throws Exception {
        Generated.assertRegeneratesTheSame("gen-signals.sh", "signals.tsv",
                Path.of("/usr/include/x86_64-linux-gnu/asm/signal.h"), "awk");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "1, SIGHUP", "6, SIGABRT", "9, SIGKILL", "17, SIGCHLD", "29, SIGIO", "31, SIGSYS",
        "32, SIGRTMIN", "33, SIGRT_1", "35, SIGRT_3", "64, SIGRT_32",
    })
    void namesAsStracePrintsThem(int signo, String name) {
        assertThat(Signals.name(signo)).isEqualTo(name);
        assertThat(Signals.number(name)).isEqualTo(signo);
    }

    @Test
    void numbersWithoutNames() {
        assertThat(Signals.name(0)).isNull();
        assertThat(Signals.name(65)).isNull();
        assertThat(Signals.name(-9)).isNull();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "SIGKILL, 9", "KILL, 9", "kill, 9", "9, 9", "SIGPOLL, 29", "IOT, 6", "SIGUNUSED, 31",
        "RTMIN, 32", "RT_3, 35", "sigrt_32, 64", "0, -1", "65, -1", "SIGFOO, -1", "99999999999, -1",
    })
    void numbersAsUsersWriteThem(String name, int signo) {
        assertThat(Signals.number(name)).isEqualTo(signo);
    }
}
