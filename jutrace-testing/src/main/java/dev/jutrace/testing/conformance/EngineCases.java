package dev.jutrace.testing.conformance;

import static dev.jutrace.testing.conformance.Fixture.check;
import static dev.jutrace.testing.conformance.Fixture.checkEquals;
import static dev.jutrace.testing.conformance.Fixture.checkThrows;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.ControlResult;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineDetachedException;
import dev.jutrace.core.EngineExistsException;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.NoSuchEngineException;
import dev.jutrace.core.Task;
import dev.jutrace.core.Tracer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Attaching, references, control errors and detach (spec §1; cases 1, 2, 13, 15). */
final class EngineCases {
    private EngineCases() {}

    static List<Case> cases() {
        return List.of(
                Case.of(1, "attach flags: EXCLUSIVE with MATCH_OPS, MATCH_DATA or none; lookup without CREATE", EngineCases::case1),
                Case.of(2, "lookup returns the same engine; release runs once, after detach and the last put", EngineCases::case2),
                Case.of(13, "REPORT or a step without QUIESCE is refused (utrace's -EINVAL)", EngineCases::case13),
                Case.of(15, "detach on a stopped thread: done, no more callbacks; later calls refused", EngineCases::case15));
    }

    static final class Ops implements EngineOps {
        final AtomicInteger released = new AtomicInteger();

        @Override
        public void release(Object data) {
            released.incrementAndGet();
        }
    }

    /** Runs {@code body} on the tracer thread while a fresh tracee sits before its exec. */
    private static void onFreshTask(Fixture f, Consumer<Task> body) throws Exception {
        Throwable[] failure = new Throwable[1];
        f.spawn("exit_code", List.of("0"), t -> {
            try {
                body.accept(t);
            } catch (Throwable e) {
                failure[0] = e;
            }
            f.tracer().attach(t, new Ops(), null, AttachFlag.CREATE).setEvents(Event.DEATH);
        });
        f.awaitGone();
        if (failure[0] instanceof CheckFailed c) throw c;
        if (failure[0] != null) throw new CheckFailed(failure[0].toString());
    }

    static void case1(Fixture f) throws Exception {
        Tracer tr = f.tracer();
        Ops a = new Ops();
        Object d1 = new Object(), d2 = new Object();
        onFreshTask(f, t -> {
            checkThrows(NoSuchEngineException.class, () -> tr.attach(t, a, null), "lookup on a task with no engines");
            tr.attach(t, a, null, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_OPS);
            checkThrows(EngineExistsException.class,
                    () -> tr.attach(t, a, null, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_OPS),
                    "a second EXCLUSIVE|MATCH_OPS with the same ops");
            tr.attach(t, new Ops(), d1, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_DATA);
            tr.attach(t, new Ops(), d2, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_DATA);
            checkThrows(EngineExistsException.class,
                    () -> tr.attach(t, new Ops(), d1, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_DATA),
                    "EXCLUSIVE|MATCH_DATA with data already attached");
            checkThrows(EngineExistsException.class, () -> tr.attach(t, new Ops(), null, AttachFlag.CREATE,
                    AttachFlag.EXCLUSIVE), "EXCLUSIVE without MATCH bits once any engine is attached");
        });
    }

    static void case2(Fixture f) throws Exception {
        Tracer tr = f.tracer();
        Ops a = new Ops();
        onFreshTask(f, t -> {
            Engine e = tr.attach(t, a, null, AttachFlag.CREATE);
            Engine again = tr.attach(t, a, null, AttachFlag.MATCH_OPS);
            check(again == e, "lookup returned a different engine");
            checkEquals(ControlResult.DONE, e.detach(), "detach on a stopped thread");
            e.put();
            checkEquals(0, a.released.get(), "releases while a reference is still held");
            again.put();
            checkEquals(1, a.released.get(), "releases after the last put");
            tr.attach(t, a, null, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_OPS);
        });
        checkEquals(1, a.released.get(), "releases in all (the second engine is not released by the first's puts)");
    }

    static void case13(Fixture f) throws Exception {
        onFreshTask(f, t -> {
            Engine e = f.tracer().attach(t, new Ops(), null, AttachFlag.CREATE);
            for (Action a : List.of(Action.REPORT, Action.SINGLESTEP, Action.BLOCKSTEP)) {
                checkThrows(IllegalArgumentException.class, () -> e.control(a), a + " without QUIESCE");
            }
            e.setEvents(Event.QUIESCE);
            checkEquals(ControlResult.DONE, e.control(Action.REPORT), "REPORT with QUIESCE");
        });
    }

    static void case15(Fixture f) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        EngineOps counting = new EngineOps() {
            @Override
            public Action reportQuiesce(Engine e, Task t, Action action, Event event) {
                calls.incrementAndGet();
                return Action.RESUME;
            }
        };
        onFreshTask(f, t -> {
            Engine e = f.tracer().attach(t, counting, null, AttachFlag.CREATE);
            e.setEvents(Event.QUIESCE, Event.EXEC, Event.SYSCALL_ENTRY, Event.DEATH);
            checkEquals(ControlResult.DONE, e.control(Action.DETACH), "detach on a stopped thread");
            checkThrows(EngineDetachedException.class, () -> e.setEvents(Event.EXEC), "setEvents after detach");
            checkThrows(EngineDetachedException.class, () -> e.control(Action.RESUME), "control after detach");
        });
        checkEquals(0, calls.get(), "callbacks after detach");
    }
}
