package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** sigaltstack(2): the new stack prints at entry, the old one, which the kernel fills, at exit. */
final class Sigaltstack {

    private static final Xlat FLAGS = Xlat.load("ss_flags");
    /** x86_64 stack_t: ss_sp, ss_flags (an int, padded), ss_size. */
    private static final int SIZE = 24;

    private Sigaltstack() {}

    static void register(Registrar r) {
        r.add("sigaltstack", Decoder.split(Sigaltstack::entry, Sigaltstack::exit));
    }

    /** sigaltstack(const stack_t *ss, stack_t *old_ss) */
    private static void entry(long[] args, ArgWriter out) {
        long ss = args[0];
        stack(ss, out);
    }

    private static void exit(long[] args, long ret, ArgWriter out) {
        long oldSs = args[1];
        if (Errno.isError(ret)) {
            out.pointer(oldSs);
        } else {
            stack(oldSs, out);
        }
    }

    private static void stack(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, SIZE)) {
            out.pointer(address);
            return;
        }
        long sp = out.fetchedLong(0), flags = out.fetchedUint32(8), size = out.fetchedLong(16);
        out.beginStruct();
        out.field("ss_sp");
        out.pointer(sp);
        out.field("ss_flags");
        out.flags(FLAGS, flags);
        out.field("ss_size");
        out.unsigned(size);
        out.endStruct();
    }
}
