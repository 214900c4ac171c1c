package dev.jutrace.tools.strace;

import dev.jutrace.core.Engine;
import dev.jutrace.core.Task;

/**
 * What the command line needs of the engine that records a trace, so it can run the strace
 * engine or another format's ({@code --json}) the same way: attach it to every traced thread,
 * flush its output while the trace runs, and learn the spawned command's status at the end.
 */
public interface TraceTool {

    /** Attaches to {@code task}; on the tracer thread (an attach callback). */
    Engine attachTo(Task task);

    /**
     * Attaches to a freshly spawned process started through {@code wrappers} programs that each
     * exec the next ({@code -u}); the command's own first exec is the trace's first call.
     */
    Engine attachToSpawned(Task task, int wrappers);

    /** The wait status of the spawned process's leader, or -1 while it lives or if none was spawned. */
    int mainStatus();

    /** The text to print after the trace (strace's {@code -c} table), or an empty string. */
    String summary();

    /** Ends what calls were under way when every thread was let go; after {@code Tracer.detachAll()}. */
    void endDetached();

    /** Flushes outputs of the tool's own ({@code -ff}); from any thread. */
    void flushOutputs();

    /** Closes outputs of the tool's own; after the trace. */
    void closeOutputs();
}
