package dev.jutrace.testing.ptrace;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.Syscall;
import dev.jutrace.core.Task;

/**
 * A bystander engine for {@link Backend#ENGINE_WITH_COUNTER}: it asks for every syscall stop and
 * always answers RESUME. The ptrace engine beside it must give the same transcript as without it,
 * although the thread now stops at syscalls ptrace did not ask for.
 */
final class SyscallCounter implements EngineOps {
    /** Written on the tracer thread only. */
    long stops;

    /** Attaches a fresh counter to {@code task}; called on the tracer thread for each new task. */
    static void attachTo(Task task) {
        task.tracer().attach(task, new SyscallCounter(), null, AttachFlag.CREATE).setEvents(Event.SYSCALL);
    }

    @Override
    public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
        stops++;
        return Action.RESUME;
    }

    @Override
    public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
        stops++;
        return Action.RESUME;
    }
}
