package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * futex(2). Which arguments a call uses, and so which print, depends on its command: FUTEX_WAKE
 * prints one value, FUTEX_CMP_REQUEUE five. strace picks the shape from the low seven bits of
 * the op even when it cannot name the op, and prints every register in hex for a command it does
 * not know.
 */
final class Futex {

    private static final Xlat OPS = Xlat.load("futex_ops");
    private static final Xlat OP_FLAGS = Xlat.load("futex_op_flags");
    private static final Xlat WAKE_OPS = Xlat.load("futex_wake_ops");
    private static final Xlat WAKE_CMPS = Xlat.load("futex_wake_cmps");
    private static final Xlat BITSETS = Xlat.load("futex_bitsets");
    private static final long CLOCK_REALTIME = OP_FLAGS.value("FUTEX_CLOCK_REALTIME");
    private static final long OPARG_SHIFT = WAKE_OPS.value("FUTEX_OP_OPARG_SHIFT");
    /** The command, without FUTEX_PRIVATE_FLAG (bit 7) and FUTEX_CLOCK_REALTIME (bit 8). */
    private static final int COMMAND_MASK = 0x7f;
    private static final int WAIT = command("FUTEX_WAIT"), WAKE = command("FUTEX_WAKE"), FD = command("FUTEX_FD");
    private static final int REQUEUE = command("FUTEX_REQUEUE"), CMP_REQUEUE = command("FUTEX_CMP_REQUEUE");
    private static final int WAKE_OP = command("FUTEX_WAKE_OP"), LOCK_PI = command("FUTEX_LOCK_PI");
    private static final int UNLOCK_PI = command("FUTEX_UNLOCK_PI"), TRYLOCK_PI = command("FUTEX_TRYLOCK_PI");
    private static final int WAIT_BITSET = command("FUTEX_WAIT_BITSET"), WAKE_BITSET = command("FUTEX_WAKE_BITSET");
    private static final int WAIT_REQUEUE_PI = command("FUTEX_WAIT_REQUEUE_PI");
    private static final int CMP_REQUEUE_PI = command("FUTEX_CMP_REQUEUE_PI"), LOCK_PI2 = command("FUTEX_LOCK_PI2");

    private Futex() {}

    private static int command(String name) {
        return (int) OPS.value(name);
    }

    static void register(Registrar r) {
        r.add("futex", Decoder.atEntry(Futex::futex));
    }

    /** futex(uint32_t *uaddr, int futex_op, uint32_t val, const struct timespec *timeout or uint32_t val2, uint32_t *uaddr2, uint32_t val3) */
    private static void futex(long[] args, ArgWriter out) {
        long uaddr = args[0], futexOp = args[1] & 0xffff_ffffL, val = args[2], timeout = args[3], uaddr2 = args[4], val3 = args[5];
        out.pointer(uaddr);
        op(futexOp, out);
        int cmd = (int) futexOp & COMMAND_MASK;
        if (cmd == UNLOCK_PI || cmd == TRYLOCK_PI) {
            return;
        }
        if (cmd == LOCK_PI || cmd == LOCK_PI2) {
            Times.timespec(timeout, out);
            return;
        }
        out.uint32(val);
        if (cmd == WAKE || cmd == FD) {
            return;
        }
        if (cmd == WAIT) {
            Times.timespec(timeout, out);
        } else if (cmd == WAIT_BITSET) {
            Times.timespec(timeout, out);
            bitset(val3, out);
        } else if (cmd == WAKE_BITSET) {
            bitset(val3, out);
        } else if (cmd == WAIT_REQUEUE_PI) {
            Times.timespec(timeout, out);
            out.pointer(uaddr2);
        } else if (cmd == REQUEUE || cmd == CMP_REQUEUE || cmd == CMP_REQUEUE_PI || cmd == WAKE_OP) {
            out.uint32(timeout);
            out.pointer(uaddr2);
            if (cmd == WAKE_OP) {
                wakeOp(val3 & 0xffff_ffffL, out);
            } else if (cmd != REQUEUE) {
                out.uint32(val3);
            }
        } else {
            out.hex(timeout);
            out.hex(uaddr2);
            out.hex(val3);
        }
    }

    /**
     * The command's name, with _PRIVATE when it has FUTEX_PRIVATE_FLAG, then FUTEX_CLOCK_REALTIME
     * for the waits that take it; any other op prints in hex.
     */
    private static void op(long futexOp, ArgWriter out) {
        boolean clock = (futexOp & CLOCK_REALTIME) != 0;
        long base = futexOp & ~CLOCK_REALTIME;
        int cmd = (int) base & COMMAND_MASK;
        boolean clockable = cmd == WAIT || cmd == WAIT_BITSET || cmd == WAIT_REQUEUE_PI;
        if (OPS.name(base) == null || (clock && !clockable)) {
            out.value(OPS, futexOp);
            return;
        }
        out.beginFlags();
        out.flagValue(OPS, base);
        out.flagBits(OP_FLAGS, futexOp & CLOCK_REALTIME);
        out.endFlags(OP_FLAGS);
    }

    private static void bitset(long val3, ArgWriter out) {
        long mask = val3 & 0xffff_ffffL;
        if (BITSETS.name(mask) != null) {
            out.value(BITSETS, mask);
        } else {
            out.hex(mask);
        }
    }

    /**
     * FUTEX_WAKE_OP's packed val3, field by field as linux/futex.h's FUTEX_OP() builds it:
     * {@code FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0}.
     */
    private static void wakeOp(long val3, ArgWriter out) {
        long op = val3 >>> 28, oparg = (val3 >>> 12) & 0xfff, cmp = (val3 >>> 24) & 0xf, cmparg = val3 & 0xfff;
        out.beginFlags();
        if ((op & OPARG_SHIFT) != 0) {
            out.flagShiftedValue(WAKE_OPS, OPARG_SHIFT, 28);
        }
        out.flagShiftedValue(WAKE_OPS, op & ~OPARG_SHIFT, 28);
        out.flagShiftedHex(oparg, 12);
        out.flagShiftedValue(WAKE_CMPS, cmp, 24);
        out.flagHex(cmparg);
    }
}
