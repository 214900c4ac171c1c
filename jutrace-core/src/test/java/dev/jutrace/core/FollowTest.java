package dev.jutrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** New threads and processes are reported in the parent and followed by engines that attach to them. */
@Timeout(60)
class FollowTest {
    private final Tracer tracer = Tracer.start();

    @AfterEach
    void close() {
        tracer.close();
    }

    private static final int ALL = Event.mask(Event.CLONE, Event.EXEC, Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT,
            Event.EXIT, Event.DEATH, Event.REAP);

    @ParameterizedTest
    @CsvSource({"fork, 3", "vfork, 4", "clone, 5"})
    void childrenAreFollowedAndTheirExitStatusSeen(String how, int childStatus) throws Exception {
        Recorder r = new Recorder("r", ALL);
        Task leader = tracer.spawn(Tracees.path("forker"), List.of("forker", how), System.getenv(), r::attachTo);
        assertThat(tracer.awaitNoTasks(30, TimeUnit.SECONDS)).isTrue();

        assertThat(r.log).contains("r:clone:" + leader.tid());
        assertThat(r.deaths).hasSize(2);
        assertThat(r.deaths.get(leader.tid())).as("the parent saw the status it expected").isEqualTo(0);
        int child = r.deaths.keySet().stream().filter(t -> t != leader.tid()).findFirst().orElseThrow();
        assertThat(r.deaths.get(child)).isEqualTo(childStatus << 8);
        // The child's own events come after the parent's clone report, and end in death then reap.
        int cloneAt = r.log.indexOf("r:clone:" + leader.tid());
        assertThat(r.log.indexOf("r:death:" + child)).isGreaterThan(cloneAt);
        assertThat(r.log.indexOf("r:reap:" + child)).isEqualTo(r.log.indexOf("r:death:" + child) + 1);
    }

    @Test
    void threadsAreFollowedWithTheirSyscalls() throws Exception {
        Recorder r = new Recorder("r", ALL);
        Task leader = tracer.spawn(Tracees.path("forker"), List.of("forker", "threads", "5"), System.getenv(),
                r::attachTo);
        assertThat(tracer.awaitNoTasks(30, TimeUnit.SECONDS)).isTrue();
        assertThat(r.deaths).hasSize(6);
        for (int tid : r.deaths.keySet()) {
            if (tid == leader.tid()) continue;
            assertThat(r.log).as("thread %d made its getppid", tid).contains("r:entry(110):" + tid);
            assertThat(r.log).contains("r:exit:" + tid, "r:reap:" + tid);
        }
    }

    @Test
    void withoutAnEngineOnTheChildItRunsUntraced() throws Exception {
        Recorder r = new Recorder("r", ALL);
        r.follow = false;
        Task leader = tracer.spawn(Tracees.path("forker"), List.of("forker", "fork"), System.getenv(), r::attachTo);
        assertThat(tracer.awaitNoTasks(30, TimeUnit.SECONDS)).isTrue();
        assertThat(r.deaths).containsOnlyKeys(leader.tid());
        assertThat(r.deaths.get(leader.tid())).isEqualTo(0);
    }

    @Test
    void execFromANonLeaderThreadMovesTheTaskToTheLeaderTid() throws Exception {
        Recorder r = new Recorder("r", ALL);
        Task leader = tracer.spawn(Tracees.path("forker"),
                List.of("forker", "exec-from-thread", Tracees.path("exit_code").toString(), "42"),
                System.getenv(), r::attachTo);
        assertThat(tracer.awaitNoTasks(30, TimeUnit.SECONDS)).isTrue();

        String exec = r.log.stream().filter(l -> l.startsWith("r:exec(") && !l.equals("r:exec(" + leader.tid() + "):" + leader.tid()))
                .findFirst().orElseThrow();
        int former = Integer.parseInt(exec.substring("r:exec(".length(), exec.indexOf(')')));
        assertThat(former).isNotEqualTo(leader.tid());
        assertThat(exec).endsWith(":" + leader.tid());
        // The program exec'd by the thread exits 42 under the leader's tid.
        assertThat(r.deaths.get(leader.tid())).isEqualTo(42 << 8);
        // The exec'ing thread's old tid never dies on its own: it became the leader.
        assertThat(r.deaths).doesNotContainKey(former);
    }

    @Test
    void cloneStormLosesNoExitReport() throws Exception {
        Recorder r = new Recorder("r", Event.mask(Event.CLONE, Event.EXIT, Event.DEATH, Event.REAP));
        Task leader = tracer.spawn(Tracees.path("forker"), List.of("forker", "clone-storm", "400"), System.getenv(),
                r::attachTo);
        assertThat(tracer.awaitNoTasks(60, TimeUnit.SECONDS)).isTrue();
        assertThat(r.deaths).hasSize(401);
        assertThat(r.deaths.get(leader.tid())).isEqualTo(0);
        assertThat(r.log.stream().filter(l -> l.startsWith("r:exit:"))).hasSize(401);
        assertThat(r.log.stream().filter(l -> l.startsWith("r:reap:"))).hasSize(401);
    }
}
