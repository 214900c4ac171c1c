package dev.jutrace.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitStatusTest {
    @Test
    void exitedCarriesItsCode() {
        WaitStatus s = new WaitStatus(42 << 8);
        assertThat(s.exited()).isTrue();
        assertThat(s.exitStatus()).isEqualTo(42);
        assertThat(s.signaled()).isFalse();
        assertThat(s.stopped()).isFalse();
        assertThat(s).hasToString("exited(42)");
    }

    @Test
    void signaledWithCore() {
        WaitStatus s = new WaitStatus(0x80 | 11);
        assertThat(s.signaled()).isTrue();
        assertThat(s.termSig()).isEqualTo(11);
        assertThat(s.coreDumped()).isTrue();
        assertThat(s.exited()).isFalse();
    }

    @Test
    void ptraceStopsDecodeAsTheKernelWritesThem() {
        assertThat(new WaitStatus(0x137f).stopSig()).isEqualTo(Libc.SIGSTOP);
        WaitStatus syscall = new WaitStatus(0x857f);
        assertThat(syscall.stopped()).isTrue();
        assertThat(syscall.stopSig()).isEqualTo(0x85);
        WaitStatus exec = new WaitStatus((Ptrace.PTRACE_EVENT_EXEC << 16) | 0x57f);
        assertThat(exec.ptraceEvent()).isEqualTo(Ptrace.PTRACE_EVENT_EXEC);
        assertThat(exec.stopSig()).isEqualTo(Libc.SIGTRAP);
        assertThat(new WaitStatus(0xffff).continued()).isTrue();
        assertThat(new WaitStatus(0xffff).stopped()).isFalse();
    }
}
