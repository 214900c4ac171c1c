package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** prlimit64(2): the new limit prints at entry, the old one, which the kernel fills, at exit. */
final class Prlimit {

    private static final Xlat RESOURCES = Xlat.load("rlimit_resources");
    /** struct rlimit64: two unsigned 64-bit values. */
    private static final int SIZE = 16;
    private static final long RLIM64_INFINITY = -1;

    private Prlimit() {}

    static void register(Registrar r) {
        r.add("prlimit64", Decoder.split(Prlimit::entry, Prlimit::exit));
    }

    /** prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 *new_limit, struct rlimit64 *old_limit) */
    private static void entry(long[] args, ArgWriter out) {
        long pid = args[0], resource = args[1], newLimit = args[2];
        out.int32(pid);
        out.value(RESOURCES, resource & 0xffff_ffffL);
        rlimit(newLimit, out);
    }

    private static void exit(long[] args, long ret, ArgWriter out) {
        long oldLimit = args[3];
        if (Errno.isError(ret)) {
            out.pointer(oldLimit);
        } else {
            rlimit(oldLimit, out);
        }
    }

    static void rlimit(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, SIZE)) {
            out.pointer(address);
            return;
        }
        long cur = out.fetchedLong(0), max = out.fetchedLong(8);
        out.beginStruct();
        out.field("rlim_cur");
        limit(cur, out);
        out.field("rlim_max");
        limit(max, out);
        out.endStruct();
    }

    private static void limit(long value, ArgWriter out) {
        if (value == RLIM64_INFINITY) {
            out.unsignedNamed(value, "RLIM64_INFINITY");
        } else {
            out.kibibytes(value);
        }
    }
}
