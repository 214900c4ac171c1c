package dev.jutrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Spawned processes under a seccomp filter: stops only at the calls engines asked for, and safe fallbacks. */
@Timeout(60)
class SeccompTest {
    static final int SYS_OPENAT = 257, SYS_CLOSE = 3, SYS_GETPPID = 110, SYS_EXIT_GROUP = 231, SYS_WRITE = 1;
    private final Tracer tracer = Tracer.start();

    @AfterEach
    void close() {
        tracer.close();
    }

    /** Records every syscall entry and exit it is called for, per task, and follows clones. */
    static class Calls implements EngineOps {
        final BitSet wanted;
        final Map<Integer, List<String>> log = new ConcurrentHashMap<>();
        final List<Boolean> viaSeccomp = new CopyOnWriteArrayList<>();
        final boolean follow;

        Calls(BitSet wanted, boolean follow) {
            this.wanted = wanted;
            this.follow = follow;
        }

        void attachTo(Task t) {
            int m = Event.SYSCALL | (follow ? Event.CLONE.bit() : 0);
            t.tracer().attach(t, this, null, AttachFlag.CREATE).setEvents(m);
        }

        List<String> of(Task t) {
            return log.computeIfAbsent(t.tid(), k -> new CopyOnWriteArrayList<>());
        }

        @Override
        public BitSet syscalls() {
            return wanted;
        }

        @Override
        public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
            of(task).add("entry " + call.number());
            viaSeccomp.add(call.viaSeccomp());
            return Action.RESUME;
        }

