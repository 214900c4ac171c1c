package dev.jutrace.testing.conformance;

import static dev.jutrace.testing.conformance.Fixture.check;
import static dev.jutrace.testing.conformance.Fixture.checkEquals;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.ControlResult;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.Syscall;
import dev.jutrace.core.Task;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** The min rule, STOP's stickiness and callback order (spec §1.6, §2.4; cases 3, 4, 5, 9, 10, 11). */
final class ActionCases {
    private ActionCases() {}

    static List<Case> cases() {
        return List.of(
                Case.deviation(3, "STOP from reportExec beats RESUME; only the stopping engine's RESUME wakes the thread",
                        "STOP takes effect at the current ptrace-stop", ActionCases::case3),
                Case.of(4, "two engines hold the thread: it wakes when the second lets go", ActionCases::case4),
                Case.of(5, "the second engine's callback receives STOP as the incoming action", ActionCases::case5),
                Case.of(6, "a STOP asked of a running thread reaches the next report as the incoming action", ActionCases::case6),
                Case.of(7, "SINGLESTEP beats BLOCKSTEP; a step wish outlives another engine's STOP", ActionCases::case7),
                Case.of(8, "an engine attached inside a callback misses that event and gets the next", ActionCases::case8),
                Case.of(9, "order: attach order, reversed at syscall entry, quiesce right before each callback", ActionCases::case9),
                Case.of(10, "QUIESCE without EXEC gets reportQuiesce(EXEC) and no reportExec", ActionCases::case10),
                Case.of(11, "STOP on a running thread is in progress; on a stopped one it is done", ActionCases::case11));
    }

    /** Returns STOP from reportExec and records the action it was handed. */
    static final class Holder implements EngineOps {
        final List<Action> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch called = new CountDownLatch(1);
        volatile Engine engine;

        @Override
        public Action reportExec(Engine e, Task t, Action action, int formerTid) {
            seen.add(action);
            engine = e;
            called.countDown();
            return Action.STOP;
        }
    }

    /** Answers RESUME and records the action it was handed. */
    static final class Resumer implements EngineOps {
        final List<Action> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch called = new CountDownLatch(1);
        volatile Engine engine;

        @Override
        public Action reportQuiesce(Engine e, Task t, Action action, Event event) {
            return Action.RESUME;
        }

        @Override
        public Action reportExec(Engine e, Task t, Action action, int formerTid) {
            seen.add(action);
            engine = e;
            called.countDown();
            return Action.RESUME;
        }
    }

    static void case3(Fixture f) throws Exception {
        Holder e1 = new Holder();
        Resumer e2 = new Resumer();
        Task task = f.spawn("syscall_loop", List.of("3"), t -> {
            f.tracer().attach(t, e1, null, AttachFlag.CREATE).setEvents(Event.EXEC);
            f.tracer().attach(t, e2, null, AttachFlag.CREATE).setEvents(Event.QUIESCE, Event.EXEC);
        });
        f.await(e2.called, "the exec reports");
        checkEquals(ControlResult.DONE, e2.engine.control(Action.RESUME), "E2's RESUME");
        Thread.sleep(150);
        checkEquals("t", Fixture.state(task.tid()), "state after E2's RESUME alone");
        e1.engine.control(Action.RESUME);
        f.awaitGone();
    }

    static void case4(Fixture f) throws Exception {
        Holder e1 = new Holder(), e2 = new Holder();
        Task task = f.spawn("syscall_loop", List.of("1"), t -> {
            f.tracer().attach(t, e1, null, AttachFlag.CREATE).setEvents(Event.EXEC);
            f.tracer().attach(t, e2, null, AttachFlag.CREATE).setEvents(Event.EXEC);
        });
        f.await(e2.called, "the exec reports");
        e1.engine.control(Action.RESUME);
        Thread.sleep(150);
        checkEquals("t", Fixture.state(task.tid()), "state with E2 still holding");
        e2.engine.control(Action.RESUME);
        f.awaitGone();
    }

    static void case5(Fixture f) throws Exception {
        Holder e1 = new Holder();
        Resumer e2 = new Resumer();
        f.spawn("syscall_loop", List.of("1"), t -> {
            f.tracer().attach(t, e1, null, AttachFlag.CREATE).setEvents(Event.EXEC);
            f.tracer().attach(t, e2, null, AttachFlag.CREATE).setEvents(Event.EXEC);
        });
        f.await(e2.called, "the exec reports");
        checkEquals(List.of(Action.RESUME), e1.seen, "E1's incoming actions");
        checkEquals(List.of(Action.STOP), e2.seen, "E2's incoming actions");
        e1.engine.control(Action.RESUME);
        f.awaitGone();
    }

