package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class PrctlTest {

    private static final long EINVAL = -22;
    private final Lines lines = new Lines();

    private long putInt(long address, int value) {
        return lines.memory.put(address, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    @Test
    void names() {
        long golden = lines.memory.putString(0x1000, "golden");
        assertThat(lines.line("prctl", 0, 15, golden)).isEqualTo("prctl(PR_SET_NAME, \"golden\")            = 0");
        assertThat(lines.line("prctl", 0, 16, golden)).isEqualTo("prctl(PR_GET_NAME, \"golden\")            = 0");
        assertThat(lines.entry("prctl", 16, golden)).isEqualTo("prctl(PR_GET_NAME, ");
        long longName = lines.memory.putString(0x2000, "averyveryverylongnamethatgoeson_beyond");
        assertThat(lines.line("prctl", 0, 15, longName)).isEqualTo("prctl(PR_SET_NAME, \"averyveryverylo\"...) = 0");
        assertThat(lines.line("prctl", -14, 16, 1)).isEqualTo("prctl(PR_GET_NAME, 0x1)                 = -1 EFAULT (Bad address)");
        assertThat(lines.line("prctl", -14, 15, 0)).isEqualTo("prctl(PR_SET_NAME, NULL)                = -1 EFAULT (Bad address)");
    }

    @Test
    void answersStoredOrReturned() {
        assertThat(lines.line("prctl", 1, 3)).isEqualTo("prctl(PR_GET_DUMPABLE)                  = 1 (SUID_DUMP_USER)");
        assertThat(lines.line("prctl", 0, 4, 1)).isEqualTo("prctl(PR_SET_DUMPABLE, SUID_DUMP_USER)  = 0");
        assertThat(lines.line("prctl", 0, 4, 0)).isEqualTo("prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE) = 0");
        assertThat(lines.line("prctl", EINVAL, 4, 9)).isEqualTo("prctl(PR_SET_DUMPABLE, 0x9 /* SUID_DUMP_??? */) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("prctl", 0, 1, 15)).isEqualTo("prctl(PR_SET_PDEATHSIG, SIGTERM)        = 0");
        long sig = putInt(0x7ffc0000L, 15);
        assertThat(lines.line("prctl", 0, 2, sig)).isEqualTo("prctl(PR_GET_PDEATHSIG, [SIGTERM])      = 0");
        long one = putInt(0x7ffc1000L, 1);
        assertThat(lines.line("prctl", 0, 36, 1)).isEqualTo("prctl(PR_SET_CHILD_SUBREAPER, 1)        = 0");
        assertThat(lines.line("prctl", 0, 37, one)).isEqualTo("prctl(PR_GET_CHILD_SUBREAPER, [1])      = 0");
        long tid = lines.memory.putLongs(0x7ffc2000L, 0x7f3c98e1fa10L);
        assertThat(lines.line("prctl", 0, 40, tid)).isEqualTo("prctl(PR_GET_TID_ADDRESS, [0x7f3c98e1fa10]) = 0");
        assertThat(lines.line("prctl", 0, 21)).isEqualTo("prctl(PR_GET_SECCOMP)                   = 0");
        assertThat(lines.line("prctl", 50000, 30)).isEqualTo("prctl(PR_GET_TIMERSLACK)                = 50000");
        assertThat(lines.line("prctl", 0, 29, 50000)).isEqualTo("prctl(PR_SET_TIMERSLACK, 50000)         = 0");
        assertThat(lines.line("prctl", 1, 7)).isEqualTo("prctl(PR_GET_KEEPCAPS)                  = 1");
        assertThat(lines.line("prctl", 0, 13)).isEqualTo("prctl(PR_GET_TIMING)                    = 0");
    }

    @Test
    void fourArgumentsCapabilitiesAndSeccomp() {
        assertThat(lines.line("prctl", 0, 38, 1, 0, 0, 0)).isEqualTo("prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)  = 0");
        assertThat(lines.line("prctl", 1, 42, 0, 0, 0, 0)).isEqualTo("prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0)   = 1");
        assertThat(lines.line("prctl", 1, 23, 0)).isEqualTo("prctl(PR_CAPBSET_READ, CAP_CHOWN)       = 1");
        assertThat(lines.line("prctl", 1, 23, 21)).isEqualTo("prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN)   = 1");
        assertThat(lines.line("prctl", EINVAL, 23, 99)).isEqualTo("prctl(PR_CAPBSET_READ, 0x63 /* CAP_??? */) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("prctl", 0, 47, 1, 0, 0, 0)).isEqualTo("prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0) = 0");
        assertThat(lines.line("prctl", EINVAL, 22, 99, 0, 0, 0))
                .isEqualTo("prctl(PR_SET_SECCOMP, 0x63 /* SECCOMP_MODE_??? */, 0, 0, 0) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("prctl", EINVAL, 0x59616d61, -1)).isEqualTo("prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void subOperationsAndUnknownOptions() {
        long x = lines.memory.putString(0x1000, "x");
        assertThat(lines.line("prctl", EINVAL, 0x53564d41, 0, 0x1000, 4096, x))
                .isEqualTo("prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x1000, 4096, \"x\") = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("prctl", -1, 35, 1, 0, 0, 0))
                .isEqualTo("prctl(PR_SET_MM, PR_SET_MM_START_CODE, 0, 0, 0) = -1 EPERM (Operation not permitted)");
        assertThat(lines.line("prctl", EINVAL, 35, 99, 1, 2, 3))
                .isEqualTo("prctl(PR_SET_MM, 0x63 /* PR_SET_MM_??? */, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("prctl", EINVAL, 9999, 1, 2, 3, 4))
                .isEqualTo("prctl(0x270f /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)");
    }
}
