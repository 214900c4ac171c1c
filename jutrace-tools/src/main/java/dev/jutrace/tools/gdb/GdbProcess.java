package dev.jutrace.tools.gdb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One debugged process: its threads and the software breakpoints written into its memory. */
final class GdbProcess {
    final int pid;
    /** Attached with -p rather than spawned: gdb detaches rather than kills on quit. */
    final boolean attached;
    final List<GdbThread> threads = new ArrayList<>();
    /** Inserted breakpoints: address → the byte the int3 replaced. */
    final Map<Long, Byte> breakpoints = new LinkedHashMap<>();
    /**
     * Addresses of breakpoints removed since the process last ran: a thread that trapped on one
     * just before it was removed still has that SIGTRAP to come, and must not die of it.
     */
    final Set<Long> removedBreakpoints = new HashSet<>();
    /** Hardware watchpoints, one per debug register; null where free. */
    final DebugRegisters.Watch[] watches = new DebugRegisters.Watch[DebugRegisters.SLOTS];
    /** A fork child gdb was never told of: released at its first stop. */
    boolean orphan;
    /** The wait status of its exit, once the leader died; -1 while it lives. */
    int exitStatus = -1;

    GdbProcess(int pid, boolean attached) {
        this.pid = pid;
        this.attached = attached;
    }

    boolean hasWatches() {
        for (DebugRegisters.Watch w : watches) if (w != null) return true;
        return false;
    }

    GdbThread leader() {
        for (GdbThread t : threads) if (t.tid() == pid) return t;
        return threads.isEmpty() ? null : threads.get(0);
    }
}
