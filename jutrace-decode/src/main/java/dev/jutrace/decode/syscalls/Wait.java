package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * wait4(2), waitid(2). The status and rusage are the kernel's to fill, so everything after the pid prints
 * at exit; a call that reaped nothing (an error, or 0 under WNOHANG) shows only their addresses.
 */
final class Wait {

    private static final Xlat OPTIONS = Xlat.load("wait4_options");
    private static final Xlat ID_TYPES = Xlat.load("waitid_types");
    /** sys/wait.h's decoding of a status: the low 7 bits are the terminating signal, 0x7f a stop. */
    private static final int SIGNAL_MASK = 0x7f;
    private static final int STOPPED = 0x7f;
    private static final int CORE_DUMPED = 0x80;
    private static final int CONTINUED = 0xffff;
    /** x86_64 struct rusage, linux/resource.h: two struct timevals, then 14 longs. */
    static final int RUSAGE_SIZE = 144;
    private static final int RU_UTIME = 0;
    private static final int RU_STIME = 16;

    private Wait() {}

    static void register(Registrar r) {
        r.add("wait4", Decoder.split(Wait::pidOnly, Wait::wait4));
        r.add("waitid", Decoder.split(Wait::waitidEntry, Wait::waitid));
    }

    private static void pidOnly(long[] args, ArgWriter out) {
        long pid = args[0];
        out.int32(pid);
    }

    /** wait4(pid_t pid, int *wstatus, int options, struct rusage *rusage), after the pid. */
    private static void wait4(long[] args, long ret, ArgWriter out) {
        long wstatus = args[1], options = args[2], rusage = args[3];
        boolean reaped = !Errno.isError(ret) && ret != 0;
        if (!reaped || wstatus == 0 || !out.fetch(wstatus, 4)) {
            out.pointer(wstatus);
        } else {
            status((int) out.fetchedUint32(0), out);
        }
        out.flags(OPTIONS, options & 0xffff_ffffL);
        if (!reaped || rusage == 0 || !out.fetch(rusage, RUSAGE_SIZE)) {
            out.pointer(rusage);
        } else {
            rusage(out);
        }
    }

    private static void waitidEntry(long[] args, ArgWriter out) {
        long idtype = args[0], id = args[1];
        out.value(ID_TYPES, idtype & 0xffff_ffffL);
        out.int32(id);
    }

    /** waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options, struct rusage *rusage), after the id. */
    private static void waitid(long[] args, long ret, ArgWriter out) {
        long infop = args[2], options = args[3], rusage = args[4];
        boolean failed = Errno.isError(ret);
        if (failed) {
            out.pointer(infop);
        } else {
            out.siginfo(infop);
        }
        out.flags(OPTIONS, options & 0xffff_ffffL);
        if (failed || rusage == 0 || !out.fetch(rusage, RUSAGE_SIZE)) {
            out.pointer(rusage);
        } else {
            rusage(out);
        }
    }

    /** The fetched struct rusage, abbreviated as strace prints it by default: the two times. */
    static void rusage(ArgWriter out) {
        long utimeSec = out.fetchedLong(RU_UTIME), utimeUsec = out.fetchedLong(RU_UTIME + 8);
        long stimeSec = out.fetchedLong(RU_STIME), stimeUsec = out.fetchedLong(RU_STIME + 8);
        out.beginStruct();
        out.field("ru_utime");
        timeval(utimeSec, utimeUsec, out);
        out.field("ru_stime");
        timeval(stimeSec, stimeUsec, out);
        out.ellipsis();
        out.endStruct();
    }

    private static void timeval(long sec, long usec, ArgWriter out) {
        out.beginStruct();
        out.field("tv_sec");
        out.signed(sec);
        out.field("tv_usec");
        out.signed(usec);
        out.endStruct();
    }

    private static void status(int s, ArgWriter out) {
        out.beginArray();
        out.beginStruct();
        if (s == CONTINUED) {
            out.symbol("WIFCONTINUED(s)");
        } else if ((s & SIGNAL_MASK) == 0) {
            out.waitCondition("WIFEXITED", "WEXITSTATUS", (s >>> 8) & 0xff, null);
        } else if ((s & 0xff) == STOPPED) {
            out.waitSignalCondition("WIFSTOPPED", "WSTOPSIG", (s >>> 8) & 0xff, null);
        } else {
            out.waitSignalCondition("WIFSIGNALED", "WTERMSIG", s & SIGNAL_MASK, (s & CORE_DUMPED) != 0 ? "WCOREDUMP" : null);
        }
        out.endStruct();
        out.endArray();
    }
}
