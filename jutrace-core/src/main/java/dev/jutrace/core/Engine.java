package dev.jutrace.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One engine attached to one task: an {@link EngineOps} and its data. Created by
 * {@link Tracer#attach}. Every method is safe from any thread: calls made off the tracer thread
 * are queued to it, which is woken, and the caller waits for the outcome.
 */
public final class Engine {

    /** ATTACHED until a detach; DETACHED after, when every call but barrier is refused. */
    enum State { ATTACHED, DETACHED }

    final Tracer tracer;
    final Task task;
    final EngineOps ops;
    final Object data;
    /** Event mask; written only on the tracer thread. */
    int mask;
    /** Whether this engine keeps the thread stopped (utrace's ENGINE_STOP). */
    boolean holdsStop;
    volatile State state = State.ATTACHED;
    /** One reference for the attachment, one per handle given out. */
    private final AtomicInteger refs = new AtomicInteger(2);

    Engine(Tracer tracer, Task task, EngineOps ops, Object data) {
        this.tracer = tracer;
        this.task = task;
        this.ops = ops;
        this.data = data;
    }

    public Task task() {
        return task;
    }

    public EngineOps ops() {
        return ops;
    }

    public Object data() {
        return data;
    }

    /** The engine's event mask (bits of {@link Event}). */
    public int events() {
        return mask;
    }

    public boolean isDetached() {
        return state != State.ATTACHED;
    }

    /**
     * Replaces the event mask, as {@code utrace_set_events}. Adding events takes effect at the
     * thread's next event; clearing them guarantees, once this returns {@link ControlResult#DONE},
     * that no excluded callback is made.
     *
     * @return DONE; or ALREADY when the thread is dead and the change asks for a DEATH or QUIESCE
     *     report that can no longer be made
     * @throws EngineDetachedException if the engine is detached
     */
    public ControlResult setEvents(int newMask) {
        return tracer.onTracerThread(() -> tracer.setEvents(this, newMask));
    }

    public ControlResult setEvents(Event... events) {
        return setEvents(Event.mask(events));
    }

    /**
     * Asks the thread for {@code action}, as {@code utrace_control}.
     *
     * @return DONE when the effect is complete (a STOP on a stopped thread, a RESUME, a DETACH);
     *     IN_PROGRESS when the thread is running and the effect comes at its next stop; ALREADY for
     *     a DETACH after the death report began, which will still be made
     * @throws EngineDetachedException if the engine is already detached
     * @throws IllegalArgumentException for REPORT or a step asked by an engine without QUIESCE,
     *     which would have no callback to keep the decision in (utrace's -EINVAL)
     */
    public ControlResult control(Action action) {
        return tracer.onTracerThread(() -> tracer.control(this, action));
    }

    /** Same as {@code control(Action.DETACH)}. */
    public ControlResult detach() {
        return control(Action.DETACH);
    }

    /**
     * Waits until no callback of this engine is in flight and the effect of its last answer has
     * been applied. Returns at once on the tracer thread, which is the thread running callbacks.
     *
     * @throws EngineDetachedException once the engine is fully detached
     */
    public void barrier() {
        if (tracer.isTracerThread()) return;
        tracer.onTracerThread(() -> null);
        if (state == State.DETACHED) throw new EngineDetachedException(this);
    }

    /**
     * The thread's registers (x86_64 {@code user_regs_struct} order), for an engine allowed to
     * examine it: inside one of its own callbacks, or from any thread while it holds the thread
     * stopped. Inside a callback this is the task's per-stop cache; elsewhere, a copy.
     *
     * @throws IllegalStateException when this engine does not hold the thread (utrace's -EINVAL)
     *     or its STOP has not taken effect yet because the thread is still running (-EAGAIN)
     * @throws TraceeDiedException when the thread is gone
     */
    public long[] registers() {
        if (tracer.isTracerThread()) {
            tracer.checkExamine(this);
            return task.registers();
        }
        return tracer.onTracerThread(() -> {
            tracer.checkExamine(this);
            return task.registers().clone();
        });
    }

    /**
     * Reads the thread's memory under the same rule as {@link #registers()}. Returns the bytes
     * read, or -1 when nothing at {@code address} is readable.
     */
    public int readMemory(long address, byte[] buffer, int offset, int length) {
        return tracer.onTracerThread(() -> {
            tracer.checkExamine(this);
            return task.readMemory(address, buffer, offset, length);
        });
    }

    /** Writes the thread's memory (text pages included) under the same rule as {@link #registers()}. */
    public int writeMemory(long address, byte[] buffer, int offset, int length) {
        return tracer.onTracerThread(() -> {
            tracer.checkExamine(this);
            return task.writeMemory(address, buffer, offset, length);
        });
    }

    /**
     * What the thread's next restart carries, with ptrace's restart semantics, for a facade that
     * offers ptrace(2) on top of engines: {@code signal} is delivered at a signal stop (in place of
     * the one reported), sent at a syscall stop and dropped at other stops, as the kernel treats a
     * restart request's data; {@code leaveGroupStop} lets a thread in a group stop run (historical
     * PTRACE_CONT behaviour) instead of staying in it. Allowed while the engine may examine the
     * thread; other engines holding it stopped still keep it so.
     */
    public void setRestart(int signal, boolean leaveGroupStop) {
        tracer.onTracerThread(() -> {
            tracer.setRestart(this, signal, leaveGroupStop);
            return null;
        });
    }

    /**
     * Runs {@code body} on the tracer thread with this engine's task, under the same rule as
     * {@link #registers()}, and returns its result. For examination that takes several requests
     * in one go, or that the other methods do not cover: writing registers, other register sets
     * and debug registers through {@code dev.jutrace.sys}, which only the tracer thread may call.
     */
    public <T> T examine(java.util.function.Function<Task, T> body) {
        return tracer.onTracerThread(() -> {
            tracer.checkExamine(this);
            return body.apply(task);
        });
    }

    /** Takes another reference, as {@code utrace_engine_get}. */
    public Engine get() {
        refs.incrementAndGet();
        return this;
    }

    /** Drops a reference; the last one runs {@link EngineOps#release}. */
    public void put() {
        if (refs.decrementAndGet() == 0) ops.release(data);
    }

    @Override
    public String toString() {
        return "engine " + ops.getClass().getSimpleName() + " on " + task;
    }
}
