package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class TimerTest {

    private static final long EINVAL = -22, EFAULT = -14;
    private final Lines lines = new Lines();

    private long putSigevent(long address, long value, int signo, int notify, long tidOrFunction) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, value).putInt(8, signo).putInt(12, notify).putLong(16, tidOrFunction);
        return lines.memory.put(address, b.array());
    }

    @Test
    void timerCreate() {
        long id = lines.memory.put(0x7ffc0000L, new byte[] {0, 0, 0, 0});
        long sev = putSigevent(0x7ffc1000L, 7, 10, 0, 0);
        assertThat(lines.line("timer_create", 0, 1, sev, id))
                .isEqualTo("timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=7, sival_ptr=0x7}, sigev_signo=SIGUSR1,"
                        + " sigev_notify=SIGEV_SIGNAL}, [0]) = 0");
        long none = putSigevent(0x7ffc2000L, 7, 10, 1, 0);
        assertThat(lines.line("timer_create", 0, 0, none, id))
                .isEqualTo("timer_create(CLOCK_REALTIME, {sigev_value={sival_int=7, sival_ptr=0x7}, sigev_signo=10,"
                        + " sigev_notify=SIGEV_NONE}, [0]) = 0");
        long tid = putSigevent(0x7ffc3000L, 7, 10, 4, 5597);
        assertThat(lines.line("timer_create", 0, 0, tid, id))
                .isEqualTo("timer_create(CLOCK_REALTIME, {sigev_value={sival_int=7, sival_ptr=0x7}, sigev_signo=SIGUSR1,"
                        + " sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=5597}, [0]) = 0");
        assertThat(lines.line("timer_create", 0, 0, 0, id)).isEqualTo("timer_create(CLOCK_REALTIME, NULL, [0]) = 0");
        long noValue = putSigevent(0x7ffc4000L, 0, 10, 0, 0);
        assertThat(lines.line("timer_create", 0, 0, noValue, id))
                .isEqualTo("timer_create(CLOCK_REALTIME, {sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}, [0]) = 0");
        long thread = putSigevent(0x7ffc5000L, 5, 10, 2, 0);
        assertThat(lines.line("timer_create", 0, 0, thread, id))
                .isEqualTo("timer_create(CLOCK_REALTIME, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=SIGUSR1,"
                        + " sigev_notify=SIGEV_THREAD, sigev_notify_function=NULL, sigev_notify_attributes=NULL}, [0]) = 0");
        long unknown = putSigevent(0x7ffc6000L, 5, 10, 99, 0);
        assertThat(lines.line("timer_create", -22, 0, unknown, 0x7ffcf4a8dd2cL))
                .isEqualTo("timer_create(CLOCK_REALTIME, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=10,"
                        + " sigev_notify=0x63 /* SIGEV_??? */}, 0x7ffcf4a8dd2c) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("timer_create", EFAULT, 0, 1, 0x7fffc5bff958L))
                .isEqualTo("timer_create(CLOCK_REALTIME, 0x1, 0x7fffc5bff958) = -1 EFAULT (Bad address)");
    }

    @Test
    void settimeGettime() {
        long its = lines.memory.putLongs(0x7ffc0000L, 0, 0, 100, 0);
        long old = lines.memory.putLongs(0x7ffc1000L, 0, 0, 0, 0);
        assertThat(lines.line("timer_settime", 0, 0, 0, its, old))
                .isEqualTo("timer_settime(0, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, tv_nsec=0}},"
                        + " {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0");
        assertThat(lines.line("timer_settime", 0, 0, 1, its, 0))
                .isEqualTo("timer_settime(0, TIMER_ABSTIME, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, tv_nsec=0}}, NULL) = 0");
        assertThat(lines.line("timer_gettime", 0, 0, old))
                .isEqualTo("timer_gettime(0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0");
        assertThat(lines.line("timer_getoverrun", 0, 0)).isEqualTo("timer_getoverrun(0)                     = 0");
        assertThat(lines.line("timer_delete", EINVAL, 99)).isEqualTo("timer_delete(99)                        = -1 EINVAL (Invalid argument)");
    }

    @Test
    void timerfd() {
        long its = lines.memory.putLongs(0x7ffc0000L, 0, 0, 2000000000, 0);
        assertThat(lines.line("timerfd_create", 3, 1, 02004000)).isEqualTo("timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 3");
        assertThat(lines.line("timerfd_create", 4, 0, 0)).isEqualTo("timerfd_create(CLOCK_REALTIME, 0)       = 4");
        assertThat(lines.line("timerfd_settime", 0, 3, 3, its, 0))
                .isEqualTo("timerfd_settime(3, TFD_TIMER_ABSTIME|TFD_TIMER_CANCEL_ON_SET, {it_interval={tv_sec=0, tv_nsec=0},"
                        + " it_value={tv_sec=2000000000, tv_nsec=0}}, NULL) = 0");
        assertThat(lines.line("timerfd_gettime", -9, 99, its)).isEqualTo("timerfd_gettime(99, 0x7ffc0000)         = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void itimers() {
        long it = lines.memory.putLongs(0x7ffc0000L, 0, 0, 10, 500);
        long old = lines.memory.putLongs(0x7ffc1000L, 0, 0, 0, 0);
        assertThat(lines.line("setitimer", 0, 0, it, old))
                .isEqualTo("setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=10, tv_usec=500}},"
                        + " {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0");
        assertThat(lines.line("getitimer", 0, 2, old))
                .isEqualTo("getitimer(ITIMER_PROF, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0");
        assertThat(lines.line("getitimer", EINVAL, 5, 0x7fffb5fd1f60L))
                .isEqualTo("getitimer(0x5 /* ITIMER_??? */, 0x7fffb5fd1f60) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("alarm", 0, 10)).isEqualTo("alarm(10)                               = 0");
        assertThat(lines.line("alarm", 10, 0)).isEqualTo("alarm(0)                                = 10");
    }
}
