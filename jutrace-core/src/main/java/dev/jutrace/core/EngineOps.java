package dev.jutrace.core;

import java.util.BitSet;

/**
 * An engine's callbacks. Every method has a default that shows no interest and answers
 * {@link Action#RESUME}, so an engine overrides only what it needs; a callback is made only for
 * events in the engine's mask ({@link Engine#setEvents}).
 *
 * <p>Callbacks run on the tracer thread while the real thread sits in a ptrace-stop, one at a
 * time. They must not block: an engine that needs to wait returns {@link Action#STOP} and later
 * calls {@link Engine#control} from its own thread. The {@code action} argument is the strongest
 * action that engines called earlier in the same report pass asked for (STOP if any of them holds
 * the thread stopped). The returned action folds into the pass with {@link Action#min}.
 */
public interface EngineOps {

    /**
     * Called before any other callback of a pass, for engines with QUIESCE, even for events they
     * did not ask for; {@code event} is null for the report made on the way back to user mode.
     */
    default Action reportQuiesce(Engine engine, Task task, Action action, Event event) {
        return Action.RESUME;
    }

    /**
     * A clone, fork or vfork succeeded in {@code parent}. {@code child} has not run yet: an engine
     * may attach to it here and control it before its first instruction.
     */
    default Action reportClone(Engine engine, Task parent, Action action, long cloneFlags, Task child) {
        return Action.RESUME;
    }

    /** An execve succeeded. {@code formerTid} differs from the task's tid when a non-leader thread exec'd. */
    default Action reportExec(Engine engine, Task task, Action action, int formerTid) {
        return Action.RESUME;
    }

    /** The thread entered a system call. Called in reverse attach order. */
    default Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
        return Action.RESUME;
    }

    /** A system call finished; its return value is in {@code call}. */
    default Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
        return Action.RESUME;
    }

    /**
     * A signal is about to be acted on; the engine may change what happens through {@code signal}.
     * Also called, with {@link SignalAction#REPORT} and no signal, for the report an
     * {@link Action#INTERRUPT} asks for; the default hands that one to {@link #reportQuiesce}, so an
     * engine that overrides only {@code reportQuiesce} still hears it.
     */
    default Action reportSignal(Engine engine, Task task, Action action, SignalReport signal) {
        if (signal.action() == SignalAction.REPORT || signal.action() == SignalAction.HANDLER) {
            return reportQuiesce(engine, task, action, null);
        }
        return Action.RESUME;
    }

    /** The thread enters a job-control stop ({@code stopped}) or continues from one. */
    default Action reportJctl(Engine engine, Task task, Action action, boolean stopped, int signal) {
        return Action.RESUME;
    }

    /** The thread begins to exit; {@code code} is the wait status its parent will see. */
    default Action reportExit(Engine engine, Task task, Action action, int code) {
        return Action.RESUME;
    }

    /**
     * The thread is dead; {@code status} is its wait status. Only a DETACH answer means anything:
     * it cancels the reap report.
     */
    default Action reportDeath(Engine engine, Task task, boolean groupDead, int status) {
        return Action.RESUME;
    }

    /** The thread is gone for good; the engine is detached once this returns. */
    default void reportReap(Engine engine, Task task) {}

    /**
     * The system calls (x86_64 numbers) this engine's syscall callbacks are for, or null for all
     * of them, the default. A hint, not a filter: the engine may still be called for other calls
     * and must check the number itself. When every engine of a spawned process names a set, the
     * tracer may install a seccomp filter for their union and stop the process only at those
     * calls (see {@link Tracer#useSeccomp}). Read when the engine's events are set; the set must
     * not change afterwards, short of calling {@link Engine#setEvents} again.
     */
    default BitSet syscalls() {
        return null;
    }

    /** The last reference to an engine with this data was dropped after it detached. */
    default void release(Object data) {}
}
