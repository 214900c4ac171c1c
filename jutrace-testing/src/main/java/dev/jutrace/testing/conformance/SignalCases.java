package dev.jutrace.testing.conformance;

import static dev.jutrace.testing.conformance.Fixture.check;
import static dev.jutrace.testing.conformance.Fixture.checkEquals;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** The signal path and job control (spec §2.5, §3.7; cases 19 to 23). */
final class SignalCases {
    private SignalCases() {}

    static List<Case> cases() {
        return List.of(
                Case.of(19, "the last engine decides the disposition, and sees the previous engine's", SignalCases::case19),
                Case.deviation(20, "rewriting the signal keeps its siginfo; TERM kills; IGN|HOLD reports it again",
                        "TERM or CORE for a signal the thread handles", SignalCases::case20),
                Case.of(21, "SIGKILL is never shown to engines", SignalCases::case21),
                Case.of(22, "DELIVER with SINGLESTEP for a handled signal reports HANDLER before the handler runs", SignalCases::case22),
                Case.of(23, "STOP on a group-stopped thread holds it through SIGCONT until RESUME", SignalCases::case23));
    }

    /** Records the exit status of each task it is attached to. */
    static final class Deaths implements EngineOps {
        final Map<Integer, Integer> status = new ConcurrentHashMap<>();

        @Override
        public Action reportDeath(Engine e, Task t, boolean groupDead, int s) {
            status.put(t.tid(), s);
            return Action.RESUME;
        }
    }

    /** Answers every SIGUSR1 report with a fixed disposition, recording the one it was handed. */
    static final class Disposer implements EngineOps {
        final SignalAction answer;
        final List<SignalAction> seen = new CopyOnWriteArrayList<>();

        Disposer(SignalAction answer) {
            this.answer = answer;
        }

        @Override
        public Action reportSignal(Engine e, Task t, Action action, SignalReport signal) {
            if (signal.signal() != Libc.SIGUSR1) return Action.RESUME;
            seen.add(signal.action());
            signal.setAction(answer);
            return Action.RESUME;
        }
    }

    private static int run(Fixture f, List<String> args, EngineOps... engines) throws Exception {
        Deaths deaths = new Deaths();
        Task task = f.spawn("signals", args, t -> {
            for (EngineOps ops : engines) {
                f.tracer().attach(t, ops, null, AttachFlag.CREATE).setEvents(Event.mask(Event.QUIESCE) | Event.SIGNAL_ALL);
            }
            f.tracer().attach(t, deaths, null, AttachFlag.CREATE).setEvents(Event.DEATH);
        });
        f.awaitGone();
        return deaths.status.getOrDefault(task.tid(), -1);
    }

    static void case19(Fixture f) throws Exception {
        Disposer e1 = new Disposer(SignalAction.IGN), e2 = new Disposer(SignalAction.DELIVER);
        checkEquals(0, run(f, List.of("handle", "10"), e1, e2), "status when E2 (last) delivers");
        checkEquals(List.of(SignalAction.DELIVER), e1.seen, "E1's incoming disposition (the thread's own)");
        checkEquals(List.of(SignalAction.IGN), e2.seen, "E2's incoming disposition (E1's answer)");
        try (Fixture g = new Fixture()) {
            Disposer d1 = new Disposer(SignalAction.DELIVER), d2 = new Disposer(SignalAction.IGN);
            checkEquals(3 << 8, run(g, List.of("handle", "10"), d1, d2), "status when E2 (last) ignores");
        }
    }

