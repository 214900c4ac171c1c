package dev.jutrace.tools.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jutrace.decode.SyscallTable;
import org.junit.jupiter.api.Test;

class InjectSpecTest {
    private static final SyscallTable TABLE = SyscallTable.x86_64();

    private static InjectSpec inject(String text) {
        return InjectSpec.parseInject(text, TABLE);
    }

    @Test
    void errorAndWhen() {
        InjectSpec s = inject("openat,getppid:error=ENOENT:when=3+");
        assertThat(s.syscalls().get(TABLE.number("openat"))).isTrue();
        assertThat(s.syscalls().get(TABLE.number("getppid"))).isTrue();
        assertThat(s.syscalls().cardinality()).isEqualTo(2);
        assertThat(s.result()).isEqualTo(-2);
        assertThat(s.when()).isEqualTo(new When(3, Long.MAX_VALUE, 1));
    }

    @Test
    void numericErrorRetvalSignalAndDelays() {
        assertThat(inject("getppid:error=13").result()).isEqualTo(-13);
        InjectSpec s = inject("getppid:retval=0x10:signal=USR1:delay_enter=2ms:delay_exit=7");
        assertThat(s.hasRetval()).isTrue();
        assertThat(s.result()).isEqualTo(16);
        assertThat(s.signal()).isEqualTo(10);
        assertThat(s.delayEnterMicros()).isEqualTo(2000);
        assertThat(s.delayExitMicros()).isEqualTo(7);
        assertThat(inject("getppid:delay_enter=1.5s").delayEnterMicros()).isEqualTo(1_500_000);
        assertThat(inject("getppid:retval=-1").result()).isEqualTo(-1);
    }

    @Test
    void classesNegationAndDefaults() {
        InjectSpec s = inject("%file:signal=SIGUSR2");
        assertThat(s.syscalls().get(TABLE.number("openat"))).isTrue();
        assertThat(s.syscalls().get(TABLE.number("getppid"))).isFalse();
        assertThat(s.tampersResult()).isFalse();
        assertThat(s.when()).isEqualTo(When.ALWAYS);
        assertThat(inject("!getppid:retval=1").syscalls().get(TABLE.number("getppid"))).isFalse();
        assertThat(InjectSpec.parseFault("getppid", TABLE).result()).isEqualTo(-38); // ENOSYS
        assertThat(InjectSpec.parseFault("getppid:error=EPERM:when=2", TABLE).result()).isEqualTo(-1);
    }

    @Test
    void theLastWhenCounts() {
        assertThat(inject("getppid:retval=1:when=2:when=5..9+2").when()).isEqualTo(new When(5, 9, 2));
    }

    @Test
    void predicates() {
        InjectSpec s = inject("openat:error=ENOENT:path=*.conf:path=/tmp/*:arg3=0x80000");
        assertThat(s.paths()).extracting(Glob::pattern).containsExactly("*.conf", "/tmp/*");
        assertThat(s.args()).containsExactly(new InjectSpec.ArgEquals(2, 0x80000));
    }

    @Test
    void badSpecsSayWhatIsWrongOnOneLine() {
        assertBad("getppid", "invalid --inject argument 'getppid': needs error=, retval=, signal=, delay_enter= or delay_exit=");
        assertBad("getppid:when=2", "needs error=");
        assertBad("getppid:error=FOO", "error= takes an errno name or 1..4095, not 'FOO'");
        assertBad("getppid:error=4096", "error= takes an errno name");
        assertBad("getppid:error=EPERM:retval=2", "only one error= or retval=");
        assertBad("nosuch:error=EPERM", "invalid system call 'nosuch'");
        assertBad(":error=EPERM", "no system call set");
        assertBad("getppid:error=EPERM:when=0", "first must be 1..65535, not '0'");
        assertBad("getppid:error=EPERM:when=5..3", "last is before first");
        assertBad("getppid:error=EPERM:when=1..65535", "last must be 1..65534");
        assertBad("getppid:signal=SIGNOPE", "unknown signal 'SIGNOPE'");
        assertBad("getppid:delay_enter=soon", "invalid delay 'soon'");
        assertBad("getppid:retval=ten", "retval= takes an integer, not 'ten'");
        assertBad("getppid:error=EPERM:frob=1", "unknown option 'frob'");
        assertBad("getppid:error=EPERM:arg7=1", "unknown option 'arg7'");
        assertBad("getppid:error=EPERM:oops", "expected KEY=VALUE, not 'oops'");
        assertBad("getppid:syscall=getpid", "syscall= is not supported by jutrace");
        assertBad("openat:error=EPERM:path=[abc", "unclosed [");
        assertThatThrownBy(() -> InjectSpec.parseFault("getppid:when=x", TABLE))
                .hasMessageStartingWith("invalid --fault argument 'getppid:when=x': ");
    }

    private static void assertBad(String spec, String message) {
        assertThatThrownBy(() -> inject(spec)).isInstanceOf(InjectSpec.BadSpecException.class)
                .hasMessageContaining(message)
                .hasMessageStartingWith("invalid --inject argument '" + spec + "': ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
