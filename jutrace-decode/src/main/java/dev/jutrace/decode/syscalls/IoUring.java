package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * io_uring_setup(2), io_uring_enter(2), io_uring_register(2). The setup parameters print at
 * exit: what the caller set, and, when the ring was made, what the kernel filled in.
 */
final class IoUring {

    private static final Xlat SETUP_FLAGS = Xlat.load("io_uring_setup_flags");
    private static final Xlat FEATURES = Xlat.load("io_uring_features");
    private static final Xlat ENTER_FLAGS = Xlat.load("io_uring_enter_flags");
    private static final Xlat OPCODES = Xlat.load("io_uring_register_opcodes");
    private static final long ATTACH_WQ = SETUP_FLAGS.value("IORING_SETUP_ATTACH_WQ");
    private static final long EXT_ARG = ENTER_FLAGS.value("IORING_ENTER_EXT_ARG");
    private static final long REGISTER_FILES = OPCODES.value("IORING_REGISTER_FILES");
    /**
     * struct io_uring_params: sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle,
     * features, wq_fd, resv[3] (u32 each), then struct io_sqring_offsets and struct
     * io_cqring_offsets, 40 bytes each.
     */
    private static final int PARAMS_SIZE = 120;
    private static final int SQ_OFF = 40, CQ_OFF = 80;
    private static final String[] SQ_OFF_FIELDS = {"head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array"};
    private static final String[] CQ_OFF_FIELDS = {"head", "tail", "ring_mask", "ring_entries", "overflow", "cqes", "flags"};
    private static final int SIGSET_SIZE = 8;

    private IoUring() {}

    static void register(Registrar r) {
        r.add("io_uring_setup", Decoder.split(IoUring::entriesOnly, IoUring::ioUringSetup));
        r.add("io_uring_enter", Decoder.atEntry(IoUring::ioUringEnter));
        r.add("io_uring_register", Decoder.atEntry(IoUring::ioUringRegister));
    }

    private static void entriesOnly(long[] args, ArgWriter out) {
        long entries = args[0];
        out.uint32(entries);
    }

    /** io_uring_setup(u32 entries, struct io_uring_params *p) */
    private static void ioUringSetup(long[] args, long ret, ArgWriter out) {
        long p = args[1];
        if (p == 0 || !out.fetch(p, PARAMS_SIZE)) {
            out.pointer(p);
            return;
        }
        long sqEntries = out.fetchedUint32(0), cqEntries = out.fetchedUint32(4), flags = out.fetchedUint32(8);
        long sqThreadCpu = out.fetchedUint32(12), sqThreadIdle = out.fetchedUint32(16), features = out.fetchedUint32(20);
        long wqFd = out.fetchedUint32(24);
        out.beginStruct();
        out.field("flags");
        out.flags(SETUP_FLAGS, flags);
        out.field("sq_thread_cpu");
        out.hex(sqThreadCpu);
        out.field("sq_thread_idle");
        out.uint32(sqThreadIdle);
        if ((flags & ATTACH_WQ) != 0) {
            out.field("wq_fd");
            out.fd(wqFd);
        }
        if (!Errno.isError(ret)) {
            out.field("sq_entries");
            out.uint32(sqEntries);
            out.field("cq_entries");
            out.uint32(cqEntries);
            out.field("features");
            out.flags(FEATURES, features);
            offsets("sq_off", SQ_OFF, SQ_OFF_FIELDS, out);
            offsets("cq_off", CQ_OFF, CQ_OFF_FIELDS, out);
        }
        out.endStruct();
    }

    /** One of the fetched ring offset structs: u32 fields in order. */
    private static void offsets(String name, int offset, String[] fields, ArgWriter out) {
        out.field(name);
        out.beginStruct();
        for (int i = 0; i < fields.length; i++) {
            out.field(fields[i]);
            out.uint32(out.fetchedUint32(offset + 4 * i));
        }
        out.endStruct();
    }

    /**
     * io_uring_enter(unsigned int fd, unsigned int to_submit, unsigned int min_complete,
     * unsigned int flags, const void *arg, size_t argsz): arg is a signal mask unless
     * IORING_ENTER_EXT_ARG says it is a struct, which prints as its address.
     */
    private static void ioUringEnter(long[] args, ArgWriter out) {
        long fd = args[0], toSubmit = args[1], minComplete = args[2], flags = args[3] & 0xffff_ffffL, arg = args[4], argsz = args[5];
        out.fd(fd);
        out.uint32(toSubmit);
        out.uint32(minComplete);
        out.flags(ENTER_FLAGS, flags);
        if ((flags & EXT_ARG) != 0 || argsz != SIGSET_SIZE) {
            out.pointer(arg);
        } else {
            Poll.sigset(arg, argsz, out);
        }
        out.unsigned(argsz);
    }

    /** io_uring_register(unsigned int fd, unsigned int opcode, void *arg, unsigned int nr_args) */
    private static void ioUringRegister(long[] args, ArgWriter out) {
        long fd = args[0], opcode = args[1] & 0xffff_ffffL, arg = args[2], nrArgs = args[3] & 0xffff_ffffL;
        out.fd(fd);
        out.value(OPCODES, opcode);
        if (opcode == REGISTER_FILES) {
            fds(arg, nrArgs, out);
        } else {
            out.pointer(arg);
        }
        out.uint32(nrArgs);
    }

    /** IORING_REGISTER_FILES' array of descriptors, at most -s of them. */
    private static void fds(long address, long count, ArgWriter out) {
        if (address == 0 || (count != 0 && !out.fetch(address, 4))) {
            out.pointer(address);
            return;
        }
        int limit = out.options().stringLimit();
        out.beginArray();
        for (long i = 0; i < count; i++) {
            if (i == limit || !out.fetch(address + 4 * i, 4)) {
                out.ellipsis();
                break;
            }
            out.fd(out.fetchedUint32(0));
        }
        out.endArray();
    }
}
