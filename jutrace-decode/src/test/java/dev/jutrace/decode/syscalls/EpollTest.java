package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class EpollTest {

    private static final long EFAULT = -14, EINVAL = -22, EBADF = -9;
    private static final long EPOLLIN = 1, EPOLLOUT = 4, EPOLLRDHUP = 0x2000, EPOLLEXCLUSIVE = 0x10000000, EPOLLET = 0x80000000L;
    private final Lines lines = new Lines();

    private long event(long address, long events, long data) {
        return lines.memory.put(address, Bytes.of(12).u32(0, events).u64(4, data).get());
    }

    @Test
    void create() {
        assertThat(lines.line("epoll_create", 5, 5)).isEqualTo("epoll_create(5)                         = 5");
        assertThat(lines.line("epoll_create1", 6, 02000000)).isEqualTo("epoll_create1(EPOLL_CLOEXEC)            = 6");
        assertThat(lines.line("epoll_create1", 7, 0)).isEqualTo("epoll_create1(0)                        = 7");
        assertThat(lines.line("epoll_create1", EINVAL, 1)).isEqualTo("epoll_create1(0x1 /* EPOLL_??? */)      = -1 EINVAL (Invalid argument)");
    }

    @Test
    void ctl() {
        long ev = event(0x7ffe9ff39b00L, EPOLLIN | EPOLLET | EPOLLRDHUP, 0x1234567890L);
        assertThat(lines.line("epoll_ctl", 0, 5, 1, 3, ev)).isEqualTo("epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLRDHUP|EPOLLET,"
                + " data={u32=878082192, u64=78187493520}}) = 0");
        long out = event(0x7ffe9ff39c00L, EPOLLOUT | EPOLLEXCLUSIVE, 77309411332L);
        assertThat(lines.line("epoll_ctl", 0, 5, 1, 4, out)).isEqualTo("epoll_ctl(5, EPOLL_CTL_ADD, 4, {events=EPOLLOUT|EPOLLEXCLUSIVE,"
                + " data={u32=4, u64=77309411332}}) = 0");
        assertThat(lines.line("epoll_ctl", 0, 5, 2, 4, 0)).isEqualTo("epoll_ctl(5, EPOLL_CTL_DEL, 4, NULL)    = 0");
        assertThat(lines.line("epoll_ctl", EFAULT, 5, 7, 3, 1)).isEqualTo("epoll_ctl(5, 0x7 /* EPOLL_CTL_??? */, 3, 0x1) = -1 EFAULT (Bad address)");
        long none = event(0x7ffe9ff39d00L, 0, 77309411332L);
        assertThat(lines.line("epoll_ctl", 0, 5, 3, 3, none)).isEqualTo("epoll_ctl(5, EPOLL_CTL_MOD, 3, {events=0, data={u32=4, u64=77309411332}}) = 0");
    }

    @Test
    void everyEventBit() {
        long all = event(0x1000, 0xffffffffL, 0);
        assertThat(lines.line("epoll_ctl", EBADF, -1, 1, -1, all)).isEqualTo("epoll_ctl(-1, EPOLL_CTL_ADD, -1, {events=EPOLLIN|EPOLLPRI"
                + "|EPOLLOUT|EPOLLERR|EPOLLHUP|EPOLLNVAL|EPOLLRDNORM|EPOLLRDBAND|EPOLLWRNORM|EPOLLWRBAND|EPOLLMSG|EPOLLRDHUP"
                + "|EPOLLEXCLUSIVE|EPOLLWAKEUP|EPOLLONESHOT|EPOLLET|0xfffd800, data={u32=0, u64=0}}) = -1 EBADF (Bad file descriptor)");
        long unknown = event(0x2000, 0x0fff0000, 0);
        assertThat(lines.line("epoll_ctl", EBADF, -1, 1, -1, unknown)).isEqualTo("epoll_ctl(-1, EPOLL_CTL_ADD, -1,"
                + " {events=0xfff0000 /* EPOLL??? */, data={u32=0, u64=0}}) = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void waits() {
        long events = 0x7ffe9ff39b10L;
        lines.memory.put(events, new byte[48]);
        assertThat(lines.line("epoll_wait", 0, 5, events, 4, 0)).isEqualTo("epoll_wait(5, [], 4, 0)                 = 0");
        assertThat(lines.line("epoll_wait", 0, 5, 1, 4, 0)).isEqualTo("epoll_wait(5, [], 4, 0)                 = 0");
        assertThat(lines.line("epoll_wait", EBADF, 99, events, 4, 0))
                .isEqualTo("epoll_wait(99, 0x7ffe9ff39b10, 4, 0)    = -1 EBADF (Bad file descriptor)");
        assertThat(lines.entry("epoll_wait", 5, events, 4, 0xffffffffL)).isEqualTo("epoll_wait(5, ");
        Runnable one = () -> event(events, EPOLLIN, 77309411332L);
        long usr1 = lines.memory.putLongs(0x8000, 1L << 9);
        assertThat(lines.line("epoll_pwait", 1, one, 5, events, 4, 0, usr1, 8))
                .isEqualTo("epoll_pwait(5, [{events=EPOLLIN, data={u32=4, u64=77309411332}}], 4, 0, [USR1], 8) = 1");
        assertThat(lines.line("epoll_pwait", 1, 5, events, 4, 0, 0, 8))
                .isEqualTo("epoll_pwait(5, [{events=EPOLLIN, data={u32=4, u64=77309411332}}], 4, 0, NULL, 8) = 1");
        long ts = lines.memory.putLongs(0x9000, 0, 500);
        assertThat(lines.line("epoll_pwait2", 1, 5, events, 4, ts, usr1, 8)).isEqualTo("epoll_pwait2(5, [{events=EPOLLIN,"
                + " data={u32=4, u64=77309411332}}], 4, {tv_sec=0, tv_nsec=500}, [USR1], 8) = 1");
        assertThat(lines.line("epoll_pwait2", 1, 5, events, 4, 0, 0, 8))
                .isEqualTo("epoll_pwait2(5, [{events=EPOLLIN, data={u32=4, u64=77309411332}}], 4, NULL, NULL, 8) = 1");
    }
}
