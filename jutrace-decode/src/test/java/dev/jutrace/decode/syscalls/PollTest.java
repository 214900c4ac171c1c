package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class PollTest {

    private static final long EFAULT = -14, EINVAL = -22, EBADF = -9, ERESTART_NOHAND = -514;
    private static final int POLLIN = 1, POLLPRI = 2, POLLOUT = 4, POLLNVAL = 0x20;
    private final Lines lines = new Lines();
    private final long fds = 0x7ffe9ff39c00L;

    private void pollfds(int... fdEventsRevents) {
        Bytes b = Bytes.of(fdEventsRevents.length / 3 * 8);
        for (int i = 0; i < fdEventsRevents.length; i += 3) {
            b.u32(i / 3 * 8, fdEventsRevents[i]).u16(i / 3 * 8 + 4, fdEventsRevents[i + 1]).u16(i / 3 * 8 + 6, fdEventsRevents[i + 2]);
        }
        lines.memory.put(fds, b.get());
    }

    @Test
    void poll() {
        pollfds(3, POLLIN | POLLPRI, 0, 4, POLLOUT, 0, -1, POLLIN, 0);
        Runnable ready = () -> pollfds(3, POLLIN | POLLPRI, POLLIN, 4, POLLOUT, POLLOUT, -1, POLLIN, 0);
        assertThat(lines.line("poll", 2, ready, fds, 3, 0)).isEqualTo("poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT},"
                + " {fd=-1}], 3, 0) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])");
        pollfds(3, POLLIN | POLLPRI, 0, 4, POLLOUT, 0, -1, POLLIN, 0);
        assertThat(lines.entry("poll", fds, 3, 0xffffffffL))
                .isEqualTo("poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=-1}], 3, -1");
        pollfds(99, 0xffff, 0);
        assertThat(lines.line("poll", 1, () -> pollfds(99, 0xffff, POLLNVAL), fds, 1, 10)).isEqualTo("poll([{fd=99, events=POLLIN|POLLPRI"
                + "|POLLOUT|POLLERR|POLLHUP|POLLNVAL|POLLRDNORM|POLLRDBAND|POLLWRNORM|POLLWRBAND|POLLMSG|POLLREMOVE|POLLRDHUP"
                + "|POLL_BUSY_LOOP|0x4800}], 1, 10) = 1 ([{fd=99, revents=POLLNVAL}])");
    }

    @Test
    void pollTimeoutsAndFailures() {
        pollfds(3, POLLOUT, 0);
        assertThat(lines.line("poll", 0, fds, 1, 0)).isEqualTo("poll([{fd=3, events=POLLOUT}], 1, 0)    = 0 (Timeout)");
        assertThat(lines.line("poll", 0, 0, 0, 0)).isEqualTo("poll(NULL, 0, 0)                        = 0 (Timeout)");
        assertThat(lines.line("poll", EFAULT, 1, 1, 0)).isEqualTo("poll(0x1, 1, 0)                         = -1 EFAULT (Bad address)");
        assertThat(lines.line("poll", ERESTART_NOHAND, fds, 1, 0xffffffffL))
                .isEqualTo("poll([{fd=3, events=POLLOUT}], 1, -1)   = ? ERESTARTNOHAND (To be restarted if no handler)");
    }

    @Test
    void ppoll() {
        pollfds(3, POLLIN, 0, 4, POLLOUT, 0);
        long ts = lines.memory.putLongs(0x7000, 1, 5);
        long usr1 = lines.memory.putLongs(0x8000, 1L << 9);
        Runnable ready = () -> {
            pollfds(3, POLLIN, POLLIN, 4, POLLOUT, POLLOUT);
            lines.memory.putLongs(ts, 0, 999999018);
        };
        assertThat(lines.line("ppoll", 2, ready, fds, 2, ts, usr1, 8)).isEqualTo("ppoll([{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}],"
                + " 2, {tv_sec=1, tv_nsec=5}, [USR1], 8) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}],"
                + " left {tv_sec=0, tv_nsec=999999018})");
        assertThat(lines.line("ppoll", 1, fds, 1, 0, 0, 8)).isEqualTo("ppoll([{fd=3, events=POLLIN}], 1, NULL, NULL, 8) = 1 ([{fd=3, revents=POLLIN}])");
        pollfds(3, POLLOUT, 0);
        lines.memory.putLongs(ts, 0, 1000);
        assertThat(lines.line("ppoll", 0, fds, 1, ts, 0, 8)).isEqualTo("ppoll([{fd=3, events=POLLOUT}], 1, {tv_sec=0, tv_nsec=1000}, NULL, 8) = 0 (Timeout)");
    }

    /** An fd_set of 2048 bits, enough for the widest nfds here. */
    private long fdSet(long address, int... fds) {
        byte[] bytes = new byte[256];
        for (int fd : fds) {
            bytes[fd / 8] |= (byte) (1 << (fd % 8));
        }
        return lines.memory.put(address, bytes);
    }

    @Test
    void select() {
        long r = fdSet(0x1000, 3, 4), w = fdSet(0x2000, 4), e = fdSet(0x3000, 0);
        long tv = lines.memory.putLongs(0x4000, 2, 7);
        Runnable ready = () -> {
            fdSet(0x1000, 3);
            fdSet(0x2000, 4);
            fdSet(0x3000);
            lines.memory.putLongs(0x4000, 2, 5);
        };
        assertThat(lines.line("select", 2, ready, 5, r, w, e, tv))
                .isEqualTo("select(5, [3 4], [4], [0], {tv_sec=2, tv_usec=7}) = 2 (in [3], out [4], left {tv_sec=2, tv_usec=5})");
        long r4 = fdSet(0x5000, 4), zero = lines.memory.putLongs(0x6000, 0, 1000);
        assertThat(lines.line("select", 0, 5, r4, 0, 0, zero)).isEqualTo("select(5, [4], NULL, NULL, {tv_sec=0, tv_usec=1000}) = 0 (Timeout)");
        assertThat(lines.line("select", EFAULT, 5, 1, 0, 0, zero))
                .isEqualTo("select(5, 0x1, NULL, NULL, {tv_sec=0, tv_usec=1000}) = -1 EFAULT (Bad address)");
        long wide = fdSet(0x7000, 0, 65, 1033);
        assertThat(lines.line("select", EBADF, 70, wide, 0, 0, zero))
                .isEqualTo("select(70, [0 65], NULL, NULL, {tv_sec=0, tv_usec=1000}) = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("select", EBADF, 2000, wide, 0, 0, zero))
                .isEqualTo("select(2000, [0 65 1033], NULL, NULL, {tv_sec=0, tv_usec=1000}) = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("select", EINVAL, 0xffffffffL, wide, 0, 0, zero))
                .isEqualTo("select(-1, 0x7000, NULL, NULL, {tv_sec=0, tv_usec=1000}) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void pselect6() {
        long r = fdSet(0x1000, 3), ts = lines.memory.putLongs(0x4000, 3, 0);
        long usr1 = lines.memory.putLongs(0x8000, 1L << 9), data = lines.memory.putLongs(0x9000, usr1, 8);
        Runnable ready = () -> lines.memory.putLongs(0x4000, 2, 999999127);
        assertThat(lines.line("pselect6", 1, ready, 5, r, 0, 0, ts, data)).isEqualTo("pselect6(5, [3], NULL, NULL, {tv_sec=3, tv_nsec=0},"
                + " {sigmask=[USR1], sigsetsize=8}) = 1 (in [3], left {tv_sec=2, tv_nsec=999999127})");
        assertThat(lines.line("pselect6", 1, 5, r, 0, 0, 0, 0)).isEqualTo("pselect6(5, [3], NULL, NULL, NULL, NULL) = 1 (in [3])");
        long r4 = fdSet(0x5000, 4), short100 = lines.memory.putLongs(0x6000, 0, 100);
        assertThat(lines.line("pselect6", 0, 5, r4, 0, 0, short100, 0))
                .isEqualTo("pselect6(5, [4], NULL, NULL, {tv_sec=0, tv_nsec=100}, NULL) = 0 (Timeout)");
    }
}
