package dev.jutrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.sys.Libc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine layer under stress: none of these may hang, lose a DEATH report or leave a zombie
 * behind. Thread storms, SIGKILL in every kind of stop, a tracee killing another tracee of the
 * same tracer, and an exec from a secondary thread while the others sit in blocking calls.
 *
 * <p>Besides its own assertions, every test fails when the tracer writes an internal error, an
 * engine failure or its own crash to stderr ({@link #stderr}).
 */
@Timeout(120)
class ReliabilityTest {
    static final int SYS_READ = 0, SYS_PAUSE = 34, SYS_GETPPID = 110, SYS_FUTEX = 202, SYS_CLOCK_NANOSLEEP = 230, SYS_EXIT_GROUP = 231;
    private static final long JVM_PID = ProcessHandle.current().pid();

    private final Tracer tracer = Tracer.start();
    /** Every process this test spawned, so that cleanup can kill what the tracer left. */
    private final List<Integer> spawned = new CopyOnWriteArrayList<>();
    private StderrWatch stderr;

    @BeforeEach
    void watchStderr() {
        stderr = StderrWatch.install();
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            killOurs();
            try {
                tracer.awaitNoTasks(10, TimeUnit.SECONDS);
            } catch (TraceException e) {
                // The tracer crashed; the test itself reports that.
            }
        } finally {
            try {
                tracer.close();
            } catch (TraceException e) {
                // Closing a crashed tracer fails; its tracees die with EXITKILL as the thread ends.
            }
            killOurs();
            stderr.uninstall();
        }
        assertThat(stderr.complaints()).as("the tracer's complaints on stderr").isEmpty();
    }

    /** SIGKILLs every process this test spawned that is still this JVM's child. */
    private void killOurs() {
        for (int pid : spawned) {
            if (ppidOf(pid) == JVM_PID) Libc.killRaw(pid, Libc.SIGKILL);
        }
    }

    private Task spawn(Tally engine, String program, String... args) {
        return spawn(List.of(engine), program, args);
    }

    private Task spawn(List<Tally> engines, String program, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(List.of(args));
        Task t = tracer.spawn(Tracees.path(program), argv, System.getenv(), task -> {
            for (Tally e : engines) e.attachTo(task);
        });
        spawned.add(t.tgid());
        return t;
    }

    private void awaitAllGone() throws Exception {
        if (tracer.awaitNoTasks(30, TimeUnit.SECONDS)) return;
        throw new AssertionError("tasks left after 30 s: " + describe(tracer.tasks()));
    }

    /** The tracer's view and the kernel's of each task, for a failure message. */
    private String describe(List<Task> tasks) {
        StringBuilder b = new StringBuilder();
        for (Task t : tasks) {
            String view = tracer.onTracerThread(() -> t.state + "/" + t.stop + " engines " + t.engines().size()
                    + (t.anyEngineHoldsStop() ? " held" : "") + " pending " + t.pending
                    + (t.firstStopSeen ? " firstStopSeen" : "") + (t.cloneReported ? " cloneReported" : ""));
            b.append("\n  ").append(t).append(" (tgid ").append(t.tgid()).append("): tracer ").append(view)
                    .append("; kernel '").append(state(t.tid())).append("' wchan ").append(read("/proc/" + t.tid() + "/wchan"))
                    .append(" syscall ").append(syscallOf(t.tid()));
        }
        return b.toString();
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path)).trim();
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }

    /** Every task the engine was attached to got exactly one DEATH and one REAP, and nothing odd. */
    private static void assertEveryDeathOnce(Tally e) {
        assertThat(e.problems).as("out-of-order reports").isEmpty();
        assertThat(e.countsNot(e.deaths, 1, "deaths")).as("tasks without exactly one DEATH").isEmpty();
        if ((e.mask & Event.REAP.bit()) != 0) {
            assertThat(e.countsNot(e.reaps, 1, "reaps")).as("tasks without exactly one REAP").isEmpty();
        }
    }

    /**
     * Every task reported EXIT exactly once (utrace-spec 18), also when a SIGKILL made it skip its
     * exit stop (a thread already inside its own exit(2)) or hid that stop from waitpid: then the
     * report comes late, before the DEATH.
     */
    private static void assertEveryExitOnce(Tally e) {
        assertThat(e.countsNot(e.exits, 1, "exits")).as("tasks without exactly one EXIT").isEmpty();
    }

    private static void assertNoZombie(int tid) {
        assertThat(state(tid)).as("state of %d after its death was reported", tid).isNotEqualTo('Z');
    }

    private static void assertNoZombies(Tally e, int tgid) {
        for (Task t : e.attached) {
            if (t.tgid() == tgid) assertNoZombie(t.tid());
        }
    }

    // ==== 1. thread storms ===========================================================================

    private static final int STORM = 1000;
    private static final int STORM_EVENTS = Event.mask(Event.CLONE, Event.EXIT, Event.DEATH, Event.REAP);

    private void storm(List<Tally> engines) throws Exception {
        long t0 = System.nanoTime();
        Task leader = spawn(engines, "forker", "clone-storm", String.valueOf(STORM));
        awaitAllGone();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        for (Tally e : engines) {
            assertThat(e.attached).as("%s: tasks followed", e.name).hasSize(STORM + 1);
            assertEveryDeathOnce(e);
            assertThat(e.countsNot(e.exits, 1, "exits")).as("tasks without exactly one EXIT").isEmpty();
            assertThat(e.deathStatus.get(leader)).as("the storm's exit status").isEqualTo(0);
        }
        assertNoZombie(leader.tid());
        System.err.println("storm of " + STORM + " threads with " + engines.size() + " engine(s) each: " + millis + " ms");
    }

    @Test
    void aThousandThreadsEachReportExitDeathAndReapOnce() throws Exception {
        storm(List.of(new Tally("a", STORM_EVENTS)));
    }

    @Test
    void aThousandThreadsWithTwoFollowingEnginesPerTask() throws Exception {
        storm(List.of(new Tally("a", STORM_EVENTS), new Tally("b", STORM_EVENTS)));
    }

    @Test
    void aThousandThreadsUnderSyscallTracing() throws Exception {
        storm(List.of(new Tally("a", STORM_EVENTS | Event.SYSCALL)));
    }

    private static final int ROUNDS = 200;

    /**
     * SIGKILL at arbitrary points of a thread storm, {@value #ROUNDS} times over. Some kills land
     * while the parent is inside clone(): the new thread exists and is traced, but the parent dies
     * without ever stopping for its clone event (or is woken from that stop before the tracer reads
     * its event message, which then holds the exit code), so the tracer must neither wait for that
     * event nor follow a child that does not exist. The kernel withholds the leader's death until
     * every thread is gone, so one stranded thread hangs the whole process.
     */
    @Test
    void sigkillAtArbitraryPointsOfAThreadStorm() throws Exception {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < ROUNDS; round++) {
            Tally e = new Tally("e", STORM_EVENTS);
            Task leader = spawn(e, "forker", "clone-storm", "100000");
            assertThat(e.first.get(Event.CLONE).await(10, TimeUnit.SECONDS)).isTrue();
            long until = System.nanoTime() + random.nextInt(3_000_000);
            while (System.nanoTime() < until) Thread.onSpinWait();
            Libc.kill(leader.tgid(), Libc.SIGKILL);
            awaitAllGone();
            assertEveryDeathOnce(e);
            assertEveryExitOnce(e);
            int status = e.deathStatus.get(leader);
            assertThat(status & 0x7f).as("round %d: WTERMSIG of 0x%s", round, Integer.toHexString(status))
                    .isEqualTo(Libc.SIGKILL);
            assertNoZombies(e, leader.tgid());
        }
    }

    // ==== 2. SIGKILL in every kind of stop ===========================================================

    private static final int DEATHS = Event.mask(Event.EXEC, Event.EXIT, Event.DEATH, Event.REAP, Event.CLONE);

    /** Where the thread is when SIGKILL comes. */
    enum Where {
        /** Held (STOP) at the entry of getppid. */
        SYSCALL_ENTRY,
        /** Held at the exit of getppid. */
        SYSCALL_EXIT,
        /** Held at the delivery stop of SIGUSR1, which has a handler. */
        SIGNAL,
        /** Held at the exec event, the first event engines see. */
        EXEC,
        /** The parent held in reportClone for a new thread, which goes on to block in nanosleep(). */
        CLONE_THREAD,
        /** The parent held in reportClone for a fork; only the parent is killed. */
        CLONE_FORK,
        /**
         * Held at its exit event (reportExit answered STOP) after exit(3). The process is already
         * exiting, so the kernel drops the SIGKILL (prepare_signal ignores signals to a group with
         * SIGNAL_GROUP_EXIT) and nothing wakes the thread: the engine lets it go 200 ms later.
         */
        EXIT,
        /** The leader held at its exit event after a lone exit(2), two threads still running. */
        LEADER_EXIT,
        /** The leader gone by exit(2), a zombie waiting for its two threads, which block. */
        LEADER_ZOMBIE,
        /** In a group stop after SIGSTOP, restarted with PTRACE_LISTEN. */
        GROUP_STOP,
        /** In a group stop that an engine holds (reportJctl answered STOP). */
        GROUP_STOP_HELD,
        /** In a group stop, listening, when an engine asks control(STOP) (PTRACE_INTERRUPT). */
        GROUP_STOP_THEN_CONTROL_STOP,
        /** A vfork parent waiting for its child, which an engine holds at its exit_group entry. */
        VFORK_PARENT,
        /** Running in user space under PTRACE_CONT. */
        RUNNING,
        /** Running under PTRACE_SYSCALL, stopping at every call, nobody holding it. */
        RUNNING_SYSCALL_TRACED,
        /** Blocked in pause() and nanosleep() under PTRACE_SYSCALL. */
        BLOCKED,
        /** Blocked in pause(), with an engine's control(STOP) in progress. */
        STOP_REQUESTED,
        /** Kicked out of pause() by control(INTERRUPT) and held in the report that owes. */
        INTERRUPT_HELD,
        /** One of three threads held at getppid entry while the others run. */
        ONE_THREAD_HELD,
        /** All three worker threads held at getppid entry. */
        ALL_THREADS_HELD
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    @Timeout(60)
    void sigkillInEveryKindOfStop(Where where) throws Exception {
        Tally e;
        Task leader;
        switch (where) {
            case SYSCALL_ENTRY -> {
                e = new Tally("e", DEATHS | Event.SYSCALL).holdAt((ev, t, d) ->
                        ev == Event.SYSCALL_ENTRY && (d & 0xffff) == SYS_GETPPID);
                leader = spawn(e, "syscall_loop", "1000000000");
            }
            case SYSCALL_EXIT -> {
                e = new Tally("e", DEATHS | Event.SYSCALL).holdAt((ev, t, d) ->
                        ev == Event.SYSCALL_EXIT && d == SYS_GETPPID);
                leader = spawn(e, "syscall_loop", "1000000000");
            }
            case SIGNAL -> {
                e = new Tally("e", DEATHS | Event.SIGNAL_ALL).holdAt((ev, t, d) ->
                        ev == Event.SIGNAL && d == Libc.SIGUSR1);
                leader = spawn(e, "signals", "handle", String.valueOf(Libc.SIGUSR1));
            }
            case EXEC -> {
                e = new Tally("e", DEATHS).holdAt((ev, t, d) -> ev == Event.EXEC);
                leader = spawn(e, "exit_code", "0");
            }
            case CLONE_THREAD -> {
                e = new Tally("e", DEATHS).holdAt((ev, t, d) -> ev == Event.CLONE);
                leader = spawn(e, "leader_exit", "1");
            }
            case CLONE_FORK -> {
                e = new Tally("e", DEATHS).holdAt((ev, t, d) -> ev == Event.CLONE);
                leader = spawn(e, "forker", "fork");
            }
            case EXIT -> {
                e = new Tally("e", DEATHS).holdAt((ev, t, d) -> ev == Event.EXIT);
                leader = spawn(e, "exit_code", "3");
            }
            case LEADER_EXIT -> {
                e = new Tally("e", DEATHS | Event.SYSCALL).holdAt((ev, t, d) -> ev == Event.EXIT && t.isLeader());
                leader = spawn(e, "leader_exit", "2");
            }
            case LEADER_ZOMBIE -> {
                e = new Tally("e", DEATHS | Event.SYSCALL);
                leader = spawn(e, "leader_exit", "2");
            }
            case GROUP_STOP, GROUP_STOP_HELD, GROUP_STOP_THEN_CONTROL_STOP -> {
                e = new Tally("e", DEATHS | Event.JCTL.bit());
                if (where == Where.GROUP_STOP_HELD) e.holdAt((ev, t, d) -> ev == Event.JCTL);
                leader = spawn(e, "sleeper", "2");
            }
            case VFORK_PARENT -> {
                Tally f = new Tally("e", DEATHS | Event.SYSCALL);
                // The child is the one task that never exec'd.
                e = f.holdAt((ev, t, d) ->
                        ev == Event.SYSCALL_ENTRY && (d & 0xffff) == SYS_EXIT_GROUP && !f.execs.containsKey(t));
                leader = spawn(e, "forker", "vfork");
            }
            case RUNNING -> {
                e = new Tally("e", DEATHS);
                leader = spawn(e, "syscall_loop", "1000000000000");
            }
            case RUNNING_SYSCALL_TRACED -> {
                e = new Tally("e", DEATHS | Event.SYSCALL);
                leader = spawn(e, "syscall_loop", "1000000000000");
            }
            case BLOCKED, STOP_REQUESTED, INTERRUPT_HELD -> {
                e = new Tally("e", DEATHS | Event.SYSCALL | Event.QUIESCE.bit());
                if (where == Where.INTERRUPT_HELD) e.holdAt((ev, t, d) -> ev == Event.QUIESCE);
                leader = spawn(e, "sleeper", "2");
            }
            case ONE_THREAD_HELD, ALL_THREADS_HELD -> {
                e = new Tally("e", DEATHS | Event.SYSCALL).holdAt((ev, t, d) ->
                        ev == Event.SYSCALL_ENTRY && (d & 0xffff) == SYS_GETPPID && !t.isLeader());
                if (where == Where.ALL_THREADS_HELD) e.holding(3);
                leader = spawn(e, "thread_loop", "3", "1000000000");
            }
            default -> throw new AssertionError(where);
        }
        int pid = leader.tgid();

        // Bring the thread to where it should be when the SIGKILL comes.
        switch (where) {
            case GROUP_STOP, GROUP_STOP_HELD, GROUP_STOP_THEN_CONTROL_STOP -> {
                awaitSleeperAsleep(e, leader);
                Libc.kill(pid, Libc.SIGSTOP);
                assertThat(e.first.get(Event.JCTL).await(10, TimeUnit.SECONDS)).as("group stop reported").isTrue();
                if (where == Where.GROUP_STOP_HELD) assertThat(e.held.await(10, TimeUnit.SECONDS)).isTrue();
                for (Task t : e.attached) {
                    // The first thread to report the group stop is held; the others listen.
                    awaitTracerState(t, e.heldTasks.contains(t) ? Task.State.STOPPED : Task.State.LISTENING);
                    awaitState(t.tid(), 't');
                }
                if (where == Where.GROUP_STOP_THEN_CONTROL_STOP) {
                    Engine engine = tracer.onTracerThread(() -> leader.engines().getFirst());
                    engine.control(Action.STOP);
                    awaitTracerState(leader, Task.State.STOPPED);
                    awaitState(pid, 't');
                }
            }
            case LEADER_ZOMBIE -> {
                assertThat(e.first.get(Event.EXIT).await(10, TimeUnit.SECONDS)).isTrue();
                awaitState(pid, 'Z');
                for (Task t : e.attached) {
                    if (t != leader) awaitState(t.tid(), 'S');
                }
            }
            case RUNNING -> {
                assertThat(e.first.get(Event.EXEC).await(10, TimeUnit.SECONDS)).isTrue();
                awaitTracerState(leader, Task.State.RUNNING);
                awaitState(leader.tid(), 'R');
            }
            case RUNNING_SYSCALL_TRACED -> {
                assertThat(e.first.get(Event.SYSCALL_ENTRY).await(10, TimeUnit.SECONDS)).isTrue();
                while (e.syscallReports.get() < 1000) Thread.sleep(1);
            }
            case BLOCKED, STOP_REQUESTED, INTERRUPT_HELD -> {
                awaitSleeperAsleep(e, leader);
                Engine engine = tracer.onTracerThread(() -> leader.engines().getFirst());
                if (where == Where.STOP_REQUESTED) {
                    assertThat(engine.control(Action.STOP)).isEqualTo(ControlResult.IN_PROGRESS);
                    Thread.sleep(20);
                    awaitState(leader.tid(), 'S');
                } else if (where == Where.INTERRUPT_HELD) {
                    engine.control(Action.INTERRUPT);
                    assertThat(e.held.await(10, TimeUnit.SECONDS)).as("held in the INTERRUPT report").isTrue();
                    awaitTracerState(leader, Task.State.STOPPED);
                    awaitState(leader.tid(), 't');
                }
            }
            default -> {
                assertThat(e.held.await(10, TimeUnit.SECONDS)).as("the hold point was reached").isTrue();
                for (Task held : e.heldTasks) {
                    awaitTracerState(held, Task.State.STOPPED);
                    awaitState(held.tid(), 't');
                }
                if (where == Where.CLONE_THREAD || where == Where.CLONE_FORK) {
                    // The child has made its first stop and runs: a child killed before that is
                    // aThreadKilledBeforeItsFirstStopStillReportsItsExit.
                    for (Task t : e.attached) {
                        if (e.heldTasks.contains(t)) continue;
                        awaitTracerStateNot(t, Task.State.NEW);
                        if (where == Where.CLONE_THREAD) awaitSyscallBlocked(e, t, SYS_CLOCK_NANOSLEEP);
                    }
                }
                if (where == Where.LEADER_EXIT) {
                    // The threads sleep: none is making syscall stops when the SIGKILL comes.
                    for (Task t : e.attached) {
                        if (t != leader) awaitSyscallBlocked(e, t, SYS_CLOCK_NANOSLEEP);
                    }
                }
                if (where == Where.ONE_THREAD_HELD || where == Where.ALL_THREADS_HELD) {
                    // The leader is done creating threads and joins them: a SIGKILL that lands
                    // inside clone() is sigkillAtArbitraryPointsOfAThreadStorm.
                    awaitSyscallBlocked(e, leader, SYS_FUTEX);
                }
            }
        }

        if (where == Where.VFORK_PARENT) awaitState(pid, 'D');
        Libc.kill(pid, Libc.SIGKILL);
        if (where == Where.VFORK_PARENT) {
            // The vfork child is a process of its own, held in our engine: kill it too.
            Libc.kill(e.heldTasks.getFirst().tgid(), Libc.SIGKILL);
        }
        if (where == Where.EXIT) {
            Thread.sleep(200);
            e.heldEngines.getFirst().control(Action.RESUME);
        }
        awaitAllGone();

        assertEveryDeathOnce(e);
        assertEveryExitOnce(e);
        int status = e.deathStatus.get(leader);
        if (where == Where.EXIT) {
            // exit(3) had begun: the SIGKILL cannot change how it ends.
            assertThat(status).as("death status").isEqualTo(e.exitCode.get(leader)).isEqualTo(3 << 8);
        } else {
            assertThat(status & 0x7f).as("WTERMSIG of 0x%s", Integer.toHexString(status)).isEqualTo(Libc.SIGKILL);
        }
        assertNoZombies(e, pid);
        if (where == Where.CLONE_FORK) {
            // The forked child was not killed; it went on and exited 3, reported like any other.
            Task child = e.attached.stream().filter(t -> t.tgid() != pid).findFirst().orElseThrow();
            assertThat(e.deathStatus.get(child)).isEqualTo(3 << 8);
        }
    }

    /** A non-leader thread held at its exit event when SIGKILL takes the whole process. */
    @Test
    @Timeout(60)
    void sigkillWhileAThreadIsHeldAtItsExitAndTheLeaderJoinsIt() throws Exception {
        Tally e = new Tally("e", DEATHS).holdAt((ev, t, d) -> ev == Event.EXIT && !t.isLeader());
        Task leader = spawn(e, "forker", "threads", "2");
        assertThat(e.held.await(10, TimeUnit.SECONDS)).isTrue();
        // Let the leader finish creating the second thread and block joining the first: a SIGKILL
        // that lands inside clone() is another matter (sigkillAtArbitraryPointsOfAThreadStorm).
        awaitSyscallBlocked(e, leader, SYS_FUTEX);
        Task held = e.heldTasks.getFirst();
        awaitTracerState(held, Task.State.STOPPED);
        awaitState(held.tid(), 't');
        Libc.kill(leader.tgid(), Libc.SIGKILL);
        awaitAllGone();
        assertEveryDeathOnce(e);
        assertEveryExitOnce(e);
        assertThat(e.deathStatus.get(leader) & 0x7f).isEqualTo(Libc.SIGKILL);
        // The held thread had begun a normal exit(0), but a thread's wait status is its group's
        // exit code once the group exits, and the SIGKILL made the group exit.
        assertThat(e.exitCode.get(held)).isEqualTo(0);
        assertThat(e.deathStatus.get(held) & 0x7f).isEqualTo(Libc.SIGKILL);
        assertNoZombies(e, leader.tgid());
    }

    /** Where an engine's own callback sends the SIGKILL. */
    enum KillPoint { SYSCALL_ENTRY, SYSCALL_EXIT, SIGNAL, EXEC, CLONE_THREAD, CLONE_FORK, FIFTH_OF_TWENTY_CLONES,
        EXIT_OF_THREAD, JCTL }

    /**
     * SIGKILL sent from inside a callback, while the tracer is in the middle of the stop: the
     * thread is already dead, or dying, when the pass ends and the tracer restarts (or holds) it.
     */
    @ParameterizedTest
    @CsvSource({
        "SYSCALL_ENTRY, RESUME", "SYSCALL_ENTRY, STOP", "SYSCALL_EXIT, RESUME", "SYSCALL_EXIT, STOP",
        "SIGNAL, RESUME", "SIGNAL, STOP", "EXEC, RESUME", "EXEC, STOP", "CLONE_THREAD, RESUME", "CLONE_THREAD, STOP",
        "CLONE_FORK, RESUME", "CLONE_FORK, STOP", "FIFTH_OF_TWENTY_CLONES, RESUME", "FIFTH_OF_TWENTY_CLONES, STOP",
        "EXIT_OF_THREAD, RESUME", "EXIT_OF_THREAD, STOP", "JCTL, RESUME", "JCTL, STOP"})
    @Timeout(60)
    void sigkillSentFromInsideACallback(KillPoint where, Action answer) throws Exception {
        Tally e = new Tally("e", DEATHS);
        e.afterKill = answer;
        Task leader;
        AtomicInteger clones = new AtomicInteger();
        switch (where) {
            case SYSCALL_ENTRY, SYSCALL_EXIT -> {
                e = new Tally("e", DEATHS | Event.SYSCALL);
                e.afterKill = answer;
                Event ev0 = where == KillPoint.SYSCALL_ENTRY ? Event.SYSCALL_ENTRY : Event.SYSCALL_EXIT;
                e.killAt = (ev, t, d) -> ev == ev0 && (d & 0xffff) == SYS_GETPPID;
                leader = spawn(e, "syscall_loop", "1000000000");
            }
            case SIGNAL -> {
                e = new Tally("e", DEATHS | Event.SIGNAL_ALL);
                e.afterKill = answer;
                e.killAt = (ev, t, d) -> ev == Event.SIGNAL && d == Libc.SIGUSR1;
                leader = spawn(e, "signals", "handle", String.valueOf(Libc.SIGUSR1));
            }
            case EXEC -> {
                e.killAt = (ev, t, d) -> ev == Event.EXEC;
                leader = spawn(e, "exit_code", "0");
            }
            case CLONE_THREAD -> {
                e.killAt = (ev, t, d) -> ev == Event.CLONE;
                leader = spawn(e, "forker", "threads", "1");
            }
            case CLONE_FORK -> {
                e.killAt = (ev, t, d) -> ev == Event.CLONE;
                leader = spawn(e, "forker", "fork");
            }
            case FIFTH_OF_TWENTY_CLONES -> {
                e.killAt = (ev, t, d) -> ev == Event.CLONE && clones.incrementAndGet() == 5;
                leader = spawn(e, "forker", "threads", "20");
            }
            case EXIT_OF_THREAD -> {
                e.killAt = (ev, t, d) -> ev == Event.EXIT && !t.isLeader();
                leader = spawn(e, "forker", "threads", "2");
            }
            case JCTL -> {
                e = new Tally("e", DEATHS | Event.JCTL.bit());
                e.afterKill = answer;
                e.killAt = (ev, t, d) -> ev == Event.JCTL;
                leader = spawn(e, "sleeper", "2");
                awaitSleeperAsleep(e, leader);
                Libc.kill(leader.tgid(), Libc.SIGSTOP);
            }
            default -> throw new AssertionError(where);
        }
        int pid = leader.tgid();
        assertThat(e.held.await(10, TimeUnit.SECONDS)).as("the kill point was reached").isTrue();
        awaitAllGone();

        assertEveryDeathOnce(e);
        assertEveryExitOnce(e);
        int status = e.deathStatus.get(leader);
        assertThat(status & 0x7f).as("WTERMSIG of 0x%s", Integer.toHexString(status)).isEqualTo(Libc.SIGKILL);
        assertNoZombies(e, pid);
    }

    /**
     * A thread SIGKILLed before it ever ran: its first ptrace-stop is its exit event, not the
     * PTRACE_EVENT_STOP a new thread normally starts with. Engines attached to it in reportClone
     * asked for EXIT and must hear it, as every exiting thread is reported (utrace-spec 18).
     */
    @Test
    @Timeout(60)
    void aThreadKilledBeforeItsFirstStopStillReportsItsExit() throws Exception {
        Tally e = new Tally("e", DEATHS);
        e.killAt = (ev, t, d) -> ev == Event.CLONE;
        Task leader = spawn(e, "forker", "threads", "1");
        assertThat(e.held.await(10, TimeUnit.SECONDS)).isTrue();
        awaitAllGone();
        assertEveryDeathOnce(e);
        assertThat(e.attached).hasSize(2);
        assertThat(e.countsNot(e.exits, 1, "exits")).as("tasks without exactly one EXIT").isEmpty();
        assertNoZombies(e, leader.tgid());
    }

    /**
     * SIGSTOP while the process is creating threads. A new thread that has not made its first
     * ptrace-stop when the group stop begins makes that first stop as a group stop
     * (PTRACE_EVENT_STOP with SIGSTOP, not SIGTRAP); it must stay stopped with the others, and
     * engines must hear its JCTL, not see it run on in a stopped process.
     */
    @Test
    @Timeout(120)
    void aThreadCreatedAsItsProcessStopsStaysInTheGroupStop() throws Exception {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 100; round++) {
            Tally e = new Tally("e", DEATHS | Event.JCTL.bit());
            Task leader = spawn(e, "leader_exit", "50");
            assertThat(e.first.get(Event.CLONE).await(10, TimeUnit.SECONDS)).isTrue();
            long until = System.nanoTime() + random.nextInt(1_000_000);
            while (System.nanoTime() < until) Thread.onSpinWait();
            Libc.kill(leader.tgid(), Libc.SIGSTOP);
            // Every thread that exists ends up in the group stop (the leader may have exited).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            List<String> running;
            do {
                Thread.sleep(10);
                running = new ArrayList<>();
                for (Task t : tracer.tasks()) {
                    char k = state(t.tid());
                    Task.State s = tracer.onTracerThread(() -> t.state);
                    if (t != leader && (k != 't' || s != Task.State.LISTENING)) {
                        running.add(t + " kernel '" + k + "' tracer " + s);
                    }
                }
            } while (!running.isEmpty() && System.nanoTime() < deadline);
            assertThat(running).as("round %d: threads not in the group stop", round).isEmpty();
            Libc.kill(leader.tgid(), Libc.SIGKILL);
            awaitAllGone();
            assertEveryDeathOnce(e);
        }
    }

    /**
     * A SIGKILL sent while the tracer is in the middle of a stop (here from the engine's own
     * callback, answered RESUME) wakes the thread at once; it runs on to its exit event and stops
     * there, and the tracer's restart at the end of the pass may resume that exit stop before
     * waitpid ever shows it. The thread is killed, not gone: its EXIT must still be reported
     * (utrace-spec 18), if need be late, before its DEATH.
     */
    @ParameterizedTest
    @EnumSource(value = KillPoint.class, names = {"SYSCALL_ENTRY", "SIGNAL", "EXEC"})
    @Timeout(120)
    void sigkillDuringAPassStillReportsExit(KillPoint where) throws Exception {
        for (int round = 0; round < 50; round++) {
            int mask = DEATHS | (where == KillPoint.SYSCALL_ENTRY ? Event.SYSCALL : 0)
                    | (where == KillPoint.SIGNAL ? Event.SIGNAL_ALL : 0);
            Tally e = new Tally("e", mask);
            Task leader;
            switch (where) {
                case SYSCALL_ENTRY -> {
                    e.killAt = (ev, t, d) -> ev == Event.SYSCALL_ENTRY && (d & 0xffff) == SYS_GETPPID;
                    leader = spawn(e, "syscall_loop", "1000000000");
                }
                case SIGNAL -> {
                    e.killAt = (ev, t, d) -> ev == Event.SIGNAL && d == Libc.SIGUSR1;
                    leader = spawn(e, "signals", "handle", String.valueOf(Libc.SIGUSR1));
                }
                case EXEC -> {
                    e.killAt = (ev, t, d) -> ev == Event.EXEC;
                    leader = spawn(e, "exit_code", "0");
                }
                default -> throw new AssertionError(where);
            }
            assertThat(e.held.await(10, TimeUnit.SECONDS)).isTrue();
            awaitAllGone();
            assertEveryDeathOnce(e);
            assertThat(e.countsNot(e.exits, 1, "exits")).as("round %d: tasks without exactly one EXIT", round).isEmpty();
            assertThat(e.deathStatus.get(leader) & 0x7f).isEqualTo(Libc.SIGKILL);
        }
    }

    /**
     * Waits until a sleeper's leader sleeps in pause() and each of its other threads has been let
     * go from its first stop and sleeps in nanosleep(). (A thread that has not made its first stop
     * when a SIGSTOP comes is aThreadCreatedAsItsProcessStopsStaysInTheGroupStop.)
     */
    private void awaitSleeperAsleep(Tally e, Task leader) throws Exception {
        awaitSyscallBlocked(e, leader, SYS_PAUSE);
        for (Task t : e.attached) {
            if (t == leader) continue;
            awaitTracerStateNot(t, Task.State.NEW);
            awaitSyscallBlocked(e, t, SYS_CLOCK_NANOSLEEP);
        }
    }

    /** Waits until the engine saw {@code nr} entered on {@code task} and the thread sleeps in it. */
    private void awaitSyscallBlocked(Tally e, Task task, int nr) throws Exception {
        if ((e.mask & Event.SYSCALL_ENTRY.bit()) != 0) {
            assertThat(e.first.get(Event.SYSCALL_ENTRY).await(10, TimeUnit.SECONDS)).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String sc = syscallOf(task.tid());
            if (sc != null && sc.startsWith(nr + " ") && state(task.tid()) == 'S') return;
            if (System.nanoTime() > deadline) throw new AssertionError("thread " + task.tid() + " never blocked in " + nr + ": " + sc);
            Thread.sleep(5);
        }
    }

    private void awaitTracerState(Task t, Task.State want) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Task.State s;
        while ((s = tracer.onTracerThread(() -> t.state)) != want) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(t + " is " + s + ", not " + want + ":" + describe(List.of(t)));
            }
            Thread.sleep(5);
        }
    }

    private void awaitTracerStateNot(Task t, Task.State not) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tracer.onTracerThread(() -> t.state) == not) {
            if (System.nanoTime() > deadline) throw new AssertionError(t + " is still " + not);
            Thread.sleep(5);
        }
    }

    private static void awaitState(int tid, char want) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        char s;
        while ((s = state(tid)) != want) {
            if (System.nanoTime() > deadline) throw new AssertionError("thread " + tid + " is '" + s + "', not '" + want + "'");
            Thread.sleep(5);
        }
    }

    // ==== 3. a tracee killing another tracee of the same tracer ======================================

    enum Victim {
        /** Blocked in pause() with two threads in nanosleep, under syscall tracing. */
        BLOCKED,
        /** Held by an engine at getppid entry. */
        HELD,
        /** Group-stopped by SIGSTOP, listening. */
        GROUP_STOPPED,
        /** In the middle of a storm of a thousand threads, each followed. */
        STORM
    }

    @ParameterizedTest
    @EnumSource(Victim.class)
    @Timeout(60)
    void aTraceeKillsAnotherTraceeOfItsTracer(Victim kind) throws Exception {
        Tally v = new Tally("victim", DEATHS | Event.JCTL.bit() | (kind == Victim.STORM ? 0 : Event.SYSCALL));
        Task victim;
        String delay = "0";
        switch (kind) {
            case BLOCKED -> {
                victim = spawn(v, "sleeper", "2");
                awaitSleeperAsleep(v, victim);
            }
            case HELD -> {
                v.holdAt((ev, t, d) -> ev == Event.SYSCALL_ENTRY && (d & 0xffff) == SYS_GETPPID);
                victim = spawn(v, "syscall_loop", "1000000000");
                assertThat(v.held.await(10, TimeUnit.SECONDS)).isTrue();
                awaitState(victim.tid(), 't');
            }
            case GROUP_STOPPED -> {
                victim = spawn(v, "sleeper", "2");
                awaitSleeperAsleep(v, victim);
                Libc.kill(victim.tgid(), Libc.SIGSTOP);
                assertThat(v.first.get(Event.JCTL).await(10, TimeUnit.SECONDS)).isTrue();
                awaitTracerState(victim, Task.State.LISTENING);
            }
            case STORM -> {
                victim = spawn(v, "forker", "clone-storm", "1000000");
                assertThat(v.first.get(Event.CLONE).await(10, TimeUnit.SECONDS)).isTrue();
                delay = "50";
            }
            default -> throw new AssertionError(kind);
        }
        Tally k = new Tally("killer", DEATHS | Event.SYSCALL);
        Task killer = spawn(k, "killer", String.valueOf(victim.tgid()), delay);
        awaitAllGone();

        assertEveryDeathOnce(v);
        assertEveryDeathOnce(k);
        assertThat(k.deathStatus.get(killer)).as("the killer's exit status").isEqualTo(0);
        int status = v.deathStatus.get(victim);
        assertThat(status & 0x7f).as("victim's WTERMSIG, status 0x%s", Integer.toHexString(status))
                .isEqualTo(Libc.SIGKILL);
        assertNoZombies(v, victim.tgid());
        assertNoZombie(killer.tid());
        assertEveryExitOnce(v);
        assertEveryExitOnce(k);
        if (kind == Victim.STORM) {
            assertThat(v.attached.size()).as("threads followed before the kill").isGreaterThan(1);
        }
    }

    // ==== 4. exec from a secondary thread while the others block =====================================

    enum ExecCase {
        /** Engines follow threads, no syscall tracing: the blocked threads run under PTRACE_CONT. */
        PLAIN,
        /** Every thread under PTRACE_SYSCALL. */
        SYSCALL_TRACED,
        /** Two threads also spin in user space. */
        SPINNERS,
        /** A second engine holds one reader thread at its read() entry when the exec comes. */
        READER_HELD,
        /** The exec'ing thread is held at its exec event for a while, then released. */
        EXEC_HELD,
        /** A second engine holds the leader at its pause() entry when the exec comes. */
        LEADER_HELD,
        /** The process is SIGKILLed from inside the exec report of the exec'ing thread. */
        KILLED_AT_EXEC
    }

    private static final int N_PER_KIND = 4;

    @ParameterizedTest
    @EnumSource(ExecCase.class)
    @Timeout(60)
    void execFromASecondaryThreadWhileOthersBlock(ExecCase c) throws Exception {
        int mask = DEATHS | (c == ExecCase.SYSCALL_TRACED || c == ExecCase.READER_HELD ? Event.SYSCALL : 0);
        Tally e = new Tally("e", mask);
        List<Tally> engines = new ArrayList<>(List.of(e));
        Tally holder = null;
        if (c == ExecCase.READER_HELD) {
            // The pipe the readers block on is the first thing exec_storm opens: fd 3. (The
            // dynamic loader reads libraries on fd 3 too, but only on the leader.)
            holder = new Tally("holder", Event.mask(Event.CLONE, Event.DEATH, Event.REAP) | Event.SYSCALL)
                    .holdAt((ev, t, d) -> ev == Event.SYSCALL_ENTRY && (d & 0xffff) == SYS_READ && (d >>> 16) == 3 && !t.isLeader());
            engines.add(holder);
        } else if (c == ExecCase.LEADER_HELD) {
            holder = new Tally("holder", Event.mask(Event.CLONE, Event.DEATH, Event.REAP) | Event.SYSCALL)
                    .holdAt((ev, t, d) -> ev == Event.SYSCALL_ENTRY && (d & 0xffff) == SYS_PAUSE && t.isLeader());
            engines.add(holder);
        } else if (c == ExecCase.EXEC_HELD) {
            e.holdAt((ev, t, d) -> ev == Event.EXEC && d != t.tid());
        } else if (c == ExecCase.KILLED_AT_EXEC) {
            e.killAt = (ev, t, d) -> ev == Event.EXEC && d != t.tid();
        }
        int spin = c == ExecCase.SPINNERS ? 2 : 0;
        Task leader = spawn(engines, "exec_storm", String.valueOf(N_PER_KIND), String.valueOf(spin),
                Tracees.path("exit_code").toString(), "7");
        int pid = leader.tgid();
        if (c == ExecCase.EXEC_HELD) {
            assertThat(e.held.await(20, TimeUnit.SECONDS)).as("held at the exec").isTrue();
            Thread.sleep(100);
            awaitState(pid, 't');
            e.heldEngines.getFirst().control(Action.RESUME);
        }
        awaitAllGone();

        int threads = 3 * N_PER_KIND + spin + 2;
        for (Tally t : engines) {
            assertThat(t.attached).as("%s: threads followed", t.name).hasSize(threads);
            assertEveryDeathOnce(t);
        }
        if (holder != null) assertThat(holder.heldTasks).as("a thread was held").hasSize(1);
        // One exec report from a thread other than the leader, which then took the leader's tid.
        Task execer = e.execs.entrySet().stream().filter(x -> x.getValue() != pid).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no exec from a secondary thread: " + e.execs));
        assertThat(execer).isNotSameAs(leader);
        assertThat(e.deathTid.get(execer)).as("the exec'd program dies as the leader tid").isEqualTo(pid);
        int status = e.deathStatus.get(execer);
        if (c == ExecCase.KILLED_AT_EXEC) {
            assertThat(status & 0x7f).as("WTERMSIG of 0x%s", Integer.toHexString(status)).isEqualTo(Libc.SIGKILL);
        } else {
            assertThat(status).as("exit status of the exec'd program").isEqualTo(7 << 8);
        }
        assertThat(leader.supersededBy()).as("the old leader was superseded").isEqualTo(e.execs.get(execer));
        assertNoZombie(pid);
    }

    // ==== helpers ====================================================================================

    /** The state letter in /proc/TID/stat, or 0 when the thread is gone. */
    static char state(int tid) {
        try {
            String s = Files.readString(Path.of("/proc/" + tid + "/stat"));
            int i = s.lastIndexOf(')');
            return s.charAt(i + 2);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** /proc/TID/syscall: the call number and arguments, "running", or null. */
    static String syscallOf(int tid) {
        try {
            return Files.readString(Path.of("/proc/" + tid + "/syscall")).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static long ppidOf(int pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("PPid:")) return Long.parseLong(line.substring(5).trim());
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /**
     * Passes stderr through and keeps the tracer's complaints: lines starting {@code "jutrace: "}
     * (internal errors, engine failures, a crashed tracer thread).
     */
    static final class StderrWatch extends OutputStream {
        private final PrintStream original;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final List<String> complaints = new CopyOnWriteArrayList<>();

        private StderrWatch(PrintStream original) {
            this.original = original;
        }

        static StderrWatch install() {
            StderrWatch w = new StderrWatch(System.err);
            System.setErr(new PrintStream(w, true, StandardCharsets.UTF_8));
            return w;
        }

        void uninstall() {
            System.err.flush();
            System.setErr(original);
        }

        List<String> complaints() {
            return complaints;
        }

        @Override
        public synchronized void write(int b) {
            original.write(b);
            scan(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            for (int i = 0; i < len; i++) scan(b[off + i]);
        }

        private void scan(int b) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (s.startsWith("jutrace: ") && complaints.size() < 20) complaints.add(s);
            } else if (line.size() < 4096) {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
