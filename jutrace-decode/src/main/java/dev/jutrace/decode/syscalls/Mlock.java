package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** mlock(2), munlock(2), mlock2(2), mlockall(2), munlockall(2). */
final class Mlock {

    private static final Xlat MLOCK2 = Xlat.load("mlock_flags");
    private static final Xlat MLOCKALL = Xlat.load("mlockall_flags");

    private Mlock() {}

    static void register(Registrar r) {
        r.add("mlock", Decoder.atEntry(Mlock::range));
        r.add("munlock", Decoder.atEntry(Mlock::range));
        r.add("mlock2", Decoder.atEntry(Mlock::mlock2));
        r.add("mlockall", Decoder.atEntry(Mlock::mlockall));
        r.add("munlockall", Decoder.atEntry((args, out) -> {}));
    }

    /** mlock(const void *addr, size_t len), munlock's alike */
    private static void range(long[] args, ArgWriter out) {
        long addr = args[0], len = args[1];
        out.pointer(addr);
        out.unsigned(len);
    }

    /** mlock2(const void *addr, size_t len, unsigned int flags) */
    private static void mlock2(long[] args, ArgWriter out) {
        long flags = args[2];
        range(args, out);
        out.flags(MLOCK2, flags & 0xffff_ffffL);
    }

    /** mlockall(int flags) */
    private static void mlockall(long[] args, ArgWriter out) {
        long flags = args[0];
        out.flags(MLOCKALL, flags & 0xffff_ffffL);
    }
}
