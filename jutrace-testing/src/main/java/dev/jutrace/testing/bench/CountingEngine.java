package dev.jutrace.testing.bench;

import dev.jutrace.core.Action;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.Syscall;
import dev.jutrace.core.Task;

/**
 * An engine that does nothing but count its callbacks and answer {@link Action#RESUME}: what is
 * left of a report pass once the engines themselves cost nothing. The counters are plain fields,
 * written on the tracer thread and read after the tracee is gone; nothing is allocated per call.
 *
 * <p>With a {@link PassClock}, the engine the pass calls first reads the clock and the one it calls
 * last reads it again, so the clock sums the time the pass spends going from the first engine to
 * the last. With one engine that is the cost of the clock itself; with K engines it adds K - 1
 * engine steps (the callbacks, and the pass's own work around each). Syscall entry calls engines in
 * reverse attach order, exit in attach order.
 */
final class CountingEngine implements EngineOps {
    /** The mask of a plain engine. */
    static final int SYSCALL_MASK = Event.SYSCALL;
    /** The mask of an engine that also asks for QUIESCE: two callbacks per stop instead of one. */
    static final int QUIESCE_MASK = Event.SYSCALL | Event.QUIESCE.bit();

    /** Time from the first engine's callback to the last one's, summed over stops. */
    static final class PassClock {
        private long start;
        long total;
        long spans;

        void start() {
            start = System.nanoTime();
        }

        void stop() {
            total += System.nanoTime() - start;
            spans++;
        }
    }

    private final int index;
    private final int count;
    private final PassClock clock;
    /** A control for the allocation measurement: allocate one {@code long[2]} (32 bytes) per stop. */
    private final boolean allocate;
    /** Where the control's arrays go, so that escape analysis cannot remove them. */
    Object sink;

    long entries;
    long exits;
    long quiesces;

    /**
     * @param index this engine's place in attach order, 0 to {@code count - 1}
     * @param clock null for none
     */
    CountingEngine(int index, int count, PassClock clock, boolean allocate) {
        this.index = index;
        this.count = count;
        this.clock = clock;
        this.allocate = allocate;
    }

    @Override
    public Action reportQuiesce(Engine engine, Task task, Action action, Event event) {
        quiesces++;
        return Action.RESUME;
    }

    @Override
    public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
        entries++;
        if (clock != null) {
            if (index == count - 1) clock.start();
            if (index == 0) clock.stop();
        }
        if (allocate) sink = new long[2];
        return Action.RESUME;
    }

    @Override
    public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
        exits++;
        if (clock != null) {
            if (index == 0) clock.start();
            if (index == count - 1) clock.stop();
        }
        if (allocate) sink = new long[2];
        return Action.RESUME;
    }

    /** Syscall stops this engine was told of. */
    long stops() {
        return entries + exits;
    }
}