    static void case20(Fixture f) throws Exception {
        EngineOps rewriter = new EngineOps() {
            @Override
            public Action reportSignal(Engine e, Task t, Action action, SignalReport signal) {
                if (signal.signal() == Libc.SIGUSR1) signal.setSignal(Libc.SIGUSR2);
                return Action.RESUME;
            }
        };
        checkEquals((100 + Libc.SIGUSR2) << 8, run(f, List.of("rewrite"), rewriter),
                "status: SIGUSR2's handler ran and saw raise()'s own siginfo");
        try (Fixture g = new Fixture()) {
            int killed = run(g, List.of("handle", "10"), new Disposer(SignalAction.TERM));
            check((killed & 0x7f) != 0, "TERM for a handled SIGUSR1 did not kill the process: status " + killed);
        }
        try (Fixture g = new Fixture()) {
            List<String> reports = new CopyOnWriteArrayList<>();
            EngineOps holder = new EngineOps() {
                @Override
                public Action reportSignal(Engine e, Task t, Action action, SignalReport signal) {
                    if (signal.signal() != Libc.SIGUSR1) return Action.RESUME;
                    reports.add("usr1");
                    if (reports.size() == 1) {
                        signal.setAction(SignalAction.IGN);
                        signal.hold();
                    }
                    return Action.RESUME;
                }
            };
            checkEquals(0, run(g, List.of("handle", "10"), holder), "status after IGN|HOLD then DELIVER");
            checkEquals(2, reports.size(), "reports of the held SIGUSR1");
        }
    }

    static void case21(Fixture f) throws Exception {
        List<Integer> shown = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        Deaths deaths = new Deaths();
        EngineOps watcher = new EngineOps() {
            @Override
            public Action reportSignal(Engine e, Task t, Action action, SignalReport signal) {
                shown.add(signal.signal());
                return Action.RESUME;
            }

            @Override
            public Action reportExec(Engine e, Task t, Action action, int formerTid) {
                running.countDown();
                return Action.RESUME;
            }
        };
        Task task = f.spawn("sleeper", List.of(), t -> {
            f.tracer().attach(t, watcher, null, AttachFlag.CREATE).setEvents(Event.mask(Event.EXEC) | Event.SIGNAL_ALL);
            f.tracer().attach(t, deaths, null, AttachFlag.CREATE).setEvents(Event.DEATH);
        });
        f.await(running, "the exec");
        Thread.sleep(50);
        Libc.kill(task.tid(), Libc.SIGKILL);
        f.awaitGone();
        check(!shown.contains(Libc.SIGKILL), "SIGKILL was shown to an engine: " + shown);
        checkEquals(Libc.SIGKILL, deaths.status.get(task.tid()) & 0x7f, "the thread's fatal signal");
    }

    static void case22(Fixture f) throws Exception {
        List<SignalAction> seen = new CopyOnWriteArrayList<>();
        EngineOps stepper = new EngineOps() {
            @Override
            public Action reportSignal(Engine e, Task t, Action action, SignalReport signal) {
                seen.add(signal.action());
                if (signal.signal() == Libc.SIGUSR1) return Action.SINGLESTEP;
                return Action.RESUME;
            }
        };
        checkEquals(0, run(f, List.of("handle", "10"), stepper), "status: the handler ran");
        checkEquals(List.of(SignalAction.DELIVER, SignalAction.HANDLER), seen.subList(0, 2),
                "signal reports: the delivery, then the handler's entry");
    }

    static void case23(Fixture f) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Engine[] engine = new Engine[1];
        EngineOps jctl = new EngineOps() {
            @Override
            public Action reportJctl(Engine e, Task t, Action action, boolean isStop, int signal) {
                if (isStop) stopped.countDown();
                return Action.RESUME;
            }
        };
        Task task = f.spawn("sleeper", List.of(), t -> {
            engine[0] = f.tracer().attach(t, jctl, null, AttachFlag.CREATE);
            engine[0].setEvents(Event.QUIESCE, Event.JCTL);
        });
        Thread.sleep(100);
        Libc.kill(task.tid(), Libc.SIGSTOP);
        f.await(stopped, "the group stop");
        checkEquals(ControlResult.DONE, engine[0].control(Action.STOP), "STOP on a group-stopped thread");
        Libc.kill(task.tid(), Libc.SIGCONT);
        Thread.sleep(150);
        checkEquals("t", Fixture.state(task.tid()), "state after SIGCONT while held");
        engine[0].control(Action.RESUME);
        // Resumed after the SIGCONT, it runs: it answers SIGTERM by exiting.
        Libc.kill(task.tid(), Libc.SIGTERM);
        f.awaitGone();
    }
}
