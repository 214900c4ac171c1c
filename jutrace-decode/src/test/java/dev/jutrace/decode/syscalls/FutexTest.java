package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class FutexTest {

    private static final long EAGAIN = -11, ENOSYS = -38, ETIMEDOUT = -110, EPERM = -1, EFAULT = -14, EINVAL = -22;
    private static final long PRIVATE = 128, CLOCK_REALTIME = 256;
    private final Lines lines = new Lines();
    private final long uaddr = 0x7ffca30ab8fcL, uaddr2 = 0x7ffca30ab8dcL;
    private final long ts = lines.memory.putLongs(0x7ffca30ab900L, 1, 2);

    private static long wakeOp(int op, int oparg, int cmp, int cmparg) {
        return ((op & 0xfL) << 28) | ((cmp & 0xfL) << 24) | ((oparg & 0xfffL) << 12) | (cmparg & 0xfff);
    }

    @Test
    void waitsAndWakes() {
        assertThat(lines.line("futex", EAGAIN, uaddr, 0, 4, ts, 0, 0))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAIT, 4, {tv_sec=1, tv_nsec=2}) = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(lines.line("futex", EAGAIN, uaddr, PRIVATE, 4, 0, 0, 0))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAIT_PRIVATE, 4, NULL) = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(lines.line("futex", 0, uaddr, 1, 1, 0, 0, 0)).isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAKE, 1)    = 0");
        assertThat(lines.line("futex", 0, uaddr, 1 | PRIVATE, 2147483647, 0, 0, 0))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
        assertThat(lines.line("futex", ENOSYS, uaddr, CLOCK_REALTIME, 4, ts, 0, 0)).isEqualTo(
                "futex(0x7ffca30ab8fc, FUTEX_WAIT|FUTEX_CLOCK_REALTIME, 4, {tv_sec=1, tv_nsec=2}) = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line("futex", ETIMEDOUT, uaddr, 9 | PRIVATE | CLOCK_REALTIME, 5, ts, 0, 0xffffffffL))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 5, {tv_sec=1, tv_nsec=2},"
                        + " FUTEX_BITSET_MATCH_ANY) = -1 ETIMEDOUT (Connection timed out)");
        assertThat(lines.line("futex", 0, uaddr, 10, 5, 0, 0, 3)).isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAKE_BITSET, 5, 0x3) = 0");
        assertThat(lines.line("futex", EINVAL, uaddr, 9, 1, 0, 0, 0))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAIT_BITSET, 1, NULL, 0) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("futex", EAGAIN, uaddr, 0, 0xffffffffL, 0, 0, 7))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAIT, 4294967295, NULL) = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(lines.line("futex", 0, uaddr, 1, 0x80000000L, 0, 0, 7)).isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAKE, 2147483648) = 0");
        assertThat(lines.line("futex", ENOSYS, uaddr, 2, 1, 0, 0, 0)).isEqualTo("futex(0x7ffca30ab8fc, FUTEX_FD, 1)      = -1 ENOSYS (Function not implemented)");
    }

    @Test
    void requeues() {
        assertThat(lines.line("futex", 0, uaddr, 3, 1, 2, uaddr2, 0)).isEqualTo("futex(0x7ffca30ab8fc, FUTEX_REQUEUE, 1, 2, 0x7ffca30ab8dc) = 0");
        assertThat(lines.line("futex", 0, uaddr, 4, 1, 2, uaddr2, 5))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_CMP_REQUEUE, 1, 2, 0x7ffca30ab8dc, 5) = 0");
        assertThat(lines.line("futex", 0, uaddr, 4 | PRIVATE, 1, 2, uaddr2, 5))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, 0x7ffca30ab8dc, 5) = 0");
        assertThat(lines.line("futex", EAGAIN, uaddr, 11, 5, ts, uaddr2, 0)).isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAIT_REQUEUE_PI, 5,"
                + " {tv_sec=1, tv_nsec=2}, 0x7ffca30ab8dc) = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(lines.line("futex", EINVAL, uaddr, 11 | CLOCK_REALTIME, 4, ts, uaddr, 0)).isEqualTo("futex(0x7ffca30ab8fc,"
                + " FUTEX_WAIT_REQUEUE_PI|FUTEX_CLOCK_REALTIME, 4, {tv_sec=1, tv_nsec=2}, 0x7ffca30ab8fc) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("futex", EAGAIN, uaddr, 12, 1, 2, uaddr2, 5))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_CMP_REQUEUE_PI, 1, 2, 0x7ffca30ab8dc, 5) = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(lines.line("futex", EINVAL, uaddr, 3, 1, 0xffffffffL, 0, 7))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_REQUEUE, 1, 4294967295, NULL) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void wakeOp() {
        assertThat(lines.line("futex", 0, uaddr, 5, 1, 1, uaddr2, wakeOp(0, 1, 4, 0))).isEqualTo(
                "futex(0x7ffca30ab8fc, FUTEX_WAKE_OP, 1, 1, 0x7ffca30ab8dc, FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0) = 0");
        assertThat(lines.line("futex", ENOSYS, uaddr, 5 | PRIVATE, 1, 1, uaddr2, wakeOp(1 | 8, 7, 9, 3))).isEqualTo("futex(0x7ffca30ab8fc,"
                + " FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x7ffca30ab8dc, FUTEX_OP_OPARG_SHIFT<<28|FUTEX_OP_ADD<<28|0x7<<12|0x9<<24"
                + " /* FUTEX_OP_CMP_??? */|0x3) = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line("futex", 0, uaddr, 5, 1, 1, uaddr2, 0))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAKE_OP, 1, 1, 0x7ffca30ab8dc, FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_EQ<<24|0) = 0");
        assertThat(lines.line("futex", ENOSYS, uaddr, 5, 1, 1, uaddr2, 0xffffffffL)).isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAKE_OP, 1, 1,"
                + " 0x7ffca30ab8dc, FUTEX_OP_OPARG_SHIFT<<28|0x7<<28 /* FUTEX_OP_??? */|0xfff<<12|0xf<<24 /* FUTEX_OP_CMP_??? */|0xfff)"
                + " = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line("futex", 0, uaddr, 5, 1, 1, uaddr2, wakeOp(4, 0xfff, 1, 0x800))).isEqualTo(
                "futex(0x7ffca30ab8fc, FUTEX_WAKE_OP, 1, 1, 0x7ffca30ab8dc, FUTEX_OP_XOR<<28|0xfff<<12|FUTEX_OP_CMP_NE<<24|0x800) = 0");
    }

    @Test
    void priorityInheritance() {
        assertThat(lines.line("futex", EPERM, uaddr, 6, 0, ts, 0, 0))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_LOCK_PI, {tv_sec=1, tv_nsec=2}) = -1 EPERM (Operation not permitted)");
        assertThat(lines.line("futex", EPERM, uaddr, 13, 0, ts, 0, 0))
                .isEqualTo("futex(0x7ffca30ab8fc, FUTEX_LOCK_PI2, {tv_sec=1, tv_nsec=2}) = -1 EPERM (Operation not permitted)");
        assertThat(lines.line("futex", EPERM, uaddr, 8, 0, 0, 0, 0)).isEqualTo("futex(0x7ffca30ab8fc, FUTEX_TRYLOCK_PI) = -1 EPERM (Operation not permitted)");
        assertThat(lines.line("futex", EPERM, uaddr, 7, 0, 0, 0, 0)).isEqualTo("futex(0x7ffca30ab8fc, FUTEX_UNLOCK_PI)  = -1 EPERM (Operation not permitted)");
    }

    /** An op strace cannot name prints in hex, its arguments still shaped by the low seven bits. */
    @Test
    void unknownOps() {
        assertThat(lines.line("futex", ENOSYS, uaddr, 15, 1, 2, 3, 4))
                .isEqualTo("futex(0x7ffca30ab8fc, 0xf /* FUTEX_??? */, 1, 0x2, 0x3, 0x4) = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line("futex", ENOSYS, uaddr, 0x2f, 1, 2, 3, 4))
                .isEqualTo("futex(0x7ffca30ab8fc, 0x2f /* FUTEX_??? */, 1, 0x2, 0x3, 0x4) = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line("futex", ENOSYS, uaddr, 15 | CLOCK_REALTIME, 1, 2, 3, 4))
                .isEqualTo("futex(0x7ffca30ab8fc, 0x10f /* FUTEX_??? */, 1, 0x2, 0x3, 0x4) = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line("futex", ENOSYS, uaddr, 15 | PRIVATE, 1, 2, 3, 4))
                .isEqualTo("futex(0x7ffca30ab8fc, 0x8f /* FUTEX_??? */, 1, 0x2, 0x3, 0x4) = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line("futex", ENOSYS, uaddr, 0x1000, 1, 2, 3, 4))
                .isEqualTo("futex(0x7ffca30ab8fc, 0x1000 /* FUTEX_??? */, 1, 0x2) = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line("futex", ENOSYS, uaddr, 0x1001, 1, 2, 3, 4))
                .isEqualTo("futex(0x7ffca30ab8fc, 0x1001 /* FUTEX_??? */, 1) = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line("futex", ENOSYS, uaddr, 10 | CLOCK_REALTIME, 1, 0, 0, 0))
                .isEqualTo("futex(0x7ffca30ab8fc, 0x10a /* FUTEX_??? */, 1, 0) = -1 ENOSYS (Function not implemented)");
        assertThat(lines.line("futex", EPERM, uaddr, 13 | CLOCK_REALTIME, 4, ts, uaddr, 0))
                .isEqualTo("futex(0x7ffca30ab8fc, 0x10d /* FUTEX_??? */, {tv_sec=1, tv_nsec=2}) = -1 EPERM (Operation not permitted)");
        assertThat(lines.line("futex", ENOSYS, uaddr, 1 | CLOCK_REALTIME, 4, ts, uaddr, 0))
                .isEqualTo("futex(0x7ffca30ab8fc, 0x101 /* FUTEX_??? */, 4) = -1 ENOSYS (Function not implemented)");
    }

    @Test
    void badPointers() {
        assertThat(lines.line("futex", EFAULT, 0, 0, 4, 1, 0, 0)).isEqualTo("futex(NULL, FUTEX_WAIT, 4, 0x1)         = -1 EFAULT (Bad address)");
        assertThat(lines.line("futex", EFAULT, uaddr, 0, 5, 1, 0, 0)).isEqualTo("futex(0x7ffca30ab8fc, FUTEX_WAIT, 5, 0x1) = -1 EFAULT (Bad address)");
    }

    /** set_tid_address has no decoder: strace 6.1 prints its pointer raw too, 0 and not NULL. */
    @Test
    void setTidAddressStaysRaw() {
        assertThat(lines.line("set_tid_address", 5819, 0x7ffca30ab8d8L)).isEqualTo("set_tid_address(0x7ffca30ab8d8)         = 5819");
        assertThat(lines.line("set_tid_address", 5819, 0)).isEqualTo("set_tid_address(0)                      = 5819");
    }
}
