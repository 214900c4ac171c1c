package dev.jutrace.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test engine for reliability tests: counts EXIT, DEATH and REAP reports per {@link Task} object
 * (not per tid, which the kernel reuses and an exec moves), remembers every task it was attached
 * to, follows new threads and processes by attaching a copy of itself in reportClone, and can hold
 * a thread (answer STOP) at the first event that {@link #holdAt} accepts.
 *
 * <p>Anything out of order (a second DEATH, a REAP without a DEATH, an event after the REAP) is
 * written to {@link #problems} rather than thrown, because the callbacks run on the tracer thread.
 */
class Tally implements EngineOps {

    /** Decides whether to hold the thread at an event; {@code detail} is the syscall number, signal, exit code... */
    interface HoldPoint {
        boolean hold(Event event, Task task, long detail);
    }

    final String name;
    final int mask;
    volatile boolean follow = true;
    /** Hold at most this many times in all (each task at most once). */
    volatile int holdLimit = 1;
    volatile HoldPoint holdAt;
    /** SIGKILLs the thread's process from inside the first callback this accepts. */
    volatile HoldPoint killAt;
    /** The answer of the callback that sent that SIGKILL. */
    volatile Action afterKill = Action.RESUME;
    private boolean killed;

    final Set<Task> attached = ConcurrentHashMap.newKeySet();
    final Map<Task, AtomicInteger> exits = new ConcurrentHashMap<>();
    final Map<Task, AtomicInteger> deaths = new ConcurrentHashMap<>();
    final Map<Task, AtomicInteger> reaps = new ConcurrentHashMap<>();
    final Map<Task, Integer> deathStatus = new ConcurrentHashMap<>();
    final Map<Task, Integer> exitCode = new ConcurrentHashMap<>();
    /** Tid of each task when it died (tids change at a non-leader exec). */
    final Map<Task, Integer> deathTid = new ConcurrentHashMap<>();
    /** Exec reports: task and former tid. */
    final Map<Task, Integer> execs = new ConcurrentHashMap<>();
    final List<String> problems = new CopyOnWriteArrayList<>();
    final List<Task> heldTasks = new CopyOnWriteArrayList<>();
    final List<Engine> heldEngines = new CopyOnWriteArrayList<>();
    private final Set<Task> heldOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger holds = new AtomicInteger();
    /** Counted down once per hold. */
    volatile CountDownLatch held = new CountDownLatch(1);
    /** Counted down at the first report of each event. */
    final Map<Event, CountDownLatch> first = new EnumMap<>(Event.class);
    final AtomicInteger syscallReports = new AtomicInteger();

    Tally(String name, int mask) {
        this.name = name;
        this.mask = mask;
        for (Event e : Event.values()) first.put(e, new CountDownLatch(1));
    }

    Tally holdAt(HoldPoint where) {
        this.holdAt = where;
        return this;
    }

    Tally holding(int times) {
        this.holdLimit = times;
        this.held = new CountDownLatch(times);
        return this;
    }

    Engine attachTo(Task task) {
        Engine e = task.tracer().attach(task, this, null, AttachFlag.CREATE);
        e.setEvents(mask);
        attached.add(task);
        return e;
    }

    /** Tasks whose DEATH, EXIT or REAP count is not exactly {@code n}, described. */
    List<String> countsNot(Map<Task, AtomicInteger> counts, int n, String what) {
        List<String> bad = new ArrayList<>();
        for (Task t : attached) {
            AtomicInteger c = counts.get(t);
            int got = c == null ? 0 : c.get();
            if (got != n) bad.add(name + ": " + t + " (tgid " + t.tgid() + ") had " + got + " " + what);
        }
        return bad;
    }

    private void seen(Event e) {
        first.get(e).countDown();
    }

    private Action maybeHold(Engine engine, Event event, Task task, long detail) {
        HoldPoint k = killAt;
        if (k != null && !killed && k.hold(event, task, detail)) {
            killed = true;
            dev.jutrace.sys.Libc.killRaw(task.tgid(), dev.jutrace.sys.Libc.SIGKILL);
            held.countDown();
            return afterKill;
        }
        HoldPoint h = holdAt;
        if (h == null || holds.get() >= holdLimit || heldOnce.contains(task) || !h.hold(event, task, detail)) {
            return Action.RESUME;
        }
        holds.incrementAndGet();
        heldOnce.add(task);
        heldTasks.add(task);
        heldEngines.add(engine);
        held.countDown();
        return Action.STOP;
    }

    private void afterReap(Task task, String what) {
        if (reaps.containsKey(task)) problems.add(name + ": " + what + " of " + task + " after its reap");
    }

    @Override
    public Action reportQuiesce(Engine engine, Task task, Action action, Event event) {
        afterReap(task, "quiesce(" + event + ")");
        seen(Event.QUIESCE);
        return event == null ? maybeHold(engine, Event.QUIESCE, task, 0) : Action.RESUME;
    }

    @Override
    public Action reportClone(Engine engine, Task parent, Action action, long flags, Task child) {
        afterReap(parent, "clone");
        seen(Event.CLONE);
        if (follow) attachTo(child);
        return maybeHold(engine, Event.CLONE, parent, flags);
    }

    @Override
    public Action reportExec(Engine engine, Task task, Action action, int formerTid) {
        afterReap(task, "exec");
        seen(Event.EXEC);
        execs.put(task, formerTid);
        return maybeHold(engine, Event.EXEC, task, formerTid);
    }

    @Override
    public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
        afterReap(task, "syscall entry");
        seen(Event.SYSCALL_ENTRY);
        syscallReports.incrementAndGet();
        if (holdAt == null && killAt == null) return Action.RESUME;
        // Encode the first argument too, for hold points that pick a call by its fd.
        return maybeHold(engine, Event.SYSCALL_ENTRY, task, (call.arg(0) << 16) | (call.number() & 0xffff));
    }

    @Override
    public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
        afterReap(task, "syscall exit");
        seen(Event.SYSCALL_EXIT);
        syscallReports.incrementAndGet();
        return maybeHold(engine, Event.SYSCALL_EXIT, task, call.number());
    }

    @Override
    public Action reportSignal(Engine engine, Task task, Action action, SignalReport signal) {
        afterReap(task, "signal");
        if (signal.action() == SignalAction.REPORT || signal.action() == SignalAction.HANDLER) {
            return reportQuiesce(engine, task, action, null);
        }
        seen(Event.SIGNAL);
        return maybeHold(engine, Event.SIGNAL, task, signal.signal());
    }

    @Override
    public Action reportJctl(Engine engine, Task task, Action action, boolean stopped, int signal) {
        afterReap(task, "jctl");
        if (stopped) seen(Event.JCTL);
        return stopped ? maybeHold(engine, Event.JCTL, task, signal) : Action.RESUME;
    }

    @Override
    public Action reportExit(Engine engine, Task task, Action action, int code) {
        afterReap(task, "exit");
        seen(Event.EXIT);
        if (exits.computeIfAbsent(task, k -> new AtomicInteger()).incrementAndGet() > 1) {
            problems.add(name + ": second exit of " + task);
        }
        exitCode.put(task, code);
        return maybeHold(engine, Event.EXIT, task, code);
    }

    @Override
    public Action reportDeath(Engine engine, Task task, boolean groupDead, int status) {
        afterReap(task, "death");
        seen(Event.DEATH);
        if (deaths.computeIfAbsent(task, k -> new AtomicInteger()).incrementAndGet() == 1) {
            deathStatus.put(task, status);
            deathTid.put(task, task.tid());
        } else {
            problems.add(name + ": second death of " + task + " status 0x" + Integer.toHexString(status));
        }
        return Action.RESUME;
    }

    @Override
    public void reportReap(Engine engine, Task task) {
        seen(Event.REAP);
        if (!deaths.containsKey(task) && (mask & Event.DEATH.bit()) != 0) {
            problems.add(name + ": reap of " + task + " before its death");
        }
        if (reaps.computeIfAbsent(task, k -> new AtomicInteger()).incrementAndGet() > 1) {
            problems.add(name + ": second reap of " + task);
        }
    }
}
