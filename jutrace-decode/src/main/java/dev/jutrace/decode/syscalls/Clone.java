package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * clone(2) and clone3(2). clone's flags carry the exit signal in their low byte. The pointers it
 * prints depend on the flags: parent_tid, where the kernel stores the child's id (or a pidfd),
 * prints at exit.
 */
final class Clone {

    private static final Xlat FLAGS = Xlat.load("clone_flags");
    private static final Xlat FLAGS3 = Xlat.load("clone3_flags");
    /** CSIGNAL, linux/sched.h: the exit signal's bits in clone's flags. */
    private static final long CSIGNAL = 0xff;
    private static final long CLONE_PIDFD = FLAGS.value("CLONE_PIDFD");
    private static final long CLONE_SETTLS = FLAGS.value("CLONE_SETTLS");
    private static final long CLONE_PARENT_SETTID = FLAGS.value("CLONE_PARENT_SETTID");
    private static final long CLONE_CHILD_SETTID = FLAGS.value("CLONE_CHILD_SETTID");
    private static final long CLONE_CHILD_CLEARTID = FLAGS.value("CLONE_CHILD_CLEARTID");
    private static final long CLONE_INTO_CGROUP = FLAGS3.value("CLONE_INTO_CGROUP");

    /** struct clone_args, linux/sched.h: field offsets, and the sizes of its versions. */
    private static final int FLAGS_OFF = 0, PIDFD = 8, CHILD_TID = 16, PARENT_TID = 24, EXIT_SIGNAL = 32;
    private static final int STACK = 40, STACK_SIZE = 48, TLS = 56, SET_TID = 64, SET_TID_SIZE = 72, CGROUP = 80;
    private static final int SIZE_VER0 = 64, SIZE_VER1 = 80, SIZE_VER2 = 88;

    private Clone() {}

    static void register(Registrar r) {
        r.add("clone", Decoder.split((args, out) -> {}, Clone::clone));
        r.add("clone3", Decoder.atEntry(Clone::clone3));
    }

    /**
     * clone(unsigned long flags, void *stack, int *parent_tid, int *child_tid, unsigned long tls),
     * as x86_64 orders them. Whether anything follows the flags depends on them, so the whole call
     * prints at exit; an interrupted call shows only {@code clone(}.
     */
    private static void clone(long[] args, long ret, ArgWriter out) {
        long flags = args[0], stack = args[1];
        out.field("child_stack");
        out.pointer(stack);
        out.field("flags");
        out.beginFlags();
        out.flagBits(FLAGS, flags & ~CSIGNAL);
        if ((flags & CSIGNAL) != 0) {
            out.flagSignal((int) (flags & CSIGNAL));
        }
        out.endFlags(FLAGS);
        long parentTid = args[2], childTid = args[3], tls = args[4];
        if ((flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) != 0) {
            out.field("parent_tid");
            if (Errno.isError(ret) || !out.fetch(parentTid, 4)) {
                out.pointer(parentTid);
            } else {
                out.beginArray();
                out.int32(out.fetchedUint32(0));
                out.endArray();
            }
        }
        if ((flags & CLONE_SETTLS) != 0) {
            out.field("tls");
            out.pointer(tls);
        }
        if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
            out.field("child_tidptr");
            out.pointer(childTid);
        }
    }

    /** clone3(struct clone_args *cl_args, size_t size) */
    private static void clone3(long[] args, ArgWriter out) {
        long clArgs = args[0], size = args[1];
        cloneArgs(clArgs, size, out);
        out.unsigned(size);
    }

    private static void cloneArgs(long address, long size, ArgWriter out) {
        if (address == 0 || Long.compareUnsigned(size, SIZE_VER0) < 0) {
            out.pointer(address);
            return;
        }
        int n = Long.compareUnsigned(size, SIZE_VER2) > 0 ? SIZE_VER2 : (int) size;
        if (!out.fetch(address, n)) {
            out.pointer(address);
            return;
        }
        long flags = out.fetchedLong(FLAGS_OFF);
        out.beginStruct();
        out.field("flags");
        out.flags(FLAGS3, flags);
        if ((flags & CLONE_PIDFD) != 0) {
            out.field("pidfd");
            out.pointer(out.fetchedLong(PIDFD));
        }
        if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
            out.field("child_tid");
            out.pointer(out.fetchedLong(CHILD_TID));
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            out.field("parent_tid");
            out.pointer(out.fetchedLong(PARENT_TID));
        }
        out.field("exit_signal");
        long exitSignal = out.fetchedLong(EXIT_SIGNAL);
        if (exitSignal >= 0 && exitSignal <= Integer.MAX_VALUE) {
            out.signal((int) exitSignal);
        } else {
            out.unsigned(exitSignal);
        }
        out.field("stack");
        out.pointer(out.fetchedLong(STACK));
        out.field("stack_size");
        out.hex(out.fetchedLong(STACK_SIZE));
        if ((flags & CLONE_SETTLS) != 0) {
            out.field("tls");
            out.pointer(out.fetchedLong(TLS));
        }
        if (n >= SIZE_VER1 && out.fetchedLong(SET_TID_SIZE) != 0) {
            out.field("set_tid");
            out.pointer(out.fetchedLong(SET_TID));
            out.field("set_tid_size");
            out.unsigned(out.fetchedLong(SET_TID_SIZE));
        }
        if (n >= SIZE_VER2 && (flags & CLONE_INTO_CGROUP) != 0) {
            out.field("cgroup");
            out.unsigned(out.fetchedLong(CGROUP));
        }
        out.endStruct();
    }
}
