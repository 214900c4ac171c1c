package dev.jutrace.tools.strace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyscallStatusTest {

    @Test
    void setsOfStatuses() {
        assertThat(SyscallStatus.parse("successful,failed"))
                .isEqualTo(SyscallStatus.SUCCESSFUL.bit() | SyscallStatus.FAILED.bit());
        assertThat(SyscallStatus.parse("!failed") & SyscallStatus.FAILED.bit()).isZero();
        assertThat(SyscallStatus.parse("!failed") & SyscallStatus.UNFINISHED.bit()).isNotZero();
        assertThat(SyscallStatus.parse("all")).isEqualTo(SyscallStatus.ALL);
        assertThat(SyscallStatus.parse("none")).isZero();
        assertThat(SyscallStatus.parse("unfinished,unavailable,detached")).isEqualTo(
                SyscallStatus.UNFINISHED.bit() | SyscallStatus.UNAVAILABLE.bit() | SyscallStatus.DETACHED.bit());
    }

    @Test
    void strace61sErrors() {
        assertThatThrownBy(() -> SyscallStatus.parse("foo")).hasMessage("invalid status 'foo'");
        assertThatThrownBy(() -> SyscallStatus.parse("")).hasMessage("invalid status ''");
    }

    @Test
    void descriptorSets() {
        assertThat(FdSet.parse("0,3").stream().boxed().toList()).containsExactly(0, 3);
        assertThat(FdSet.parse("!1").get(1)).isFalse();
        assertThat(FdSet.parse("!1").get(2)).isTrue();
        assertThatThrownBy(() -> FdSet.parse("x")).hasMessage("invalid descriptor 'x'");
        assertThatThrownBy(() -> FdSet.parse("-1")).hasMessage("invalid descriptor '-1'");
    }
}
