package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The small process families, Rlimit, Sched, Uname, Personality and Kill, one test each.
 * Expected lines are strace 6.1's for the same registers and memory.
 */
class ProcessCallsTest {

    private final Lines lines = new Lines();

    @Test
    void rlimitAndRusage() {
        long rl = lines.memory.putLongs(0x7ffca855ff20L, 20000, 20000);
        assertThat(lines.line("getrlimit", 0, 7, rl)).isEqualTo("getrlimit(RLIMIT_NOFILE, {rlim_cur=20000, rlim_max=20000}) = 0");
        assertThat(lines.line("setrlimit", 0, 7, rl)).isEqualTo("setrlimit(RLIMIT_NOFILE, {rlim_cur=20000, rlim_max=20000}) = 0");
        long stack = lines.memory.putLongs(0x7ffca8560000L, 8192 * 1024, -1);
        assertThat(lines.line("getrlimit", 0, 3, stack)).isEqualTo("getrlimit(RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
        assertThat(lines.line("getrlimit", -22, 99, rl))
                .isEqualTo("getrlimit(0x63 /* RLIMIT_??? */, 0x7ffca855ff20) = -1 EINVAL (Invalid argument)");
        long[] words = new long[18];
        words[1] = 1260;
        long ru = lines.memory.putLongs(0x7ffca8561000L, words);
        assertThat(lines.line("getrusage", 0, 0, ru))
                .isEqualTo("getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=1260}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 0");
        assertThat(lines.line("getrusage", 0, -1, ru)).startsWith("getrusage(RUSAGE_CHILDREN, {ru_utime=");
        assertThat(lines.line("getrusage", -14, 1, 1)).isEqualTo("getrusage(RUSAGE_THREAD, 0x1)           = -1 EFAULT (Bad address)");
        assertThat(lines.line("getrusage", -22, 99, 0)).isEqualTo("getrusage(0x63 /* RUSAGE_??? */, NULL)  = -1 EINVAL (Invalid argument)");
    }

    @Test
    void sched() {
        long cpus = lines.memory.putLongs(0x7ffc0000L, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        long param = lines.memory.put(0x7ffc1000L, new byte[4]);
        assertThat(lines.line("sched_yield", 0)).isEqualTo("sched_yield()                           = 0");
        assertThat(lines.line("sched_getaffinity", 32, 0, 128, cpus)).isEqualTo("sched_getaffinity(0, 128, [0 1])        = 32");
        assertThat(lines.line("sched_setaffinity", 0, 0, 128, cpus)).isEqualTo("sched_setaffinity(0, 128, [0 1])        = 0");
        assertThat(lines.line("sched_getaffinity", -22, 0, 3, cpus)).isEqualTo("sched_getaffinity(0, 3, 0x7ffc0000)     = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("sched_setscheduler", 0, 0, 0, param)).isEqualTo("sched_setscheduler(0, SCHED_OTHER, [0]) = 0");
        assertThat(lines.line("sched_setscheduler", 0, 0, 0x40000003, param))
                .isEqualTo("sched_setscheduler(0, 0x40000003 /* SCHED_??? */, [0]) = 0");
        assertThat(lines.line("sched_setscheduler", -22, 0, 1, 0)).isEqualTo("sched_setscheduler(0, SCHED_FIFO, NULL) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("sched_getscheduler", 0, 0)).isEqualTo("sched_getscheduler(0)                   = 0 (SCHED_OTHER)");
        assertThat(lines.line("sched_getscheduler", 1073741827, 0)).isEqualTo("sched_getscheduler(0)                   = 1073741827");
        assertThat(lines.line("sched_getparam", 0, 0, param)).isEqualTo("sched_getparam(0, [0])                  = 0");
        assertThat(lines.line("sched_setparam", 0, 0, param)).isEqualTo("sched_setparam(0, [0])                  = 0");
        assertThat(lines.line("sched_get_priority_max", 99, 1)).isEqualTo("sched_get_priority_max(SCHED_FIFO)      = 99");
        assertThat(lines.line("sched_get_priority_min", 1, 2)).isEqualTo("sched_get_priority_min(SCHED_RR)        = 1");
        long ts = lines.memory.putLongs(0x7ffc2000L, 0, 0);
        assertThat(lines.line("sched_rr_get_interval", 0, 0, ts)).isEqualTo("sched_rr_get_interval(0, {tv_sec=0, tv_nsec=0}) = 0");
    }

    @Test
    void unameAndSysinfo() {
        byte[] uts = new byte[6 * 65];
        System.arraycopy("Linux".getBytes(), 0, uts, 0, 5);
        System.arraycopy("vm".getBytes(), 0, uts, 65, 2);
        long u = lines.memory.put(0x7ffc0000L, uts);
        assertThat(lines.line("uname", 0, u)).isEqualTo("uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0");
        assertThat(lines.line("uname", -14, 1)).isEqualTo("uname(0x1)                              = -1 EFAULT (Bad address)");
        ByteBuffer b = ByteBuffer.allocate(112).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 9804).putLong(8, 63136).putLong(16, 66624).putLong(24, 84000).putLong(32, 25276510208L)
                .putLong(40, 24152289280L).putLong(48, 9068544).putLong(56, 32460800).putShort(80, (short) 90).putInt(104, 1);
        long si = lines.memory.put(0x7ffc1000L, b.array());
        assertThat(lines.line("sysinfo", 0, si))
                .isEqualTo("sysinfo({uptime=9804, loads=[63136, 66624, 84000], totalram=25276510208, freeram=24152289280,"
                        + " sharedram=9068544, bufferram=32460800, totalswap=0, freeswap=0, procs=90, totalhigh=0, freehigh=0,"
                        + " mem_unit=1}) = 0");
    }

    @Test
    void personality() {
        assertThat(lines.line("personality", 0, 0xffffffffL)).isEqualTo("personality(0xffffffff)                 = 0 (PER_LINUX)");
        assertThat(lines.line("personality", 0, 0x40000)).isEqualTo("personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX)");
        assertThat(lines.line("personality", 0x40000, 0))
                .isEqualTo("personality(PER_LINUX)                  = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)");
        assertThat(lines.line("personality", 0, 8)).isEqualTo("personality(PER_LINUX32)                = 0 (PER_LINUX)");
        assertThat(lines.line("personality", 8, 0x4000003))
                .isEqualTo("personality(0x3 /* PER_??? */|STICKY_TIMEOUTS) = 0x8 (PER_LINUX32)");
        assertThat(lines.line("personality", 0x4000003, 0))
                .isEqualTo("personality(PER_LINUX)                  = 0x4000003 (0x3 /* PER_??? */|STICKY_TIMEOUTS)");
    }

    @Test
    void killAndGroups() {
        assertThat(lines.line("kill", 0, 0, 0)).isEqualTo("kill(0, 0)                              = 0");
        assertThat(lines.line("kill", -3, 999999, 15)).isEqualTo("kill(999999, SIGTERM)                   = -1 ESRCH (No such process)");
        assertThat(lines.line("kill", -22, 1, 99)).isEqualTo("kill(1, 99)                             = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("tkill", 0, 5364, 0)).isEqualTo("tkill(5364, 0)                          = 0");
        assertThat(lines.line("tgkill", 0, 5364, 5364, 0)).isEqualTo("tgkill(5364, 5364, 0)                   = 0");
        assertThat(lines.line("setpgid", 0, 0, 0)).isEqualTo("setpgid(0, 0)                           = 0");
        assertThat(lines.line("getpgid", 5364, 0)).isEqualTo("getpgid(0)                              = 5364");
        assertThat(lines.line("getsid", 814, 0)).isEqualTo("getsid(0)                               = 814");
        assertThat(lines.line("setsid", -1)).isEqualTo("setsid()                                = -1 EPERM (Operation not permitted)");
    }
}
