package dev.jutrace.tools.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GdbSignalsTest {

    @Test
    void mapsLinuxNumbersToGdbsAndBack() {
        assertThat(GdbSignals.toGdb(5)).isEqualTo(5); // SIGTRAP
        assertThat(GdbSignals.toGdb(10)).isEqualTo(30); // SIGUSR1
        assertThat(GdbSignals.toGdb(17)).isEqualTo(20); // SIGCHLD
        assertThat(GdbSignals.toGdb(19)).isEqualTo(17); // SIGSTOP
        assertThat(GdbSignals.toGdb(34)).isEqualTo(46); // SIGRTMIN
        for (int s = 1; s <= 64; s++) {
            if (s == 16) continue; // SIGSTKFLT has no gdb name
            assertThat(GdbSignals.toLinux(GdbSignals.toGdb(s))).as("signal %d", s).isEqualTo(s);
        }
        assertThat(GdbSignals.toLinux(0)).isZero();
        assertThat(GdbSignals.toLinux(143)).isZero();
    }
}
