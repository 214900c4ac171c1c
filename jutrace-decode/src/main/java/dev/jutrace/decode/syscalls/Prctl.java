package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * prctl(2). The option decides how many arguments print and what they are. The PR_GET_* options
 * that store their answer print it at exit; PR_GET_DUMPABLE returns it, and strace names it.
 * Options without a shape of their own print their four arguments in hex, as unknown ones do.
 */
final class Prctl {

    private static final Xlat OPTIONS = Xlat.load("prctl_options");
    private static final Xlat DUMPABLE = Xlat.load("suid_dump");
    private static final Xlat CAPS = Xlat.load("capabilities");
    private static final Xlat AMBIENT = Xlat.load("cap_ambient_ops");
    private static final Xlat SECCOMP_MODES = Xlat.load("seccomp_modes");
    private static final Xlat MM_OPS = Xlat.load("pr_set_mm");
    private static final Xlat VMA_OPS = Xlat.load("pr_set_vma");

    private static final long SET_PDEATHSIG = option("PR_SET_PDEATHSIG"), GET_PDEATHSIG = option("PR_GET_PDEATHSIG"),
            GET_DUMPABLE = option("PR_GET_DUMPABLE"), SET_DUMPABLE = option("PR_SET_DUMPABLE"),
            GET_KEEPCAPS = option("PR_GET_KEEPCAPS"), SET_KEEPCAPS = option("PR_SET_KEEPCAPS"),
            GET_TIMING = option("PR_GET_TIMING"), SET_NAME = option("PR_SET_NAME"), GET_NAME = option("PR_GET_NAME"),
            GET_SECCOMP = option("PR_GET_SECCOMP"), SET_SECCOMP = option("PR_SET_SECCOMP"),
            CAPBSET_READ = option("PR_CAPBSET_READ"), CAPBSET_DROP = option("PR_CAPBSET_DROP"),
            SET_TIMERSLACK = option("PR_SET_TIMERSLACK"), GET_TIMERSLACK = option("PR_GET_TIMERSLACK"),
            PERF_DISABLE = option("PR_TASK_PERF_EVENTS_DISABLE"), PERF_ENABLE = option("PR_TASK_PERF_EVENTS_ENABLE"),
            SET_MM = option("PR_SET_MM"), SET_PTRACER = option("PR_SET_PTRACER"),
            SET_CHILD_SUBREAPER = option("PR_SET_CHILD_SUBREAPER"), GET_CHILD_SUBREAPER = option("PR_GET_CHILD_SUBREAPER"),
            SET_NO_NEW_PRIVS = option("PR_SET_NO_NEW_PRIVS"), GET_NO_NEW_PRIVS = option("PR_GET_NO_NEW_PRIVS"),
            GET_TID_ADDRESS = option("PR_GET_TID_ADDRESS"), SET_THP_DISABLE = option("PR_SET_THP_DISABLE"),
            GET_THP_DISABLE = option("PR_GET_THP_DISABLE"), CAP_AMBIENT = option("PR_CAP_AMBIENT"),
            SET_VMA = option("PR_SET_VMA");
    private static final long AMBIENT_CLEAR_ALL = AMBIENT.value("PR_CAP_AMBIENT_CLEAR_ALL");
    private static final long MODE_STRICT = SECCOMP_MODES.value("SECCOMP_MODE_STRICT");
    private static final long MODE_FILTER = SECCOMP_MODES.value("SECCOMP_MODE_FILTER");
    /** A task name, TASK_COMM_LEN less its NUL. */
    private static final int TASK_COMM = 15;

    private Prctl() {}

    private static long option(String name) {
        return OPTIONS.value(name);
    }

    static void register(Registrar r) {
        r.add("prctl", Decoder.annotated(Prctl::entry, Prctl::exit, Prctl::dumpable));
    }

    private static boolean storesAnswer(long option) {
        return option == GET_PDEATHSIG || option == GET_NAME || option == GET_CHILD_SUBREAPER || option == GET_TID_ADDRESS;
    }

