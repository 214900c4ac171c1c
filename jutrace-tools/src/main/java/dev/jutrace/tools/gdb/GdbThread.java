package dev.jutrace.tools.gdb;

import dev.jutrace.core.Engine;
import dev.jutrace.core.Task;

/**
 * One thread as the gdb server sees it: the gdb engine on it and what gdb wants of it. Fields are
 * guarded by the {@link GdbTarget}'s lock: the tracer thread writes them from callbacks, the
 * session thread from packets.
 */
final class GdbThread {
    final Task task;
    final GdbProcess process;
    Engine engine;
    /** gdb wants the thread stopped: every callback answers STOP. */
    boolean held;
    /** It is stopped and held now (a callback answered STOP, or a STOP took effect). */
    boolean stopped;
    /** gdb resumed it with a step: callbacks answer SINGLESTEP and the step trap is reported. */
    boolean stepping;
    /** A signal gdb resumed it with, re-raised: delivered at its next signal stop without stopping. */
    int passSignal;
    /** The signal of the stop gdb was told about, while the thread sits in that signal stop; else 0. */
    int stopSignal;
    /** The siginfo of the signal it last stopped for, for {@code qXfer:siginfo:read}. */
    byte[] siginfo;
    /** A Ctrl-C from gdb asked this thread for an INTERRUPT report. */
    boolean interruptAsked;
    boolean alive = true;
    /** A thread born while watchpoints were set: its debug registers are loaded at its first stop. */
    boolean needsWatches;

    GdbThread(Task task, GdbProcess process) {
        this.task = task;
        this.process = process;
    }

    int tid() {
        return task.tid();
    }

    /** The thread id as multiprocess gdb writes it, {@code pPID.TID} in hex. */
    String id() {
        return "p" + Integer.toHexString(process.pid) + "." + Integer.toHexString(tid());
    }

    @Override
    public String toString() {
        return "thread " + tid();
    }
}
