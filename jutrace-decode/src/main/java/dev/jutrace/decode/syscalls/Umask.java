package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.text.ReturnStyle;

/** umask(2): a mode in, the previous mode back, both in octal. */
final class Umask {

    private Umask() {}

    static void register(Registrar r) {
        r.add("umask", Decoder.atEntry(ReturnStyle.OCTAL, Umask::umask));
    }

    /** umask(mode_t mask) */
    private static void umask(long[] args, ArgWriter out) {
        long mask = args[0];
        out.mode(Open.umode(mask));
    }
}
