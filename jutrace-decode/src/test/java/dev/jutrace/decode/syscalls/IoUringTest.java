package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class IoUringTest {

    private static final long EFAULT = -14, EINVAL = -22, ENXIO = -6, EBADF = -9;
    private final Lines lines = new Lines();

    @Test
    void setupPrintsWhatTheKernelFilledIn() {
        long p = 0x7ffe5ddf8e00L;
        lines.memory.put(p, new byte[120]);
        Runnable kernel = () -> lines.memory.put(p, Bytes.of(120).u32(0, 4).u32(4, 8).u32(20, 0x3ffff)
                .u32(40, 0).u32(44, 4).u32(48, 16).u32(52, 24).u32(56, 36).u32(60, 32).u32(64, 192)
                .u32(80, 8).u32(84, 12).u32(88, 20).u32(92, 28).u32(96, 44).u32(100, 64).u32(104, 40).get());
        assertThat(lines.line("io_uring_setup", 3, kernel, 4, p)).isEqualTo("io_uring_setup(4, {flags=0, sq_thread_cpu=0,"
                + " sq_thread_idle=0, sq_entries=4, cq_entries=8, features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_NODROP"
                + "|IORING_FEAT_SUBMIT_STABLE|IORING_FEAT_RW_CUR_POS|IORING_FEAT_CUR_PERSONALITY|IORING_FEAT_FAST_POLL"
                + "|IORING_FEAT_POLL_32BITS|IORING_FEAT_SQPOLL_NONFIXED|IORING_FEAT_EXT_ARG|IORING_FEAT_NATIVE_WORKERS"
                + "|IORING_FEAT_RSRC_TAGS|IORING_FEAT_CQE_SKIP|IORING_FEAT_LINKED_FILE|0x3e000, sq_off={head=0, tail=4,"
                + " ring_mask=16, ring_entries=24, flags=36, dropped=32, array=192}, cq_off={head=8, tail=12, ring_mask=20,"
                + " ring_entries=28, overflow=44, cqes=64, flags=40}}) = 3");
        assertThat(lines.entry("io_uring_setup", 4, p)).isEqualTo("io_uring_setup(4, ");
    }

    @Test
    void setupFailures() {
        long sqpoll = lines.memory.put(0x1000, Bytes.of(120).u32(4, 16).u32(8, 2 | 8 | 0x80000000L).u32(16, 100).get());
        assertThat(lines.line("io_uring_setup", EINVAL, 4, sqpoll)).isEqualTo("io_uring_setup(4, {flags=IORING_SETUP_SQPOLL"
                + "|IORING_SETUP_CQSIZE|0x80000000, sq_thread_cpu=0, sq_thread_idle=100}) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("io_uring_setup", EFAULT, 4, 1)).isEqualTo("io_uring_setup(4, 0x1)                  = -1 EFAULT (Bad address)");
        long clamp = lines.memory.put(0x2000, Bytes.of(120).u32(8, 0x10).u32(12, 1).u32(24, 3).get());
        assertThat(lines.line("io_uring_setup", EINVAL, 0, clamp))
                .isEqualTo("io_uring_setup(0, {flags=IORING_SETUP_CLAMP, sq_thread_cpu=0x1, sq_thread_idle=0}) = -1 EINVAL (Invalid argument)");
        long all = lines.memory.put(0x3000, Bytes.of(120).u32(8, 0xffffffffL).u32(24, 7).get());
        assertThat(lines.line("io_uring_setup", EINVAL, 4, all)).isEqualTo("io_uring_setup(4, {flags=IORING_SETUP_IOPOLL|IORING_SETUP_SQPOLL"
                + "|IORING_SETUP_SQ_AFF|IORING_SETUP_CQSIZE|IORING_SETUP_CLAMP|IORING_SETUP_ATTACH_WQ|IORING_SETUP_R_DISABLED"
                + "|IORING_SETUP_SUBMIT_ALL|IORING_SETUP_COOP_TASKRUN|IORING_SETUP_TASKRUN_FLAG|IORING_SETUP_SQE128|IORING_SETUP_CQE32"
                + "|0xfffff000, sq_thread_cpu=0, sq_thread_idle=0, wq_fd=7}) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void enter() {
        assertThat(lines.line("io_uring_enter", 0, 3, 0, 0, 1, 0, 0)).isEqualTo("io_uring_enter(3, 0, 0, IORING_ENTER_GETEVENTS, NULL, 0) = 0");
        long usr1 = lines.memory.putLongs(0x1000, 1L << 9);
        assertThat(lines.line("io_uring_enter", EINVAL, 3, 1, 0, 2 | 0x100, usr1, 8))
                .isEqualTo("io_uring_enter(3, 1, 0, IORING_ENTER_SQ_WAKEUP|0x100, [USR1], 8) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("io_uring_enter", EINVAL, -1, 0, 0, 0xffffffffL, 0, 0)).isEqualTo("io_uring_enter(-1, 0, 0,"
                + " IORING_ENTER_GETEVENTS|IORING_ENTER_SQ_WAKEUP|IORING_ENTER_SQ_WAIT|IORING_ENTER_EXT_ARG|IORING_ENTER_REGISTERED_RING"
                + "|0xffffffe0, NULL, 0) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("io_uring_enter", EBADF, -1, 0, 0, 8, 0x1234, 24))
                .isEqualTo("io_uring_enter(-1, 0, 0, IORING_ENTER_EXT_ARG, 0x1234, 24) = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void register() {
        assertThat(lines.line("io_uring_register", ENXIO, 3, 1, 0, 0))
                .isEqualTo("io_uring_register(3, IORING_UNREGISTER_BUFFERS, NULL, 0) = -1 ENXIO (No such device or address)");
        assertThat(lines.line("io_uring_register", EFAULT, 3, 8, 0x1000, 5))
                .isEqualTo("io_uring_register(3, IORING_REGISTER_PROBE, 0x1000, 5) = -1 EFAULT (Bad address)");
        assertThat(lines.line("io_uring_register", EINVAL, 3, 99, 0, 0))
                .isEqualTo("io_uring_register(3, 0x63 /* IORING_REGISTER_??? */, NULL, 0) = -1 EINVAL (Invalid argument)");
        long fds = lines.memory.put(0x2000, Bytes.of(8).u32(0, 0).u32(4, 1).get());
        assertThat(lines.line("io_uring_register", 0, 3, 2, fds, 2)).isEqualTo("io_uring_register(3, IORING_REGISTER_FILES, [0, 1], 2) = 0");
        assertThat(lines.line("io_uring_register", EINVAL, -1, 23, 0, 0))
                .isEqualTo("io_uring_register(-1, IORING_UNREGISTER_PBUF_RING, NULL, 0) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("io_uring_register", EINVAL, -1, 24, 0, 0))
                .isEqualTo("io_uring_register(-1, 0x18 /* IORING_REGISTER_??? */, NULL, 0) = -1 EINVAL (Invalid argument)");
    }
}
