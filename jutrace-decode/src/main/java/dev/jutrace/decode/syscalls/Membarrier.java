package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * membarrier(2). MEMBARRIER_CMD_QUERY returns the commands the kernel supports, as bits, and
 * strace shows them in hex with their names; the CPU only prints when a flag says it is used.
 */
final class Membarrier {

    private static final Xlat CMDS = Xlat.load("membarrier_cmds");
    private static final Xlat FLAGS = Xlat.load("membarrier_flags");
    private static final long QUERY = CMDS.value("MEMBARRIER_CMD_QUERY");
    private static final long FLAG_CPU = FLAGS.value("MEMBARRIER_CMD_FLAG_CPU");

    private Membarrier() {}

    static void register(Registrar r) {
        r.add("membarrier", Decoder.annotated(Membarrier::membarrier, Membarrier::supported).printingValue(Membarrier::value));
    }

    /** membarrier(int cmd, unsigned int flags, int cpu_id) */
    private static void membarrier(long[] args, ArgWriter out) {
        long cmd = args[0] & 0xffff_ffffL, flags = args[1] & 0xffff_ffffL, cpuId = args[2];
        out.value(CMDS, cmd);
        out.flags(FLAGS, flags);
        if ((flags & FLAG_CPU) != 0) {
            out.int32(cpuId);
        }
    }

    private static boolean isQuery(long[] args) {
        return (args[0] & 0xffff_ffffL) == QUERY;
    }

    private static void value(long[] args, long ret, ArgWriter out) {
        if (isQuery(args)) {
            out.hex(ret);
        } else {
            out.signed(ret);
        }
    }

    private static void supported(long[] args, long ret, ArgWriter out) {
        if (isQuery(args) && ret != 0) {
            out.flags(CMDS, ret);
        }
    }
}
