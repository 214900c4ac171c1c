package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** memfd_create(2): flags with a huge page size packed in the top six bits, as mmap's. */
final class Memfd {

    private static final Xlat FLAGS = Xlat.load("memfd_flags");
    private static final int HUGE_SHIFT = 26;
    private static final long HUGE_MASK = 0x3fL << HUGE_SHIFT;

    private Memfd() {}

    static void register(Registrar r) {
        r.add("memfd_create", Decoder.atEntry(Memfd::memfdCreate));
    }

    /** memfd_create(const char *name, unsigned int flags) */
    private static void memfdCreate(long[] args, ArgWriter out) {
        long name = args[0], flags = args[1] & 0xffff_ffffL;
        out.string(name);
        out.beginFlags();
        out.flagBits(FLAGS, flags & ~HUGE_MASK);
        out.flagShifted((flags & HUGE_MASK) >>> HUGE_SHIFT, "MFD_HUGE_SHIFT");
        out.endFlags(FLAGS);
    }
}
