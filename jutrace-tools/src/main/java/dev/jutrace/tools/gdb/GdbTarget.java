package dev.jutrace.tools.gdb;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.ControlResult;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.SignalAction;
import dev.jutrace.core.SignalReport;
import dev.jutrace.core.Task;
import dev.jutrace.sys.Libc;
import dev.jutrace.sys.Ptrace;
import dev.jutrace.sys.Regs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * The gdb engine: one engine per traced thread, all sharing this ops object, which holds what gdb
 * knows of the target. gdb debugs in all-stop mode: when one thread reports an event (a
 * breakpoint, a signal, the end of a step), this engine holds it with STOP, holds every other
 * thread too, and queues the event for the session, which answers gdb once they are all stopped.
 * Other engines on the same threads keep running their callbacks; they simply find the thread
 * held while gdb looks at it, because STOP wins over their RESUME.
 *
 * <p>State is guarded by {@code this}. Callbacks run on the tracer thread; the session thread
 * changes what gdb wants and then calls {@link Engine#control}. No engine method is called while
 * holding the lock, because a call from the session thread waits for the tracer thread, whose
 * callbacks take the lock.
 */
final class GdbTarget implements EngineOps {
    private static final int SI_KERNEL = 0x80;
    private static final int TRAP_HWBKPT = 4;
    private static final int EVENTS = Event.mask(Event.QUIESCE, Event.CLONE, Event.EXEC, Event.DEATH)
            | Event.SIGNAL_ALL;

    final List<GdbProcess> processes = new ArrayList<>();
    private final Map<Task, GdbThread> threads = new IdentityHashMap<>();
    private final BlockingQueue<Object> inbox;

    /** gdb resumed the target and waits for a stop reply. */
    private boolean running;
    /** The event chosen since the last resume, or null. */
    private Stop stop;
    /** An exit that happened while gdb was not waiting; reported at its next resume. */
    private Stop pendingExit;
    /** gdb detached or disconnected: callbacks let everything run. */
    private boolean detached;
    /** gdb takes fork and exec events (it said so in qSupported, and so did we). */
    private boolean forkEvents, execEvents;
    /** Signals (Linux numbers) gdb said to pass straight to the program (QPassSignals). */
    private final boolean[] pass = new boolean[65];

    /** Queued for the session when an event is chosen. */
    record StopNotice() {}

    GdbTarget(BlockingQueue<Object> inbox) {
        this.inbox = inbox;
    }

    // ==== attaching (on the tracer thread) ==========================================================

    /** Attaches to a spawned process, held at its exec until gdb connects and resumes it. */
    synchronized void attachSpawned(Task task) {
        GdbProcess p = new GdbProcess(task.tgid(), false);
        processes.add(p);
        GdbThread t = newThread(task, p);
        t.held = true;
        t.engine = attach(task, t);
    }

    /** Attaches to a thread of a process seized with -p, held at its first stop. */
    void attachRunning(Task task) {
        GdbThread t;
        synchronized (this) {
            GdbProcess p = process(task.tgid());
            if (p == null) {
                p = new GdbProcess(task.tgid(), true);
                processes.add(p);
            }
            t = newThread(task, p);
            t.held = true;
        }
        Engine e = attach(task, t);
        synchronized (this) {
            t.engine = e;
        }
        // The thread is running: the STOP takes effect at the stop attaching brings.
        if (e.control(Action.STOP) == ControlResult.DONE) markStopped(t);
    }

    private GdbThread newThread(Task task, GdbProcess p) {
        GdbThread t = new GdbThread(task, p);
        threads.put(task, t);
        if (task.tid() == p.pid) p.threads.addFirst(t);
        else p.threads.add(t);
        return t;
    }

    private Engine attach(Task task, GdbThread t) {
        Engine e = task.tracer().attach(task, this, t, AttachFlag.CREATE);
        e.setEvents(EVENTS);
        return e;
    }

    synchronized GdbProcess process(int pid) {
        for (GdbProcess p : processes) if (p.pid == pid) return p;
        return null;
    }

    synchronized List<GdbThread> liveThreads() {
        List<GdbThread> all = new ArrayList<>();
        for (GdbProcess p : processes) for (GdbThread t : p.threads) if (t.alive) all.add(t);
        return all;
    }

    // ==== what gdb asks (session thread) ===========================================================

    synchronized void setEvents(boolean fork, boolean exec) {
        forkEvents = fork;
        execEvents = exec;
    }

    synchronized void setPassSignals(boolean[] linuxSignals) {
        System.arraycopy(linuxSignals, 0, pass, 0, pass.length);
    }

    /** The event to report, once gdb resumed and something happened; clears it. */
    synchronized Stop takeStop() {
        Stop s = stop;
        running = false;
        return s;
    }

    /** An exit that gdb has not heard of, to answer its next resume with. */
    synchronized Stop takePendingExit() {
        Stop s = pendingExit;
        pendingExit = null;
        return s;
    }

    synchronized boolean isRunning() {
        return running;
    }

    /** How gdb resumes one thread: step or not, and the signal (Linux number) to deliver. */
    record Resume(boolean step, int signal) {}

    /**
     * Resumes the threads in {@code how}; the others stay stopped. Runs on the tracer thread
     * inside one examine call, so that no callback interleaves: an event from a thread released
     * early holds the rest before they are released.
     */
    void resume(Map<GdbThread, Resume> how) {
        GdbThread anchor = null;
        synchronized (this) {
            stop = null;
            running = true;
            for (GdbThread t : liveThreads()) if (t.stopped) anchor = t;
        }
        Runnable body = () -> {
            for (Map.Entry<GdbThread, Resume> e : how.entrySet()) {
                GdbThread t = e.getKey();
                Resume r = e.getValue();
                boolean inItsStop;
                synchronized (this) {
                    if (stop != null || !t.alive) continue; // an event came first: everything stays
                    t.held = false;
                    t.stopped = false;
                    t.stepping = r.step();
                    inItsStop = r.signal() != 0 && r.signal() == t.stopSignal;
                    t.passSignal = inItsStop ? 0 : r.signal();
                    t.stopSignal = 0;
                }
                try {
                    if (inItsStop) {
                        // Still in that signal's stop: the restart delivers it, siginfo and all.
                        t.engine.setRestart(r.signal(), false);
                    } else if (r.signal() != 0) {
                        // Any other stop drops a restart signal: send it, and let it through when it arrives.
                        Libc.tgkillRaw(t.task.tgid(), t.task.tid(), r.signal());
                    }
                    t.engine.control(r.step() ? Action.SINGLESTEP : Action.RESUME);
                } catch (RuntimeException x) {
                    // It died meanwhile; its death report follows.
                }
            }
        };
        if (anchor == null) {
            body.run();
            return;
        }
        try {
            anchor.engine.examine(task -> {
                body.run();
                return null;
            });
        } catch (RuntimeException x) {
            body.run();
        }
    }

    /**
     * Gdb's Ctrl-C: asks one thread for an INTERRUPT report, which kicks it out of any blocking
     * call; its report then stops the rest, as any event does.
     */
    void interrupt() {
        List<GdbThread> live = liveThreads();
        if (live.isEmpty()) return;
        GdbThread first = live.getFirst();
        synchronized (this) {
            first.interruptAsked = true;
        }
        try {
            first.engine.control(Action.INTERRUPT);
        } catch (RuntimeException x) {
            // Gone; its death is the event.
        }
    }

    /**
     * Holds every thread, as for an event, without reporting one (a detach, a shutdown). From a
     * foreign thread a STOP takes effect at the thread's next stop, so a running thread is also
     * asked for an INTERRUPT report, where it answers STOP.
     */
    void holdAll() {
        List<GdbThread> live;
        synchronized (this) {
            running = false;
            live = liveThreads();
            for (GdbThread t : live) t.held = true;
        }
        for (GdbThread t : live) {
            try {
                if (t.engine.control(Action.STOP) == ControlResult.DONE) markStopped(t);
                else t.engine.control(Action.INTERRUPT);
            } catch (RuntimeException x) {
                // Dead or detached.
            }
        }
    }

    /** Waits until every live thread is held and stopped; false when some did not stop in time. */
    synchronized boolean awaitAllStopped(long millis) throws InterruptedException {
        return awaitStopped(millis, false);
    }

    /** As {@link #awaitAllStopped}, and waits for the first thread too: gdb may connect before the spawn is done. */
    synchronized boolean awaitTarget(long millis) throws InterruptedException {
        return awaitStopped(millis, true);
    }

    private synchronized boolean awaitStopped(long millis, boolean needOne) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            boolean all = !needOne || !liveThreads().isEmpty();
            for (GdbThread t : liveThreads()) if (!t.stopped) all = false;
            if (all) return true;
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
        }
    }

    /**
     * Lets every thread go and detaches every gdb engine. Breakpoints must have been removed
     * already. A thread with a breakpoint trap still pending is first run to that trap, which is
     * then discarded, so no SIGTRAP from a removed int3 reaches the program.
     */
    void detachAll() throws InterruptedException {
        List<GdbThread> pendingTrap = new ArrayList<>();
        for (GdbThread t : liveThreads()) if (t.stopped && sigtrapPending(t.tid())) pendingTrap.add(t);
        if (!pendingTrap.isEmpty()) {
            synchronized (this) {
                for (GdbThread t : pendingTrap) t.stopped = false;
            }
            for (GdbThread t : pendingTrap) {
                try {
                    t.engine.control(Action.RESUME);
                } catch (RuntimeException x) {
                    // Died.
                }
            }
            awaitAllStopped(2000);
        }
        List<GdbThread> live;
        synchronized (this) {
            detached = true;
            running = false;
            live = liveThreads();
            for (GdbThread t : live) {
                t.held = false;
                t.stopped = false;
            }
        }
        for (GdbThread t : live) {
            try {
                t.engine.detach();
            } catch (RuntimeException x) {
                // Already gone.
            }
        }
    }

    /**
     * Detaches the gdb engines from one process (gdb's {@code D;pid}, after a fork), whose
     * breakpoints must have been taken out already; gdb goes on with the others.
     */
    void detachProcess(GdbProcess proc) throws InterruptedException {
        List<GdbThread> mine = new ArrayList<>();
        for (GdbThread t : liveThreads()) if (t.process == proc) mine.add(t);
        List<GdbThread> pendingTrap = new ArrayList<>();
        for (GdbThread t : mine) if (t.stopped && sigtrapPending(t.tid())) pendingTrap.add(t);
        if (!pendingTrap.isEmpty()) {
            synchronized (this) {
                for (GdbThread t : pendingTrap) t.stopped = false;
            }
            for (GdbThread t : pendingTrap) {
                try {
                    t.engine.control(Action.RESUME);
                } catch (RuntimeException x) {
                    // Died.
                }
            }
            awaitAllStopped(2000);
        }
        synchronized (this) {
            processes.remove(proc);
            for (GdbThread t : mine) {
                t.alive = false;
                threads.remove(t.task);
            }
        }
        for (GdbThread t : mine) {
            try {
                t.engine.detach();
            } catch (RuntimeException x) {
                // Gone already.
            }
        }
    }

    synchronized boolean isDetached() {
        return detached;
    }

    private static boolean sigtrapPending(int tid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + tid + "/status"))) {
                if (line.startsWith("SigPnd:") || line.startsWith("ShdPnd:")) {
                    long bits = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    if ((bits & (1L << (Libc.SIGTRAP - 1))) != 0) return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone.
        }
        return false;
    }

    // ==== callbacks (tracer thread) ================================================================

    /** The answer that keeps what gdb wants: held, stepping, or running. */
    private Action decide(GdbThread t) {
        synchronized (this) {
            if (detached) return Action.RESUME;
            if (t.held) {
                if (!t.stopped) {
                    t.stopped = true;
                    notifyAll();
                }
                return Action.STOP;
            }
            return t.stepping ? Action.SINGLESTEP : Action.RESUME;
        }
    }

    private void markStopped(GdbThread t) {
        synchronized (this) {
            t.stopped = true;
            notifyAll();
        }
    }

    /**
     * Offers an event. The first one since gdb resumed is the one reported: every thread is held,
     * and the running ones are stopped. Later ones return false and their thread stays held with
     * the event undone (a breakpoint trap rewound, a signal re-queued) so it happens again when
     * the thread next runs.
     */
    private boolean report(GdbThread t, Stop s) {
        List<GdbThread> others;
        synchronized (this) {
            if (detached || !running || stop != null) return false;
            stop = s;
            others = liveThreads();
            for (GdbThread o : others) o.held = true;
        }
        for (GdbThread o : others) {
            if (o == t) continue;
            stopThread(o);
        }
        inbox.add(new StopNotice());
        return true;
    }

    /**
     * Stops a thread from the tracer thread. A STOP on a running thread waits for its next stop,
     * which may be far off (a thread spinning in user code makes none), so it is also
     * interrupted with PTRACE_INTERRUPT: that stop carries the report the STOP is owed. A plain
     * INTERRUPT action would also work, but when the thread reaches a system call first it owes a
     * repeated syscall-entry report, which other engines would see twice.
     */
    private void stopThread(GdbThread o) {
        try {
            if (o.engine.control(Action.STOP) == ControlResult.DONE) markStopped(o);
            else Ptrace.raw(Ptrace.PTRACE_INTERRUPT, o.task.tid(), 0, 0);
        } catch (RuntimeException x) {
            // Dead; its death report removes it.
        }
    }

    private GdbThread thread(Engine e) {
        return (GdbThread) e.data();
    }

    @Override
    public Action reportQuiesce(Engine engine, Task task, Action action, Event event) {
        GdbThread t = thread(engine);
        if (releaseOrphan(t, task)) return Action.DETACH;
        loadWatchesIfNeeded(t, task);
        if (event == null) {
            boolean stepped;
            synchronized (this) {
                stepped = t.stepping;
                t.stepping = false;
            }
            // A step that ended: the trap is the tracer's own, reported to gdb as SIGTRAP.
            if (stepped) report(t, Stop.signal(t, Libc.SIGTRAP, ""));
        }
        return decide(t);
    }

    @Override
    public Action reportSignal(Engine engine, Task task, Action action, SignalReport signal) {
        GdbThread t = thread(engine);
        SignalAction how = signal.action();
        if (how == SignalAction.REPORT || how == SignalAction.HANDLER) {
            boolean stepped;
            boolean interrupted;
            synchronized (this) {
                stepped = t.stepping && how == SignalAction.HANDLER;
                if (stepped) t.stepping = false;
                interrupted = t.interruptAsked;
                t.interruptAsked = false;
            }
            if (stepped) report(t, Stop.signal(t, Libc.SIGTRAP, ""));
            else if (interrupted) report(t, Stop.signal(t, Libc.SIGINT, ""));
            return decide(t);
        }
        int sig = signal.signal();
        GdbProcess p = t.process;
        if (sig == Libc.SIGTRAP && signal.code() == TRAP_HWBKPT) {
            int slot = DebugRegisters.fired(task.tid());
            DebugRegisters.Watch w;
            synchronized (this) {
                w = slot >= 0 ? p.watches[slot] : null;
            }
            if (w != null) {
                // A data watchpoint traps after the access: nothing to rewind.
                signal.setAction(SignalAction.IGN);
                reportSignal(t, signal, w.reason());
                return decide(t);
            }
        }
        if (sig == Libc.SIGTRAP && signal.code() == SI_KERNEL) {
            long pc = task.instructionPointer() - 1;
            boolean ours;
            boolean former;
            synchronized (this) {
                ours = p.breakpoints.containsKey(pc);
                former = p.removedBreakpoints.contains(pc);
            }
            if (ours || former) {
                // The int3 is ours: the program never sees it, and the PC goes back onto the
                // breakpoint, as gdb expects of a stub that reports swbreak.
                task.writeRegister(Regs.RIP, pc);
                signal.setAction(SignalAction.IGN);
                if (ours) reportSignal(t, signal, "swbreak:;");
                return decide(t);
            }
        }
        boolean passIt;
        synchronized (this) {
            if (detached) return Action.RESUME;
            passIt = t.passSignal == sig || (sig < pass.length && pass[sig]);
            if (t.passSignal == sig) t.passSignal = 0;
        }
        if (passIt) {
            signal.setAction(SignalAction.DELIVER);
            return decide(t);
        }
        // For gdb to decide: the program gets it only if gdb resumes with it.
        byte[] info = signal.siginfo().clone();
        signal.setAction(SignalAction.IGN);
        synchronized (this) {
            t.siginfo = info;
            t.stopSignal = sig;
        }
        if (!report(t, Stop.signal(t, sig, ""))) {
            synchronized (this) {
                t.stopSignal = 0;
            }
            signal.hold();
        }
        return decide(t);
    }

    /** Reports a trap, keeping its siginfo for {@code $_siginfo}. */
    private void reportSignal(GdbThread t, SignalReport signal, String reason) {
        byte[] info = signal.siginfo().clone();
        synchronized (this) {
            t.siginfo = info;
        }
        report(t, Stop.signal(t, Libc.SIGTRAP, reason));
    }

    @Override
    public Action reportClone(Engine engine, Task parent, Action action, long cloneFlags, Task child) {
        GdbThread t = thread(engine);
        boolean thread = (cloneFlags & 0x10000) != 0; // CLONE_THREAD
        if (thread) {
            GdbThread c;
            boolean hold;
            synchronized (this) {
                c = newThread(child, t.process);
                hold = !running || stop != null || detached;
                c.held = hold && !detached;
            }
            if (detached) return Action.RESUME;
            Engine e = attach(child, c);
            boolean watches;
            synchronized (this) {
                c.engine = e;
                // Debug registers are not inherited: load them at the thread's first stop.
                watches = c.needsWatches = t.process.hasWatches();
            }
            if (c.held || watches) e.control(Action.STOP);
        } else {
            boolean follow;
            synchronized (this) {
                follow = forkEvents && !detached && (cloneFlags & 0x100) == 0; // a fork, not a vfork
            }
            if (follow) forkEvent(t, child);
            else forkedChild(t, child, cloneFlags);
        }
        return decide(t);
    }

    private void loadWatchesIfNeeded(GdbThread t, Task task) {
        DebugRegisters.Watch[] slots;
        synchronized (this) {
            if (!t.needsWatches) return;
            t.needsWatches = false;
            slots = t.process.watches.clone();
        }
        DebugRegisters.load(task.tid(), slots);
    }

    /**
     * A fork gdb hears of (fork-events): the child becomes a process of its own, held at its first
     * stop, and the parent reports {@code fork:CHILD}. gdb then detaches one of them. The child's
     * memory is a copy of the parent's, int3 bytes included, so it starts with a copy of the
     * parent's breakpoint table: gdb's z0 for the child, or a detach, takes them out of its memory.
     */
    private void forkEvent(GdbThread parent, Task child) {
        GdbThread c;
        synchronized (this) {
            GdbProcess p = new GdbProcess(child.tid(), parent.process.attached);
            p.breakpoints.putAll(parent.process.breakpoints);
            processes.add(p);
            c = newThread(child, p);
            c.held = true;
        }
        Engine e = attach(child, c);
        synchronized (this) {
            c.engine = e;
        }
        e.control(Action.STOP);
        if (!report(parent, Stop.signal(parent, Libc.SIGTRAP, "fork:" + c.id() + ";"))) {
            // Another event is being reported: gdb will not hear of this child, so it runs free,
            // without the parent's int3s, from its first stop.
            synchronized (this) {
                c.process.orphan = true;
                c.held = false;
            }
        }
    }

    /** A fork child gdb was never told of, at its first stop: its int3s go, and so does the engine. */
    private boolean releaseOrphan(GdbThread t, Task task) {
        Map<Long, Byte> bps;
        synchronized (this) {
            if (!t.process.orphan) return false;
            bps = new java.util.LinkedHashMap<>(t.process.breakpoints);
            t.alive = false;
            t.process.threads.remove(t);
            processes.remove(t.process);
            threads.remove(task);
        }
        byte[] one = new byte[1];
        for (Map.Entry<Long, Byte> bp : bps.entrySet()) {
            one[0] = bp.getValue();
            try {
                task.writeMemory(bp.getKey(), one, 0, 1);
            } catch (RuntimeException x) {
                // Not mapped there.
            }
        }
        return true;
    }

    /**
     * A forked child is not debugged (gdb follows the parent), but it inherited the parent's
     * memory, int3 bytes included: they are put back in the child at its first stop, before it
     * runs. A vfork child shares the parent's memory, so there is nothing to undo there.
     */
    private void forkedChild(GdbThread parent, Task child, long cloneFlags) {
        if ((cloneFlags & 0x100) != 0) return; // CLONE_VM
        Map<Long, Byte> copy;
        synchronized (this) {
            if (parent.process.breakpoints.isEmpty()) return;
            copy = new java.util.LinkedHashMap<>(parent.process.breakpoints);
        }
        Engine e = child.tracer().attach(child, new EngineOps() {
            @Override
            public Action reportQuiesce(Engine self, Task c, Action a, Event ev) {
                byte[] one = new byte[1];
                for (Map.Entry<Long, Byte> bp : copy.entrySet()) {
                    one[0] = bp.getValue();
                    try {
                        c.writeMemory(bp.getKey(), one, 0, 1);
                    } catch (RuntimeException x) {
                        // Unmapped in the child: nothing to restore.
                    }
                }
                return Action.DETACH;
            }
        }, null, AttachFlag.CREATE);
        e.setEvents(Event.QUIESCE);
        e.control(Action.STOP);
    }

    @Override
    public Action reportExec(Engine engine, Task task, Action action, int formerTid) {
        GdbThread t = thread(engine);
        synchronized (this) {
            // The old image and its int3 bytes are gone; gdb inserts its breakpoints afresh.
            t.process.breakpoints.clear();
            t.process.removedBreakpoints.clear();
        }
        if (!t.held) {
            boolean events;
            synchronized (this) {
                events = execEvents;
            }
            String reason = "";
            if (events) {
                // exec-events: gdb reloads the program's symbols from this path.
                try {
                    reason = "exec:" + Hex.ofText(Files.readSymbolicLink(Path.of("/proc/" + task.tid() + "/exe")).toString()) + ";";
                } catch (IOException | RuntimeException e) {
                    reason = "";
                }
            }
            report(t, Stop.signal(t, Libc.SIGTRAP, reason));
        }
        return decide(t);
    }

    @Override
    public Action reportDeath(Engine engine, Task task, boolean groupDead, int status) {
        GdbThread t = thread(engine);
        boolean exit;
        synchronized (this) {
            t.alive = false;
            t.process.threads.remove(t);
            threads.remove(task);
            exit = task.tid() == t.process.pid && task.supersededBy() == 0;
            if (exit) t.process.exitStatus = status;
            notifyAll();
        }
        if (exit) {
            Stop s = Stop.exit(t.process.pid, status);
            if (!report(t, s)) {
                synchronized (this) {
                    if (!detached) pendingExit = s;
                }
            }
        }
        return Action.RESUME;
    }
}
