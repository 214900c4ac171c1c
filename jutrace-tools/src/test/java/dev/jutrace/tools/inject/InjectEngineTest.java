package dev.jutrace.tools.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.core.Action;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.Task;
import dev.jutrace.core.Tracer;
import dev.jutrace.decode.SyscallTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The injector alone on real processes, no strace engine: {@code inject_probe} prints what each
 * of its calls returned, so these tests check what the program really saw.
 */
@Timeout(60)
class InjectEngineTest {
    private static final SyscallTable TABLE = SyscallTable.x86_64();
    private final Tracer tracer = Tracer.start();

    @AfterEach
    void close() {
        tracer.close();
    }

    private static Path tracee(String name) {
        return Path.of(System.getProperty("jutrace.tracees"), name);
    }

    /** Runs inject_probe with {@code ops} under the given specs; returns its stdout lines. */
    private List<String> probe(boolean follow, List<String> specs, Consumer<Task> after, String... ops) throws Exception {
        List<InjectSpec> parsed = specs.stream().map(s -> InjectSpec.parseInject(s, TABLE)).toList();
        InjectEngine engine = new InjectEngine(parsed, follow, TABLE);
        Path out = Files.createTempFile("probe", ".out");
        try {
            List<String> argv = new ArrayList<>(List.of("inject_probe"));
            argv.addAll(Arrays.asList(ops));
            tracer.spawn(tracee("inject_probe"), argv, System.getenv(), out, engine.attachFirst(after));
            assertThat(tracer.awaitNoTasks(30, TimeUnit.SECONDS)).isTrue();
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private List<String> probe(String spec, String... ops) throws Exception {
        return probe(false, List.of(spec), t -> { }, ops);
    }

    private static String ppid() {
        return String.valueOf(ProcessHandle.current().pid());
    }

    @Test
    void errorOnTheInvocationsWhenSelects() throws Exception {
        List<String> lines = probe("getppid:error=ENOENT:when=2..6+2", "g", "g", "g", "g", "g", "g", "g", "g");
        String p = "getppid " + ppid();
        assertThat(lines).containsExactly(p, "getppid -1 ENOENT", p, "getppid -1 ENOENT", p, "getppid -1 ENOENT", p, p);
    }

    @Test
    void retvalAndSignal() throws Exception {
        List<String> lines = probe("getppid:retval=42:signal=SIGUSR1:when=2+", "g", "g", "g");
        assertThat(lines).containsExactly("getppid " + ppid(), "getppid 42 sig=SIGUSR1", "getppid 42 sig=SIGUSR1");
    }

    @Test
    void signalAloneLeavesTheResult() throws Exception {
        List<String> lines = probe("getppid:signal=SIGUSR2:when=1", "g", "g");
        assertThat(lines).containsExactly("getppid " + ppid() + " sig=SIGUSR2", "getppid " + ppid());
    }

    @Test
    void everyInvocationByDefaultAndTheLastSpecWinsASharedSyscall() throws Exception {
        List<String> lines = probe(false, List.of("getppid:retval=1", "getppid:retval=2:when=2"), t -> { }, "g", "g", "g");
        assertThat(lines).containsExactly("getppid " + ppid(), "getppid 2", "getppid " + ppid());
        assertThat(probe("getppid:retval=5", "g", "g", "g")).containsExactly("getppid 5", "getppid 5", "getppid 5");
    }

    @Test
    void countersArePerTraceeAndAChildStartsAfresh() throws Exception {
        List<String> lines = probe(true, List.of("getppid:retval=7:when=2"), t -> { }, "g", "fork", "g", "g", "g");
        // The parent's second call comes after the fork; the child counts its own from 1.
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("getppid " + ppid());
        assertThat(lines.get(1)).matches("child getppid \\d+").isNotEqualTo("child getppid 7");
        assertThat(lines.get(2)).isEqualTo("child getppid 7");
        assertThat(lines.get(3)).isEqualTo(lines.get(1));
        assertThat(lines.subList(4, 7)).containsExactly("parent getppid 7", "parent getppid " + ppid(), "parent getppid " + ppid());
    }

    @Test
    void withoutFollowTheChildIsLeftAlone() throws Exception {
        List<String> lines = probe(false, List.of("getppid:retval=7"), t -> { }, "fork", "g", "g");
        assertThat(lines.subList(0, 2)).noneMatch(l -> l.endsWith(" 7"));
        assertThat(lines.subList(2, 4)).containsExactly("parent getppid 7", "parent getppid 7");
    }

    @Test
    void pathPredicateSelectsAndCountsOnlyMatchingCalls() throws Exception {
        List<String> lines = probe("openat:error=EACCES:path=*.conf:when=2+",
                "o:/etc/host.conf", "o:/etc/passwd", "o:/etc/ld.so.conf", "o:/etc/passwd", "o:/etc/host.conf");
        assertThat(lines).containsExactly("openat /etc/host.conf 3", "openat /etc/passwd 3",
                "openat /etc/ld.so.conf -1 EACCES", "openat /etc/passwd 3", "openat /etc/host.conf -1 EACCES");
    }

    @Test
    void argumentPredicate() throws Exception {
        // openat(AT_FDCWD = -100, path, O_RDONLY = 0): arg3 is the flags.
        assertThat(probe("openat:error=EPERM:arg1=-100:arg3=0:path=/etc/passwd", "o:/etc/passwd"))
                .containsExactly("openat /etc/passwd -1 EPERM");
        assertThat(probe("openat:error=EPERM:arg3=1:path=/etc/passwd", "o:/etc/passwd"))
                .containsExactly("openat /etc/passwd 3");
    }

    @Test
    void delaysHoldTheThreadWithoutHoldingTheTracer() throws Exception {
        InjectEngine slow = new InjectEngine(List.of(InjectSpec.parseInject(
                "getppid:delay_enter=150ms:delay_exit=100ms:when=1", TABLE)), false, TABLE);
        Deaths deaths = new Deaths();
        Path out = Files.createTempFile("probe", ".out");
        try {
            Task delayed = tracer.spawn(tracee("inject_probe"), List.of("inject_probe", "t", "t"), System.getenv(), out,
                    slow.attachFirst(deaths::attachTo));
            // A second tracee started while the first is held: the tracer thread must serve it.
            Task busy = tracer.spawn(tracee("syscall_loop"), List.of("syscall_loop", "200"), System.getenv(),
                    deaths::attachTo);
            assertThat(tracer.awaitNoTasks(30, TimeUnit.SECONDS)).isTrue();
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(2);
            assertThat(micros(lines.get(0))).as(lines.get(0)).isGreaterThanOrEqualTo(250_000);
            assertThat(micros(lines.get(1))).as(lines.get(1)).isLessThan(250_000);
            assertThat(deaths.at.get(busy.tid())).as("the busy tracee finished while the other was held")
                    .isLessThan(deaths.at.get(delayed.tid()));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long micros(String line) {
        return Long.parseLong(line.substring(line.indexOf("us=") + 3));
    }

    /** Notes when each task died, and traces every syscall so the busy tracee needs the tracer. */
    private static final class Deaths implements EngineOps {
        final java.util.Map<Integer, Long> at = new java.util.concurrent.ConcurrentHashMap<>();

        void attachTo(Task t) {
            t.tracer().attach(t, this, null, dev.jutrace.core.AttachFlag.CREATE)
                    .setEvents(Event.mask(Event.SYSCALL_ENTRY, Event.DEATH));
        }

        @Override
        public Action reportDeath(Engine engine, Task task, boolean groupDead, int status) {
            at.put(task.tid(), System.nanoTime());
            return Action.RESUME;
        }
    }
}
