package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;

/** exit(2) and exit_group(2). Neither returns; the tracer ends their line with {@code = ?}. */
final class Exit {

    private Exit() {}

    static void register(Registrar r) {
        r.add("exit", Decoder.atEntry(Exit::exit));
        r.add("exit_group", Decoder.atEntry(Exit::exit));
    }

    /** exit(int status), exit_group(int status) */
    private static void exit(long[] args, ArgWriter out) {
        long status = args[0];
        out.int32(status);
    }
}