    /** Logs every callback as NAME:what. */
    static final class Logger implements EngineOps {
        final String name;
        final List<String> log;

        Logger(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public Action reportQuiesce(Engine e, Task t, Action action, Event event) {
            log.add(name + ":quiesce(" + event + ")");
            return Action.RESUME;
        }

        @Override
        public Action reportExec(Engine e, Task t, Action action, int formerTid) {
            log.add(name + ":exec");
            return Action.RESUME;
        }

        @Override
        public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
            log.add(name + ":entry");
            return Action.RESUME;
        }

        @Override
        public Action reportSyscallExit(Engine e, Task t, Action action, Syscall call) {
            log.add(name + ":exit");
            return Action.RESUME;
        }
    }

    static void case9(Fixture f) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        int mask = Event.mask(Event.QUIESCE, Event.EXEC, Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT);
        f.spawn("syscall_loop", List.of("1"), t -> {
            f.tracer().attach(t, new Logger("E1", log), null, AttachFlag.CREATE).setEvents(mask);
            f.tracer().attach(t, new Logger("E2", log), null, AttachFlag.CREATE).setEvents(mask);
        });
        f.awaitGone();
        checkEquals(List.of("E1:quiesce(EXEC)", "E1:exec", "E2:quiesce(EXEC)", "E2:exec"), log.subList(0, 4), "exec order");
        int entry = log.indexOf("E2:quiesce(SYSCALL_ENTRY)");
        check(entry > 0, "no syscall entry reports: " + log);
        checkEquals(List.of("E2:quiesce(SYSCALL_ENTRY)", "E2:entry", "E1:quiesce(SYSCALL_ENTRY)", "E1:entry"),
                log.subList(entry, entry + 4), "syscall entry order");
        checkEquals(List.of("E1:quiesce(SYSCALL_EXIT)", "E1:exit", "E2:quiesce(SYSCALL_EXIT)", "E2:exit"),
                log.subList(entry + 4, entry + 8), "syscall exit order");
    }

    static void case10(Fixture f) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        f.spawn("syscall_loop", List.of("1"), t -> {
            f.tracer().attach(t, new Logger("Q", log), null, AttachFlag.CREATE).setEvents(Event.QUIESCE);
            f.tracer().attach(t, new Logger("X", log), null, AttachFlag.CREATE).setEvents(Event.EXEC);
        });
        f.awaitGone();
        checkEquals(List.of("Q:quiesce(EXEC)", "X:exec"), log.subList(0, 2), "the exec pass");
        check(!log.contains("Q:exec"), "the QUIESCE-only engine got reportExec");
    }

    static void case11(Fixture f) throws Exception {
        for (Action answer : List.of(Action.STOP, Action.RESUME)) {
            try (Fixture g = new Fixture()) {
                case11(g, answer);
            }
        }
    }

    /** STOP on the running thread, then its next safe point brings reportQuiesce(null), answered {@code answer}. */
    private static void case11(Fixture f, Action answer) throws Exception {
        List<Event> quiesced = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        EngineOps ops = new EngineOps() {
            @Override
            public Action reportQuiesce(Engine e, Task t, Action action, Event event) {
                quiesced.add(event);
                if (event == null) {
                    reported.countDown();
                    return answer;
                }
                return Action.RESUME;
            }

            @Override
            public Action reportExec(Engine e, Task t, Action action, int formerTid) {
                running.countDown();
                return Action.RESUME;
            }
        };
        Engine[] engine = new Engine[1];
        Task task = f.spawn("sleeper", List.of(), t -> {
            engine[0] = f.tracer().attach(t, ops, null, AttachFlag.CREATE);
            engine[0].setEvents(Event.QUIESCE, Event.EXEC);
        });
        f.await(running, "the exec");
        Thread.sleep(50);
        checkEquals(ControlResult.IN_PROGRESS, engine[0].control(Action.STOP), "STOP on a running thread");
        // Asking for syscall events makes the thread pass a safe point at once.
        engine[0].setEvents(Event.QUIESCE, Event.EXEC, Event.SYSCALL_ENTRY);
        f.await(reported, "reportQuiesce(null) after the STOP");
        if (answer == Action.STOP) {
            f.eventually(() -> "t".equals(Fixture.state(task.tid())), "the thread to stop");
            checkEquals(ControlResult.DONE, engine[0].control(Action.STOP), "STOP on a stopped thread");
            engine[0].control(Action.RESUME);
        } else {
            Thread.sleep(100);
            check(!"t".equals(Fixture.state(task.tid())), "the thread stopped although the report answered RESUME");
        }
        dev.jutrace.sys.Libc.kill(task.tid(), dev.jutrace.sys.Libc.SIGTERM);
        f.awaitGone();
    }

    static void case6(Fixture f) throws Exception {
        List<Action> seen = new CopyOnWriteArrayList<>();
        CountDownLatch inPause = new CountDownLatch(1);
        CountDownLatch exitSeen = new CountDownLatch(1);
        EngineOps e1 = new EngineOps() {
            @Override
            public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
                if (call.number() == 34) inPause.countDown();
                return Action.RESUME;
            }
        };
        EngineOps e2 = new EngineOps() {
            @Override
            public Action reportSyscallExit(Engine e, Task t, Action action, Syscall call) {
                if (inPause.getCount() == 0) {
                    seen.add(action);
                    exitSeen.countDown();
                }
                return Action.RESUME;
            }
        };
        Engine[] first = new Engine[1];
        Task task = f.spawn("sleeper", List.of(), t -> {
            first[0] = f.tracer().attach(t, e1, null, AttachFlag.CREATE);
            first[0].setEvents(Event.SYSCALL_ENTRY);
            f.tracer().attach(t, e2, null, AttachFlag.CREATE).setEvents(Event.SYSCALL_EXIT);
        });
        f.await(inPause, "pause()");
        Thread.sleep(50);
        checkEquals(ControlResult.IN_PROGRESS, first[0].control(Action.STOP), "E1's STOP on the running thread");
        dev.jutrace.sys.Libc.kill(task.tid(), dev.jutrace.sys.Libc.SIGUSR1);
        f.await(exitSeen, "the syscall exit report to E2");
        checkEquals(Action.STOP, seen.getFirst(), "E2's incoming action");
        f.eventually(() -> "t".equals(Fixture.state(task.tid())), "the thread to stay stopped");
        first[0].control(Action.RESUME);
        dev.jutrace.sys.Libc.kill(task.tid(), dev.jutrace.sys.Libc.SIGTERM);
        f.awaitGone();
    }

    /** Answers {@code answer} from every quiesce report until {@code steps} reports came back. */
    static final class Stepper implements EngineOps {
        final Action answer;
        final int steps;
        final List<Long> ips = new CopyOnWriteArrayList<>();
        volatile Engine engine;

        Stepper(Action answer, int steps) {
            this.answer = answer;
            this.steps = steps;
        }

        @Override
        public Action reportQuiesce(Engine e, Task t, Action action, Event event) {
            engine = e;
            if (event != null && event != Event.EXEC) return Action.RESUME;
            if (event == null) ips.add(t.registers()[dev.jutrace.sys.Regs.RIP]);
            return ips.size() < steps ? answer : Action.RESUME;
        }
    }

    static void case7(Fixture f) throws Exception {
        Stepper single = new Stepper(Action.SINGLESTEP, 5);
        Stepper block = new Stepper(Action.BLOCKSTEP, 5);
        f.spawn("syscall_loop", List.of("1"), t -> {
            f.tracer().attach(t, single, null, AttachFlag.CREATE).setEvents(Event.QUIESCE, Event.EXEC);
            f.tracer().attach(t, block, null, AttachFlag.CREATE).setEvents(Event.QUIESCE, Event.EXEC);
        });
        f.awaitGone();
        checkEquals(5, single.ips.size(), "step reports");
        // Each report is one instruction later: the first instructions of the dynamic loader move forward.
        check(single.ips.stream().distinct().count() == 5, "the thread did not move by single steps: " + single.ips);
    }

    static void case8(Fixture f) throws Exception {
        List<String> late = new CopyOnWriteArrayList<>();
        EngineOps lateOps = new EngineOps() {
            @Override
            public Action reportExec(Engine e, Task t, Action action, int formerTid) {
                late.add("exec");
                return Action.RESUME;
            }

            @Override
            public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
                late.add("entry");
                return Action.RESUME;
            }
        };
        EngineOps e1 = new EngineOps() {
            @Override
            public Action reportExec(Engine e, Task t, Action action, int formerTid) {
                t.tracer().attach(t, lateOps, null, AttachFlag.CREATE).setEvents(Event.EXEC, Event.SYSCALL_ENTRY);
                return Action.RESUME;
            }
        };
        f.spawn("syscall_loop", List.of("1"), t -> f.tracer().attach(t, e1, null, AttachFlag.CREATE).setEvents(Event.EXEC));
        f.awaitGone();
        check(!late.contains("exec"), "the late engine got the exec it was attached during");
        check(late.contains("entry"), "the late engine got no later event");
    }
}
