package dev.jutrace.tools.gdb;

/**
 * A thread id as gdb writes it with multiprocess extensions: {@code pPID.TID}, {@code pPID}
 * ({@code pPID.-1}: every thread of PID), or a bare TID; {@code -1} means all and {@code 0} any.
 * Numbers are hex. {@code pid} and {@code tid} use {@link #ALL} and {@link #ANY} for those.
 */
record ThreadId(int pid, int tid) {
    static final int ALL = -1;
    static final int ANY = 0;

    static ThreadId parse(String s) {
        if (s.isEmpty()) throw new MalformedPacketException("empty thread id");
        if (s.charAt(0) == 'p') {
            int dot = s.indexOf('.');
            int pid = number(dot < 0 ? s.substring(1) : s.substring(1, dot));
            int tid = dot < 0 ? ALL : number(s.substring(dot + 1));
            return new ThreadId(pid, tid);
        }
        return new ThreadId(ALL, number(s));
    }

    private static int number(String s) {
        if (s.equals("-1")) return ALL;
        return (int) Hex.number(s);
    }

    boolean matches(GdbThread t) {
        if (pid != ALL && pid != ANY && pid != t.process.pid) return false;
        return tid == ALL || tid == ANY || tid == t.tid();
    }
}
