package dev.jutrace.testing.conformance;

import static dev.jutrace.testing.conformance.Fixture.check;
import static dev.jutrace.testing.conformance.Fixture.checkEquals;
import static dev.jutrace.testing.conformance.Fixture.checkThrows;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.ControlResult;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.Task;
import dev.jutrace.core.TraceeDiedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Exit, death and reap (spec §3.8; cases 14, 24, 25, 26). */
final class LifecycleCases {
    private LifecycleCases() {}

    static List<Case> cases() {
        return List.of(
                Case.deviation(14, "clearing events from another thread: once it returns, no excluded callback comes",
                        "No in-flight callback for a call from another thread to see", LifecycleCases::case14),
                Case.of(24, "a dead thread: adding DEATH is too late, RESUME is refused, DETACH in death still reaps", LifecycleCases::case24),
                Case.of(25, "reap never comes before death returned; death answering DETACH means no reap", LifecycleCases::case25),
                Case.deviation(26, "STOP from reportExit keeps the thread examinable by that engine only, until resumed",
                        "The exit code cannot be rewritten", LifecycleCases::case26));
    }

    static void case14(Fixture f) throws Exception {
        List<Integer> calls = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        EngineOps counter = new EngineOps() {
            @Override
            public Action reportSyscallEntry(Engine e, Task t, Action action, dev.jutrace.core.Syscall call) {
                calls.add(call.number());
                first.countDown();
                return Action.RESUME;
            }
        };
        Engine[] engine = new Engine[1];
        f.spawn("syscall_loop", List.of("200000"), t -> {
            engine[0] = f.tracer().attach(t, counter, null, AttachFlag.CREATE);
            engine[0].setEvents(Event.SYSCALL_ENTRY, Event.DEATH);
        });
        f.await(first, "the first syscall report");
        checkEquals(ControlResult.DONE, engine[0].setEvents(Event.DEATH), "clearing SYSCALL_ENTRY from another thread");
        int after = calls.size();
        f.awaitGone();
        checkEquals(after, calls.size(), "syscall reports after setEvents returned");
        check(after < 200000, "the thread was not running when events were cleared");
    }

    static void case24(Fixture f) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        EngineOps ops = new EngineOps() {
            @Override
            public Action reportDeath(Engine e, Task t, boolean groupDead, int status) {
                log.add("death");
                log.add("setEvents+QUIESCE=" + e.setEvents(Event.DEATH, Event.REAP, Event.QUIESCE));
                try {
                    e.control(Action.RESUME);
                    log.add("resume accepted");
                } catch (TraceeDiedException x) {
                    log.add("resume refused");
                }
                log.add("detach=" + e.control(Action.DETACH));
                return Action.RESUME;
            }

            @Override
            public void reportReap(Engine e, Task t) {
                log.add("reap");
            }
        };
        f.spawn("exit_code", List.of("0"), t -> f.tracer().attach(t, ops, null, AttachFlag.CREATE)
                .setEvents(Event.DEATH, Event.REAP));
        f.awaitGone();
        checkEquals(List.of("death", "setEvents+QUIESCE=ALREADY", "resume refused", "detach=ALREADY", "reap"), log,
                "calls made inside reportDeath");
    }

    static void case25(Fixture f) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        EngineOps keep = new EngineOps() {
            @Override
            public Action reportDeath(Engine e, Task t, boolean groupDead, int status) {
                log.add("keep:death");
                return Action.RESUME;
            }

            @Override
            public void reportReap(Engine e, Task t) {
                log.add("keep:reap");
            }
        };
        EngineOps leave = new EngineOps() {
            @Override
            public Action reportDeath(Engine e, Task t, boolean groupDead, int status) {
                log.add("leave:death");
                return Action.DETACH;
            }

            @Override
            public void reportReap(Engine e, Task t) {
                log.add("leave:reap");
            }
        };
        f.spawn("forker", List.of("threads", "3"), t -> {
            f.tracer().attach(t, keep, null, AttachFlag.CREATE).setEvents(Event.DEATH, Event.REAP);
            f.tracer().attach(t, leave, null, AttachFlag.CREATE).setEvents(Event.DEATH, Event.REAP);
        });
        f.awaitGone();
        checkEquals(List.of("keep:death", "leave:death", "keep:reap"), log, "reports for the leader");
    }

    static void case26(Fixture f) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        Engine[] holder = new Engine[1];
        Engine[] other = new Engine[1];
        EngineOps holding = new EngineOps() {
            @Override
            public Action reportExit(Engine e, Task t, Action action, int code) {
                holder[0] = e;
                held.countDown();
                return Action.STOP;
            }
        };
        Task task = f.spawn("exit_code", List.of("5"), t -> {
            f.tracer().attach(t, holding, null, AttachFlag.CREATE).setEvents(Event.EXIT);
            other[0] = f.tracer().attach(t, new EngineOps() { }, null, AttachFlag.CREATE);
            other[0].setEvents(Event.DEATH);
        });
        f.await(held, "the exit report");
        Thread.sleep(100);
        checkEquals("t", Fixture.state(task.tid()), "state while held at exit");
        long[] regs = holder[0].registers();
        check(regs[16] != 0, "no instruction pointer read from the held thread");
        checkThrows(IllegalStateException.class, () -> other[0].registers(), "examine by an engine that holds nothing");
        holder[0].control(Action.RESUME);
        f.awaitGone();
    }
}
