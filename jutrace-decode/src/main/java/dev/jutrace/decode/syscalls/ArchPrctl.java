package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * arch_prctl(2). The ARCH_GET_* codes that store a value through addr print it at exit, in
 * brackets; ARCH_GET_CPUID takes no second argument; the rest print addr in hex.
 */
final class ArchPrctl {

    private static final Xlat CODES = Xlat.load("arch_prctl_codes");
    private static final long ARCH_GET_FS = CODES.value("ARCH_GET_FS");
    private static final long ARCH_GET_GS = CODES.value("ARCH_GET_GS");
    private static final long ARCH_GET_CPUID = CODES.value("ARCH_GET_CPUID");

    private ArchPrctl() {}

    static void register(Registrar r) {
        r.add("arch_prctl", Decoder.split((args, out) -> {}, ArchPrctl::exit));
    }

    /**
     * arch_prctl(int code, unsigned long addr): the code is an int. Whether addr prints at entry or
     * exit depends on the code, so the whole call prints at exit; an interrupted call shows only
     * {@code arch_prctl(}.
     */
    private static void exit(long[] args, long ret, ArgWriter out) {
        long code = args[0] & 0xffff_ffffL, addr = args[1];
        out.value(CODES, code);
        if (code == ARCH_GET_CPUID) {
            return;
        }
        if (code != ARCH_GET_FS && code != ARCH_GET_GS || Errno.isError(ret) || !out.fetch(addr, 8)) {
            out.hex(addr);
        } else {
            long value = out.fetchedLong(0);
            out.beginArray();
            out.hex(value);
            out.endArray();
        }
    }
}
