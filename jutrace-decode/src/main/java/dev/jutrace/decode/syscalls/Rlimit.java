package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * getrlimit(2), setrlimit(2), getrusage(2). On x86_64 struct rlimit is prlimit64's struct
 * rlimit64, and prints the same way.
 */
final class Rlimit {

    private static final Xlat RESOURCES = Xlat.load("rlimit_resources");
    private static final Xlat WHO = Xlat.load("rusage_who");

    private Rlimit() {}

    static void register(Registrar r) {
        r.add("getrlimit", Decoder.split(Rlimit::resourceOnly, Rlimit::getrlimit));
        r.add("setrlimit", Decoder.atEntry(Rlimit::setrlimit));
        r.add("getrusage", Decoder.split(Rlimit::whoOnly, Rlimit::getrusage));
    }

    private static void resourceOnly(long[] args, ArgWriter out) {
        long resource = args[0];
        out.value(RESOURCES, resource & 0xffff_ffffL);
    }

    /** getrlimit(int resource, struct rlimit *rlim), after the resource. */
    private static void getrlimit(long[] args, long ret, ArgWriter out) {
        long rlim = args[1];
        if (Errno.isError(ret)) {
            out.pointer(rlim);
        } else {
            Prlimit.rlimit(rlim, out);
        }
    }

    /** setrlimit(int resource, const struct rlimit *rlim) */
    private static void setrlimit(long[] args, ArgWriter out) {
        long rlim = args[1];
        resourceOnly(args, out);
        Prlimit.rlimit(rlim, out);
    }

    private static void whoOnly(long[] args, ArgWriter out) {
        int who = (int) args[0];
        if (WHO.name(who) != null) {
            out.value(WHO, who);
        } else {
            out.value(WHO, who & 0xffff_ffffL);
        }
    }

    /** getrusage(int who, struct rusage *usage), after who: abbreviated as wait4 prints it. */
    private static void getrusage(long[] args, long ret, ArgWriter out) {
        long usage = args[1];
        if (Errno.isError(ret) || usage == 0 || !out.fetch(usage, Wait.RUSAGE_SIZE)) {
            out.pointer(usage);
        } else {
            Wait.rusage(out);
        }
    }
}