        @Override
        public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
            of(task).add("exit " + call.number() + " = " + call.returnValue());
            return Action.RESUME;
        }

        @Override
        public Action reportClone(Engine engine, Task parent, Action action, long flags, Task child) {
            attachTo(child);
            return Action.RESUME;
        }
    }

    private static BitSet set(int... nrs) {
        BitSet s = new BitSet();
        for (int nr : nrs) s.set(nr);
        return s;
    }

    private List<String> run(String program, List<String> args, java.util.function.Consumer<Task> onStart) throws Exception {
        Path out = Files.createTempFile("seccomp", ".out");
        try {
            List<String> argv = new ArrayList<>(List.of(program));
            argv.addAll(args);
            tracer.spawn(Tracees.path(program), argv, System.getenv(), out, onStart);
            assertThat(tracer.awaitNoTasks(30, TimeUnit.SECONDS)).isTrue();
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void onlyTheFilteredCallsStop() throws Exception {
        tracer.useSeccomp(true);
        Calls calls = new Calls(set(SYS_GETPPID), true);
        run("syscall_loop", List.of("5"), calls::attachTo);
        List<String> log = calls.log.values().iterator().next();
        String ppid = String.valueOf(ProcessHandle.current().pid());
        assertThat(log).hasSize(10);
        for (int i = 0; i < 10; i += 2) {
            assertThat(log.get(i)).isEqualTo("entry 110");
            assertThat(log.get(i + 1)).isEqualTo("exit 110 = " + ppid);
        }
        assertThat(calls.viaSeccomp).hasSize(5).containsOnly(true);
    }

    @Test
    void withoutSeccompEveryCallStops() throws Exception {
        Calls calls = new Calls(set(SYS_GETPPID), true);
        run("syscall_loop", List.of("5"), calls::attachTo);
        List<String> log = calls.log.values().iterator().next();
        assertThat(log).contains("entry 231").hasSizeGreaterThan(20);
        assertThat(calls.viaSeccomp).containsOnly(false);
    }

    @Test
    void anEngineWantingEveryCallOrNotFollowingClonesGetsNoFilter() throws Exception {
        tracer.useSeccomp(true);
        Calls subset = new Calls(set(SYS_GETPPID), true);
        Calls all = new Calls(null, true);
        run("syscall_loop", List.of("3"), t -> {
            subset.attachTo(t);
            all.attachTo(t);
        });
        assertThat(all.log.values().iterator().next()).contains("entry 231");
        assertThat(subset.viaSeccomp).containsOnly(false);

        Calls noFollow = new Calls(set(SYS_GETPPID), false);
        run("syscall_loop", List.of("3"), noFollow::attachTo);
        assertThat(noFollow.log.values().iterator().next()).contains("entry 231");
    }

    @Test
    void childrenAndThreadsInheritTheFilter() throws Exception {
        tracer.useSeccomp(true);
        Calls calls = new Calls(set(SYS_GETPPID, SYS_WRITE), true);
        List<String> out = run("forker", List.of("fork"), calls::attachTo);
        assertThat(out).containsExactly("child");
        // Only the child writes, and nothing else stops: the parent's fork and wait4 are let through.
        assertThat(calls.log.values()).containsExactly(List.of("entry 1", "exit 1 = 6"));
        assertThat(calls.viaSeccomp).containsOnly(true);

        Calls threads = new Calls(set(SYS_GETPPID), true);
        run("thread_loop", List.of("3", "50"), threads::attachTo);
        long getppids = threads.log.values().stream().flatMap(List::stream).filter(l -> l.equals("entry 110")).count();
        assertThat(getppids).isEqualTo(150);
        assertThat(threads.viaSeccomp).hasSize(150).containsOnly(true);
    }

    @Test
    void anEngineWantingMoreMidwayMakesTheThreadFallBack() throws Exception {
        tracer.useSeccomp(true);
        Calls late = new Calls(null, true);
        Calls calls = new Calls(set(SYS_GETPPID), true) {
            int seen;

            @Override
            public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
                // At the third getppid, an engine wanting every call arrives.
                if (++seen == 3) late.attachTo(task);
                return super.reportSyscallEntry(engine, task, action, call);
            }
        };
        run("syscall_loop", List.of("5"), calls::attachTo);
        List<String> lateLog = late.log.values().iterator().next();
        // It sees the exit of the call it arrived in, every later call, and the exit_group.
        assertThat(lateLog.getFirst()).startsWith("exit 110");
        assertThat(lateLog.stream().filter(l -> l.equals("entry 110"))).hasSize(2);
        assertThat(lateLog.getLast()).isEqualTo("entry 231");
        // Calls the filter traces are not reported twice (syscall-entry stop, then seccomp stop).
        List<String> log = calls.log.values().iterator().next();
        assertThat(log.stream().filter(l -> l.equals("entry 110"))).hasSize(5);
    }

    @Test
    void detachingAFilteredProcessKillsItRatherThanLeaveItBroken() throws Exception {
        tracer.useSeccomp(true);
        Calls calls = new Calls(set(SYS_GETPPID), true);
        Task t = tracer.spawn(Tracees.path("sleeper"), List.of("sleeper"), System.getenv(), calls::attachTo);
        long pid = t.tid();
        // Let it get past its exec (the filter goes in there) and into its sleep.
        for (int i = 0; i < 200 && !Files.readString(Path.of("/proc/" + pid + "/status")).contains("Seccomp:\t2"); i++) {
            Thread.sleep(10);
        }
        assertThat(Files.readString(Path.of("/proc/" + pid + "/status"))).as("seccomp mode 2, a filter").contains("Seccomp:\t2");
        tracer.detachAll();
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 200 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(10);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void abortingAtASeccompStopSkipsTheCall() throws Exception {
        tracer.useSeccomp(true);
        List<Long> skipped = new CopyOnWriteArrayList<>();
        Calls calls = new Calls(set(SYS_GETPPID), true) {
            @Override
            public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
                call.abort();
                return super.reportSyscallEntry(engine, task, action, call);
            }

            @Override
            public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
                skipped.add(call.returnValue());
                call.setReturnValue(-13);
                return super.reportSyscallExit(engine, task, action, call);
            }
        };
        run("syscall_loop", List.of("2"), calls::attachTo);
        assertThat(skipped).as("the kernel skipped the call: -ENOSYS").containsExactly(-38L, -38L);
        assertThat(calls.log.values().iterator().next())
                .containsExactly("entry 110", "exit 110 = -13", "entry 110", "exit 110 = -13");
    }
}
