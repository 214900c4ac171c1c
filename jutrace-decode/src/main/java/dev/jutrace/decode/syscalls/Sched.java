package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * sched_setscheduler(2), sched_getscheduler(2), sched_setparam(2), sched_getparam(2),
 * sched_get_priority_max(2), sched_get_priority_min(2), sched_rr_get_interval(2),
 * sched_setaffinity(2), sched_getaffinity(2). A CPU mask prints as the list of CPUs in it.
 */
final class Sched {

    private static final Xlat POLICIES = Xlat.load("sched_policies");
    /** The largest CPU mask read: the kernel's limit of 8192 CPUs. */
    private static final long MAX_CPUSET = 8192 / 8;

    private Sched() {}

    static void register(Registrar r) {
        r.add("sched_setscheduler", Decoder.atEntry(Sched::setscheduler));
        r.add("sched_getscheduler", Decoder.annotated(Sched::pidOnly, Sched::policyName));
        r.add("sched_setparam", Decoder.atEntry(Sched::setparam));
        r.add("sched_getparam", Decoder.split(Sched::pidOnly, Sched::getparam));
        r.add("sched_get_priority_max", Decoder.atEntry(Sched::policyOnly));
        r.add("sched_get_priority_min", Decoder.atEntry(Sched::policyOnly));
        r.add("sched_rr_get_interval", Decoder.split(Sched::pidOnly, Sched::rrGetInterval));
        r.add("sched_setaffinity", Decoder.atEntry(Sched::setaffinity));
        r.add("sched_getaffinity", Decoder.split(Sched::getaffinityEntry, Sched::getaffinity));
    }

    private static void pidOnly(long[] args, ArgWriter out) {
        long pid = args[0];
        out.int32(pid);
    }

    private static void policyOnly(long[] args, ArgWriter out) {
        long policy = args[0];
        out.value(POLICIES, policy & 0xffff_ffffL);
    }

    /** sched_setscheduler(pid_t pid, int policy, const struct sched_param *param) */
    private static void setscheduler(long[] args, ArgWriter out) {
        long pid = args[0], policy = args[1], param = args[2];
        out.int32(pid);
        out.value(POLICIES, policy & 0xffff_ffffL);
        param(param, out);
    }

    /** The policy sched_getscheduler returns, when it has a name. */
    private static void policyName(long[] args, long ret, ArgWriter out) {
        String name = POLICIES.name(ret);
        if (name != null) {
            out.symbol(name);
        }
    }

    /** sched_setparam(pid_t pid, const struct sched_param *param) */
    private static void setparam(long[] args, ArgWriter out) {
        long pid = args[0], param = args[1];
        out.int32(pid);
        param(param, out);
    }

    /** sched_getparam(pid_t pid, struct sched_param *param), after the pid. */
    private static void getparam(long[] args, long ret, ArgWriter out) {
        long param = args[1];
        if (Errno.isError(ret)) {
            out.pointer(param);
        } else {
            param(param, out);
        }
    }

    /** struct sched_param, one int: strace prints it as {@code [priority]}. */
    private static void param(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, 4)) {
            out.pointer(address);
            return;
        }
        int priority = out.fetchedInt32(0);
        out.beginArray();
        out.int32(priority);
        out.endArray();
    }

    /** sched_rr_get_interval(pid_t pid, struct timespec *tp), after the pid. */
    private static void rrGetInterval(long[] args, long ret, ArgWriter out) {
        long tp = args[1];
        Times.filledTimespec(tp, ret, out);
    }

    /** sched_setaffinity(pid_t pid, size_t cpusetsize, const cpu_set_t *mask) */
    private static void setaffinity(long[] args, ArgWriter out) {
        long pid = args[0], cpusetsize = args[1], mask = args[2];
        out.int32(pid);
        out.unsigned(cpusetsize);
        cpus(mask, cpusetsize, out);
    }

    private static void getaffinityEntry(long[] args, ArgWriter out) {
        long pid = args[0], cpusetsize = args[1];
        out.int32(pid);
        out.unsigned(cpusetsize);
    }

    /** sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask): the kernel returns how many bytes it wrote. */
    private static void getaffinity(long[] args, long ret, ArgWriter out) {
        long mask = args[2];
        if (Errno.isError(ret)) {
            out.pointer(mask);
        } else {
            cpus(mask, ret, out);
        }
    }

    /** A CPU mask of {@code size} bytes as the CPUs set in it: {@code [0 1]}. */
    private static void cpus(long mask, long size, ArgWriter out) {
        out.cpuSet(mask, (int) Math.min(size, MAX_CPUSET));
    }
}