    /** prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5) */
    private static void entry(long[] args, ArgWriter out) {
        long option = args[0] & 0xffff_ffffL, arg2 = args[1], arg3 = args[2], arg4 = args[3], arg5 = args[4];
        out.value(OPTIONS, option);
        if (storesAnswer(option)) {
            return;
        }
        out.completeAtEntry();
        if (option == GET_DUMPABLE || option == GET_KEEPCAPS || option == GET_SECCOMP || option == GET_TIMERSLACK
                || option == GET_TIMING || option == PERF_DISABLE || option == PERF_ENABLE) {
            return;
        }
        if (option == SET_NAME) {
            out.string(arg2, TASK_COMM);
        } else if (option == SET_PDEATHSIG) {
            out.signal((int) arg2);
        } else if (option == SET_DUMPABLE) {
            out.value(DUMPABLE, arg2);
        } else if (option == SET_KEEPCAPS || option == SET_TIMERSLACK || option == SET_CHILD_SUBREAPER) {
            out.unsigned(arg2);
        } else if (option == CAPBSET_READ || option == CAPBSET_DROP) {
            out.value(CAPS, arg2);
        } else if (option == SET_NO_NEW_PRIVS || option == GET_NO_NEW_PRIVS || option == SET_THP_DISABLE
                || option == GET_THP_DISABLE) {
            out.unsigned(arg2);
            out.unsigned(arg3);
            out.unsigned(arg4);
            out.unsigned(arg5);
        } else if (option == CAP_AMBIENT) {
            out.value(AMBIENT, arg2);
            if (arg2 == AMBIENT_CLEAR_ALL) {
                out.unsigned(arg3);
            } else {
                out.value(CAPS, arg3);
            }
            out.unsigned(arg4);
            out.unsigned(arg5);
        } else if (option == SET_SECCOMP) {
            out.value(SECCOMP_MODES, arg2);
            if (arg2 == MODE_FILTER) {
                Seccomp.fprog(arg3, out);
            } else if (arg2 != MODE_STRICT) {
                out.hex(arg3);
                out.hex(arg4);
                out.hex(arg5);
            }
        } else if (option == SET_PTRACER) {
            if (arg2 == -1) {
                out.symbol("PR_SET_PTRACER_ANY"); // linux/prctl.h's ((unsigned long)-1)
            } else {
                out.int32(arg2);
            }
        } else if (option == SET_MM) {
            out.value(MM_OPS, arg2);
            out.hex(arg3);
            out.hex(arg4);
            out.hex(arg5);
        } else if (option == SET_VMA) {
            out.value(VMA_OPS, arg2);
            out.hex(arg3);
            out.unsigned(arg4);
            out.string(arg5);
        } else {
            out.hex(arg2);
            out.hex(arg3);
            out.hex(arg4);
            out.hex(arg5);
        }
    }

    /** The answer a PR_GET_* option stored at arg2. */
    private static void exit(long[] args, long ret, ArgWriter out) {
        long option = args[0] & 0xffff_ffffL, arg2 = args[1];
        if (!storesAnswer(option)) {
            return;
        }
        if (Errno.isError(ret) || arg2 == 0) {
            out.pointer(arg2);
        } else if (option == GET_NAME) {
            out.string(arg2, TASK_COMM);
        } else if (!out.fetch(arg2, option == GET_TID_ADDRESS ? 8 : 4)) {
            out.pointer(arg2);
        } else {
            out.beginArray();
            if (option == GET_PDEATHSIG) {
                out.signal(out.fetchedInt32(0));
            } else if (option == GET_TID_ADDRESS) {
                out.pointer(out.fetchedLong(0));
            } else {
                out.int32(out.fetchedInt32(0));
            }
            out.endArray();
        }
    }

    private static void dumpable(long[] args, long ret, ArgWriter out) {
        if ((args[0] & 0xffff_ffffL) == GET_DUMPABLE) {
            String name = DUMPABLE.name(ret);
            if (name != null) {
                out.symbol(name);
            }
        }
    }
}
