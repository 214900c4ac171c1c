package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * seccomp(2). What the third argument is depends on the operation: a filter program, an action
 * to ask about, or the struct of sizes the kernel fills, which prints at exit.
 */
final class Seccomp {

    private static final Xlat OPS = Xlat.load("seccomp_ops");
    private static final Xlat FILTER_FLAGS = Xlat.load("seccomp_filter_flags");
    private static final Xlat ACTIONS = Xlat.load("seccomp_ret");
    private static final long SET_MODE_FILTER = OPS.value("SECCOMP_SET_MODE_FILTER");
    private static final long GET_ACTION_AVAIL = OPS.value("SECCOMP_GET_ACTION_AVAIL");
    private static final long GET_NOTIF_SIZES = OPS.value("SECCOMP_GET_NOTIF_SIZES");
    /** struct sock_fprog: an unsigned short length, then the filter's address. */
    private static final int FPROG_SIZE = 16;
    /** struct seccomp_notif_sizes: three unsigned shorts. */
    private static final int SIZES_SIZE = 6;

    private Seccomp() {}

    static void register(Registrar r) {
        r.add("seccomp", Decoder.split(Seccomp::entry, Seccomp::exit));
    }

    /** seccomp(unsigned int operation, unsigned int flags, void *args) */
    private static void entry(long[] args, ArgWriter out) {
        long operation = args[0] & 0xffff_ffffL, flags = args[1] & 0xffff_ffffL, arg = args[2];
        out.value(OPS, operation);
        if (operation == SET_MODE_FILTER) {
            out.flags(FILTER_FLAGS, flags);
        } else {
            out.hex(flags);
        }
        if (operation == GET_NOTIF_SIZES) {
            return;
        }
        out.completeAtEntry();
        if (operation == SET_MODE_FILTER) {
            fprog(arg, out);
        } else if (operation == GET_ACTION_AVAIL && arg != 0 && out.fetch(arg, 4)) {
            long action = out.fetchedUint32(0);
            out.beginArray();
            out.value(ACTIONS, action);
            out.endArray();
        } else {
            out.pointer(arg);
        }
    }

    private static void exit(long[] args, long ret, ArgWriter out) {
        long operation = args[0] & 0xffff_ffffL, arg = args[2];
        if (operation != GET_NOTIF_SIZES) {
            return;
        }
        if (Errno.isError(ret) || arg == 0 || !out.fetch(arg, SIZES_SIZE)) {
            out.pointer(arg);
            return;
        }
        int notif = out.fetchedUint16(0), resp = out.fetchedUint16(2), data = out.fetchedUint16(4);
        out.beginStruct();
        out.field("seccomp_notif");
        out.int32(notif);
        out.field("seccomp_notif_resp");
        out.int32(resp);
        out.field("seccomp_data");
        out.int32(data);
        out.endStruct();
    }

    /** struct sock_fprog, as strace abbreviates a filter program by default: its length and address. */
    static void fprog(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, FPROG_SIZE)) {
            out.pointer(address);
            return;
        }
        int len = out.fetchedUint16(0);
        long filter = out.fetchedLong(8);
        out.beginStruct();
        out.field("len");
        out.int32(len);
        out.field("filter");
        out.pointer(filter);
        out.endStruct();
    }
}
