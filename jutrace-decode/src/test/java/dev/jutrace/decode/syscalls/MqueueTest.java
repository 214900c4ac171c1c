package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Expected lines are strace 6.1's for the same registers and memory. This machine has no
 * /dev/mqueue, so every call strace was run on failed; the received message and priority of a
 * successful mq_timedreceive print as read(2)'s buffer and an int out-parameter do.
 */
class MqueueTest {

    private static final long EACCES = -13, EBADF = -9;
    private final Lines lines = new Lines();

    @Test
    void mqOpenAndUnlink() {
        long name = lines.memory.putString(0x1000, "/jq");
        long attr = lines.memory.putLongs(0x2000, 0, 4, 64, 0);
        assertThat(lines.line("mq_open", EACCES, name, 02 | 0100 | 0200, 0600, attr)).isEqualTo("mq_open(\"/jq\", O_RDWR|O_CREAT|O_EXCL, 0600,"
                + " {mq_flags=0, mq_maxmsg=4, mq_msgsize=64, mq_curmsgs=0}) = -1 EACCES (Permission denied)");
        assertThat(lines.line("mq_open", EACCES, name, 0, 0600, 0)).isEqualTo("mq_open(\"/jq\", O_RDONLY)                = -1 EACCES (Permission denied)");
        long other = lines.memory.putString(0x3000, "/nonexist");
        assertThat(lines.line("mq_open", EACCES, other, 01 | 04000, 0, 0))
                .isEqualTo("mq_open(\"/nonexist\", O_WRONLY|O_NONBLOCK) = -1 EACCES (Permission denied)");
        assertThat(lines.line("mq_unlink", EACCES, name)).isEqualTo("mq_unlink(\"/jq\")                        = -1 EACCES (Permission denied)");
    }

    @Test
    void sendAndReceive() {
        long hello = lines.memory.putRaw(0x1000, "hello");
        long ts = lines.memory.putLongs(0x2000, 1, 1000);
        assertThat(lines.line("mq_timedsend", EBADF, -1, hello, 5, 3, 0)).isEqualTo("mq_timedsend(-1, \"hello\", 5, 3, NULL)   = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("mq_timedsend", EBADF, -1, hello, 5, 1, ts))
                .isEqualTo("mq_timedsend(-1, \"hello\", 5, 1, {tv_sec=1, tv_nsec=1000}) = -1 EBADF (Bad file descriptor)");
        long buf = 0x7ffebd79de40L, prio = 0x7ffebd79de3cL;
        assertThat(lines.line("mq_timedreceive", EBADF, -1, buf, 64, prio, 0))
                .isEqualTo("mq_timedreceive(-1, 0x7ffebd79de40, 64, 0x7ffebd79de3c, NULL) = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("mq_timedreceive", EBADF, -1, buf, 64, 0, ts))
                .isEqualTo("mq_timedreceive(-1, 0x7ffebd79de40, 64, NULL, {tv_sec=1, tv_nsec=1000}) = -1 EBADF (Bad file descriptor)");
        lines.memory.putRaw(buf, "hello");
        lines.memory.put(prio, Bytes.of(4).u32(0, 3).get());
        assertThat(lines.line("mq_timedreceive", 5, 3, buf, 64, prio, 0)).isEqualTo("mq_timedreceive(3, \"hello\", 64, [3], NULL) = 5");
    }

    @Test
    void notifyAndAttributes() {
        long sev = lines.memory.put(0x1000, Bytes.of(64).u64(0, 5).u32(8, 10).u32(12, 0).get());
        assertThat(lines.line("mq_notify", EBADF, -1, sev)).isEqualTo("mq_notify(-1, {sigev_value={sival_int=5, sival_ptr=0x5},"
                + " sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}) = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("mq_notify", EBADF, -1, 0)).isEqualTo("mq_notify(-1, NULL)                     = -1 EBADF (Bad file descriptor)");
        long attr = lines.memory.putLongs(0x2000, 04000, 0, 0, 0);
        long old = 0x7ffc2796a4c0L;
        assertThat(lines.line("mq_getsetattr", EBADF, -1, attr, old)).isEqualTo("mq_getsetattr(-1, {mq_flags=O_NONBLOCK, mq_maxmsg=0,"
                + " mq_msgsize=0, mq_curmsgs=0}, 0x7ffc2796a4c0) = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("mq_getsetattr", EBADF, -1, 0, old)).isEqualTo("mq_getsetattr(-1, NULL, 0x7ffc2796a4c0) = -1 EBADF (Bad file descriptor)");
        assertThat(lines.entry("mq_getsetattr", -1, 0, old)).isEqualTo("mq_getsetattr(-1, NULL, ");
    }
}
