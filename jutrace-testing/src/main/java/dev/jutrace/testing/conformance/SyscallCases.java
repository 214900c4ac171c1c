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
import dev.jutrace.core.Syscall;
import dev.jutrace.core.Task;
import dev.jutrace.sys.Libc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Syscall entry and exit: INTERRUPT, ABORT, RESUMED, SIGKILL at entry (spec §2.6; cases 12, 16, 17, 18). */
final class SyscallCases {
    private SyscallCases() {}

    static final int SYS_WRITE = 1, SYS_PAUSE = 34, SYS_GETPPID = 110, ENOSYS = 38, EINTR = 4;

    static List<Case> cases() {
        return List.of(
                Case.of(12, "STOP does not break a blocking call; INTERRUPT does, reports, and the call restarts", SyscallCases::case12),
                Case.of(16, "ABORT at entry skips the call unless the last engine called runs it", SyscallCases::case16),
                Case.of(17, "held at entry: REPORT re-reports the entry as RESUMED, RESUME does not", SyscallCases::case17),
                Case.of(18, "SIGKILL while held at syscall entry: the call never runs; exit and death still come", SyscallCases::case18));
    }

    static void case12(Fixture f) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch inPause = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        EngineOps ops = new EngineOps() {
            @Override
            public Action reportSignal(Engine e, Task t, Action action, SignalReport signal) {
                log.add("signal:" + signal.action());
                if (signal.action() == SignalAction.REPORT) reported.countDown();
                return Action.RESUME;
            }

            @Override
            public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
                if (call.number() == SYS_PAUSE) {
                    log.add("entry:pause");
                    inPause.countDown();
                }
                return Action.RESUME;
            }

            @Override
            public Action reportSyscallExit(Engine e, Task t, Action action, Syscall call) {
                if (call.number() == SYS_PAUSE) log.add("exit:pause=" + call.returnValue());
                return Action.RESUME;
            }
        };
        Engine[] engine = new Engine[1];
        Task task = f.spawn("sleeper", List.of(), t -> {
            engine[0] = f.tracer().attach(t, ops, null, AttachFlag.CREATE);
            engine[0].setEvents(Event.QUIESCE, Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT, Event.SIGNAL);
        });
        f.await(inPause, "the tracee to block in pause()");
        Thread.sleep(50);
        checkEquals(ControlResult.IN_PROGRESS, engine[0].control(Action.STOP), "STOP on a thread blocked in pause()");
        Thread.sleep(100);
        checkEquals(List.of("entry:pause"), log, "reports after STOP alone");
        engine[0].control(Action.INTERRUPT);
        f.await(reported, "the INTERRUPT's report");
        Thread.sleep(100);
        check(!log.contains("exit:pause=" + (-EINTR)), "the program saw EINTR: " + log);
        Libc.kill(task.tid(), Libc.SIGTERM);
        f.awaitGone();
    }

    static void case16(Fixture f) throws Exception {
        checkEquals(List.of((long) -ENOSYS, (long) -ENOSYS), abortRun(f, false), "getppid results when aborted");
        try (Fixture g = new Fixture()) {
            List<Long> returns = abortRun(g, true);
            check(returns.size() == 2 && returns.stream().allMatch(r -> r > 0), "getppid did not run: " + returns);
        }
    }

    /** E2 aborts getppid; E1, attached first and so called last at entry, may run it after all. */
    private static List<Long> abortRun(Fixture f, boolean run) throws Exception {
        List<Long> returns = new CopyOnWriteArrayList<>();
        List<Boolean> e1SawAborted = new CopyOnWriteArrayList<>();
        EngineOps e1 = new EngineOps() {
            @Override
            public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
                if (call.number() == SYS_GETPPID) {
                    e1SawAborted.add(call.aborted());
                    if (run) call.run();
                }
                return Action.RESUME;
            }
        };
        EngineOps e2 = new EngineOps() {
            @Override
            public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
                if (call.number() == SYS_GETPPID) call.abort();
                return Action.RESUME;
            }

            @Override
            public Action reportSyscallExit(Engine e, Task t, Action action, Syscall call) {
                if (call.number() == SYS_GETPPID) returns.add(call.returnValue());
                return Action.RESUME;
            }
        };
        f.spawn("syscall_loop", List.of("2"), t -> {
            f.tracer().attach(t, e1, null, AttachFlag.CREATE).setEvents(Event.SYSCALL_ENTRY);
            f.tracer().attach(t, e2, null, AttachFlag.CREATE).setEvents(Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT);
        });
        f.awaitGone();
        checkEquals(List.of(true, true), e1SawAborted, "E1 saw E2's ABORT");
        return returns;
    }

    /** Holds the first call of {@code nr} at entry and records the RESUMED flag of each entry report. */
    static final class EntryHolder implements EngineOps {
        final int nr;
        final List<Boolean> resumed = new CopyOnWriteArrayList<>();
        final CountDownLatch held = new CountDownLatch(1);
        volatile Engine engine;
        private boolean heldOnce;

        EntryHolder(int nr) {
            this.nr = nr;
        }

        @Override
        public Action reportSyscallEntry(Engine e, Task t, Action action, Syscall call) {
            if (call.number() != nr) return Action.RESUME;
            resumed.add(call.resumed());
            if (heldOnce) return Action.RESUME;
            heldOnce = true;
            engine = e;
            held.countDown();
            return Action.STOP;
        }
    }

    static void case17(Fixture f) throws Exception {
        for (Action release : List.of(Action.REPORT, Action.RESUME)) {
            try (Fixture g = new Fixture()) {
                EntryHolder h = new EntryHolder(SYS_GETPPID);
                g.spawn("syscall_loop", List.of("1"), t -> g.tracer().attach(t, h, null, AttachFlag.CREATE)
                        .setEvents(Event.QUIESCE, Event.SYSCALL_ENTRY));
                g.await(h.held, "the held entry");
                h.engine.control(release);
                g.awaitGone();
                checkEquals(release == Action.REPORT ? List.of(false, true) : List.of(false), h.resumed,
                        "RESUMED flags of the entry reports after " + release);
            }
        }
    }

    static void case18(Fixture f) throws Exception {
        Path file = Files.createTempFile("jutrace-case18", ".out");
        try {
            EntryHolder h = new EntryHolder(SYS_WRITE);
            List<String> after = new CopyOnWriteArrayList<>();
            EngineOps lifecycle = new EngineOps() {
                @Override
                public Action reportExit(Engine e, Task t, Action action, int code) {
                    after.add("exit");
                    return Action.RESUME;
                }

                @Override
                public Action reportDeath(Engine e, Task t, boolean groupDead, int status) {
                    after.add("death:" + status);
                    return Action.RESUME;
                }
            };
            Task task = f.spawn("signals", List.of("write-file", file.toString()), t -> {
                f.tracer().attach(t, h, null, AttachFlag.CREATE).setEvents(Event.SYSCALL_ENTRY);
                f.tracer().attach(t, lifecycle, null, AttachFlag.CREATE).setEvents(Event.EXIT, Event.DEATH);
            });
            f.await(h.held, "the held write");
            Libc.kill(task.tid(), Libc.SIGKILL);
            f.awaitGone();
            checkEquals(0L, Files.size(file), "bytes written by the killed call");
            checkEquals(List.of("exit", "death:" + Libc.SIGKILL), after, "reports after SIGKILL");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
