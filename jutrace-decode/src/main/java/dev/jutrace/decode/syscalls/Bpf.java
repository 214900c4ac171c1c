package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * bpf(2): the command by name. strace decodes each command's union bpf_attr; jutrace prints
 * its address for now.
 */
final class Bpf {

    private static final Xlat COMMANDS = Xlat.load("bpf_commands");

    private Bpf() {}

    static void register(Registrar r) {
        r.add("bpf", Decoder.atEntry(Bpf::bpf));
    }

    /** bpf(int cmd, union bpf_attr *attr, unsigned int size) */
    private static void bpf(long[] args, ArgWriter out) {
        long cmd = args[0], attr = args[1], size = args[2];
        out.value(COMMANDS, cmd & 0xffff_ffffL);
        out.pointer(attr);
        out.uint32(size);
    }
}
