package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;

/**
 * The fallback for syscalls no family decodes, and for numbers the table does not know: every
 * argument register the call uses, in hex ({@code 0} for zero), as strace prints a call it
 * cannot decode: {@code syscall_0x1c3(0x1, 0x2, 0, 0xffffffff, 0x7fff, 0)}.
 */
final class Generic {

    private static final Decoder[] BY_COUNT = new Decoder[7];

    static {
        for (int n = 0; n < BY_COUNT.length; n++) {
            int count = n;
            BY_COUNT[n] = Decoder.atEntry((args, out) -> hex(args, count, out));
        }
    }

    private Generic() {}

    static Decoder forArgs(int count) {
        return BY_COUNT[count];
    }

    private static void hex(long[] args, int count, ArgWriter out) {
        for (int i = 0; i < count; i++) {
            out.hex(args[i]);
        }
    }
}
