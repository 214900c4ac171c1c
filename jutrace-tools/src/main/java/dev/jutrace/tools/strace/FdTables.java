package dev.jutrace.tools.strace;

import java.util.HashMap;
import java.util.Map;

/**
 * The descriptor tables of the traced processes, by thread-group id, so that threads attached
 * one by one ({@code -p}) share their process's table. Used on the tracer thread only; it
 * allocates when a process is first seen, never per call.
 */
final class FdTables {
    private final int level;
    private final Map<Integer, FdTable> byProcess = new HashMap<>();

    FdTables(int level) {
        this.level = level;
    }

    /** The table of process {@code tgid}, made on first use. */
    FdTable of(int tgid) {
        return byProcess.computeIfAbsent(tgid, pid -> new FdTable(pid, level));
    }

    /** The process died: a later process with its pid must not inherit its table. */
    void forget(int tgid, FdTable table) {
        byProcess.remove(tgid, table);
    }

    /** A forked child's own table: a copy of its parent's descriptors, read from the child's /proc. */
    FdTable copy(FdTable parent, int childTgid) {
        FdTable t = parent == null ? new FdTable(childTgid, level) : parent.copyFor(childTgid);
        byProcess.put(childTgid, t);
        return t;
    }
}
