package dev.jutrace.tools.inject;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.Syscall;
import dev.jutrace.core.Task;
import dev.jutrace.core.TraceException;
import dev.jutrace.decode.SyscallTable;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tampers with system calls as strace's {@code --inject} does, as an engine of its own: one engine
 * per traced thread, all sharing this ops object.
 *
 * <p>At entry a call in some spec's set that satisfies its predicates is counted (per syscall and
 * per thread, from 1, a new thread or process starting afresh, as strace counts); when the count
 * is one {@code when=} selects, the call is aborted ({@link Syscall#abort}) for {@code error=} or
 * {@code retval=}, its signal is asked for, and a {@code delay_enter} holds the thread. At exit the
 * result is written and marked ({@link Syscall#markInjected}), and a {@code delay_exit} holds the
 * thread. Where several specs name one syscall, the last one given applies to it, as in strace.
 *
 * <p><b>Order.</b> Attach this engine to a thread before any engine that prints results: entry
 * callbacks run in reverse attach order, so it is called last at entry and its abort has the last
 * word; exit callbacks run in attach order, so the injected result is in place before a printer
 * sees it. Its own {@link #attachFirst} and clone handling keep that order.
 *
 * <p><b>Delays</b> never block the tracer thread, which serves every tracee: the callback answers
 * {@link Action#STOP} and a timer thread lets the thread go with {@code control(RESUME)}.
 */
public final class InjectEngine implements EngineOps {
    private final SyscallTable table;
    private final boolean follow;
    /** The spec applying to each syscall number, or null. */
    private final InjectSpec[] bySyscall;
    private final BitSet syscalls = new BitSet();
    private final int mask;
    private volatile ScheduledExecutorService timer;

    /** Per-thread counters and what was decided at entry, the engine's data. */
    static final class Tracee {
        final long[] counts;
        /** The result to write at exit, when {@link #inject} is set. */
        long result;
        boolean inject;
        long delayExitMicros;

        Tracee(int size) {
            counts = new long[size];
        }
    }

    /**
     * @param specs the specs in the order given; later ones win for the syscalls they share
     * @param follow attach to new threads and processes too ({@code -f})
     */
    public InjectEngine(List<InjectSpec> specs, boolean follow, SyscallTable table) {
        this.table = table;
        this.follow = follow;
        this.bySyscall = new InjectSpec[table.size()];
        for (InjectSpec s : specs) {
            for (int nr = s.syscalls().nextSetBit(0); nr >= 0 && nr < bySyscall.length; nr = s.syscalls().nextSetBit(nr + 1)) {
                bySyscall[nr] = s;
                syscalls.set(nr);
            }
        }
        int m = Event.mask(Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT);
        this.mask = follow ? m | Event.CLONE.bit() : m;
    }

    /** The syscall numbers some spec applies to: all this engine needs to see. Do not modify. */
    @Override
    public BitSet syscalls() {
        return syscalls;
    }

    /** Attaches this engine to {@code task}; on the tracer thread (a spawn, attach or clone callback). */
    public Engine attachTo(Task task) {
        Engine e = task.tracer().attach(task, this, new Tracee(table.size()), AttachFlag.CREATE);
        e.setEvents(mask);
        return e;
    }

    /** A spawn or attach callback that attaches this engine first, then runs {@code then}. */
    public Consumer<Task> attachFirst(Consumer<Task> then) {
        return task -> {
            attachTo(task);
            then.accept(task);
        };
    }

    @Override
    public Action reportClone(Engine engine, Task parent, Action action, long cloneFlags, Task child) {
        if (follow) attachTo(child);
        return Action.RESUME;
    }

    @Override
    public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
        Tracee t = (Tracee) engine.data();
        if (call.resumed()) {
            // The same entry reported again after a hold: decided already, keep the decision.
            if (t.inject) call.abort();
            return Action.RESUME;
        }
        t.inject = false;
        t.delayExitMicros = 0;
        int nr = call.number();
        InjectSpec s = nr >= 0 && nr < bySyscall.length ? bySyscall[nr] : null;
        if (s == null || !satisfies(s, nr, call, task)) return Action.RESUME;
        if (!s.when().selects(++t.counts[nr])) return Action.RESUME;
        if (s.tampersResult()) {
            call.abort();
            t.inject = true;
            t.result = s.result();
        }
        if (s.signal() != 0) call.deliverSignal(s.signal());
        t.delayExitMicros = s.delayExitMicros();
        if (s.delayEnterMicros() > 0) {
            call.markDelayed();
            return holdFor(engine, s.delayEnterMicros());
        }
        return Action.RESUME;
    }

    @Override
    public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
        Tracee t = (Tracee) engine.data();
        if (t.inject) {
            t.inject = false;
            call.setReturnValue(t.result);
            call.markInjected();
        }
        if (t.delayExitMicros > 0) {
            long micros = t.delayExitMicros;
            t.delayExitMicros = 0;
            call.markDelayed();
            return holdFor(engine, micros);
        }
        return Action.RESUME;
    }

    private boolean satisfies(InjectSpec s, int nr, Syscall call, Task task) {
        for (InjectSpec.ArgEquals a : s.args()) {
            if (!a.matches(call.arg(a.index()))) return false;
        }
        if (s.paths().isEmpty()) return true;
        for (int i : PathArguments.of(table, nr)) {
            String path = readPath(task, call.arg(i));
            if (path == null) continue;
            for (Glob g : s.paths()) {
                if (g.matches(path)) return true;
            }
        }
        return false;
    }

    private static final int PATH_MAX = 4096;

    /** The NUL-terminated string at {@code address}, or null when unreadable or longer than PATH_MAX. */
    private static String readPath(Task task, long address) {
        if (address == 0) return null;
        byte[] buf = new byte[256];
        StringBuilder sb = new StringBuilder();
        long at = address;
        while (sb.length() < PATH_MAX) {
            // Read up to the page end at most, so a string near an unmapped page still reads.
            int chunk = (int) Math.min(buf.length, 4096 - (at & 4095));
            int n = task.readMemory(at, buf, 0, chunk);
            if (n <= 0) return null;
            for (int i = 0; i < n; i++) {
                if (buf[i] == 0) return sb.toString();
                sb.append((char) (buf[i] & 0xff));
            }
            at += n;
        }
        return null;
    }

    /** Answers STOP and lets the thread go after {@code micros} from the timer thread. */
    private Action holdFor(Engine engine, long micros) {
        timer().schedule(() -> {
            try {
                engine.control(Action.RESUME);
            } catch (TraceException gone) {
                // Killed or detached while held: there is nothing left to let go.
            }
        }, micros, TimeUnit.MICROSECONDS);
        return Action.STOP;
    }

    private ScheduledExecutorService timer() {
        ScheduledExecutorService t = timer;
        if (t == null) {
            synchronized (this) {
                t = timer;
                if (t == null) {
                    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1,
                            r -> Thread.ofPlatform().daemon(true).name("jutrace-inject-delay").unstarted(r));
                    pool.setRemoveOnCancelPolicy(true);
                    timer = t = pool;
                }
            }
        }
        return t;
    }
}
