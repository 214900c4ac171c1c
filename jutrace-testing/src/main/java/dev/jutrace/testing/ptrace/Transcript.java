package dev.jutrace.testing.ptrace;

import dev.jutrace.sys.Libc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario did and saw, one line per request, with every pid replaced by an alias: P for
 * the tracer's own process, T0, T1, … for other tasks in the order the script first met them.
 * Two backends that behave alike produce equal transcripts. Lines are added by the scenario's
 * thread and read by others only after it ended, except for {@link #pids()}, which the runner
 * reads to kill what a stuck scenario left.
 */
public final class Transcript {
    private final int tracerPid = Libc.getpid();
    private final List<String> lines = new ArrayList<>();
    private final Map<Integer, String> aliases = new LinkedHashMap<>();
    private int tracerThread;

    /** Names the scenario's own thread PT: the kernel reports the tracer thread, not its process, in si_pid. */
    synchronized void tracerThread(int tid) {
        if (tracerThread == 0) tracerThread = tid;
    }

    synchronized void add(String line) {
        lines.add(line);
    }

    /** The lines so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The real pids behind T0, T1, …, in alias order. */
    public synchronized List<Integer> pids() {
        return List.copyOf(aliases.keySet());
    }

    /**
     * The alias of {@code pid}, naming it on first sight; 0 stays 0. The tracer's process is P,
     * the scenario's thread PT, and any other thread of the tracer's process (an engine
     * backend's tracer thread, say) P.other.
     */
    synchronized String pid(long pid) {
        if (pid == 0) return "0";
        if (pid == tracerPid) return "P";
        if (pid == tracerThread) return "PT";
        if (pid < 0 || pid > Integer.MAX_VALUE) return Long.toString(pid);
        String known = aliases.get((int) pid);
        if (known != null) return known;
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/task/" + pid))) return "P.other";
        String alias = "T" + aliases.size();
        aliases.put((int) pid, alias);
        return alias;
    }

    /** The alias of {@code pid} if it has one, else the number: for values that may not be pids. */
    synchronized String knownPid(long pid) {
        if (pid == tracerPid) return "P";
        if (pid == tracerThread) return "PT";
        String alias = pid > 0 && pid <= Integer.MAX_VALUE ? aliases.get((int) pid) : null;
        return alias != null ? alias : Long.toString(pid);
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }
}
