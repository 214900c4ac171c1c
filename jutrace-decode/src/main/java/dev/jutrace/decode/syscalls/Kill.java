package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;

/** kill(2), tkill(2), tgkill(2), setpgid(2), getpgid(2), getsid(2): pids and signals. */
final class Kill {

    private Kill() {}

    static void register(Registrar r) {
        r.add("kill", Decoder.atEntry(Kill::kill));
        r.add("tkill", Decoder.atEntry(Kill::kill));
        r.add("tgkill", Decoder.atEntry(Kill::tgkill));
        r.add("setpgid", Decoder.atEntry(Kill::setpgid));
        r.add("getpgid", Decoder.atEntry(Kill::pidOnly));
        r.add("getsid", Decoder.atEntry(Kill::pidOnly));
    }

    /** kill(pid_t pid, int sig), tkill(pid_t tid, int sig) */
    private static void kill(long[] args, ArgWriter out) {
        long pid = args[0], sig = args[1];
        out.int32(pid);
        out.signal((int) sig);
    }

    /** tgkill(pid_t tgid, pid_t tid, int sig) */
    private static void tgkill(long[] args, ArgWriter out) {
        long tgid = args[0], tid = args[1], sig = args[2];
        out.int32(tgid);
        out.int32(tid);
        out.signal((int) sig);
    }

    /** setpgid(pid_t pid, pid_t pgid) */
    private static void setpgid(long[] args, ArgWriter out) {
        long pid = args[0], pgid = args[1];
        out.int32(pid);
        out.int32(pgid);
    }

    /** getpgid(pid_t pid), getsid(pid_t pid) */
    private static void pidOnly(long[] args, ArgWriter out) {
        long pid = args[0];
        out.int32(pid);
    }
}
