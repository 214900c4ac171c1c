package dev.jutrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SpawnTest {
    private final Tracer tracer = Tracer.start();

    @AfterEach
    void close() {
        tracer.close();
    }

    static final int SYS_GETPPID = 110, SYS_EXIT_GROUP = 231;

    @Test
    void spawnedCommandShowsItsSyscallsAndExitStatus() throws Exception {
        Recorder r = new Recorder("r", Event.mask(Event.EXEC, Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT,
                Event.DEATH, Event.REAP, Event.CLONE));
        Task leader = tracer.spawn(Tracees.path("syscall_loop"), List.of("syscall_loop", "7"),
                System.getenv(), r::attachTo);
        assertThat(tracer.awaitNoTasks(30, TimeUnit.SECONDS)).isTrue();

        assertThat(r.log.get(0)).isEqualTo("r:exec(" + leader.tid() + "):" + leader.tid());
        assertThat(r.syscalls.stream().filter(n -> n == SYS_GETPPID)).hasSize(7);
        assertThat(r.syscalls.getLast()).isEqualTo(SYS_EXIT_GROUP);
        assertThat(r.deaths.get(leader.tid())).isEqualTo(0);
        assertThat(r.log.subList(r.log.size() - 2, r.log.size()))
                .containsExactly("r:death:" + leader.tid(), "r:reap:" + leader.tid());
    }

    @Test
    void exitStatusAndFatalSignalReachTheDeathReport() throws Exception {
        Recorder r = new Recorder("r", Event.mask(Event.DEATH));
        Task a = tracer.spawn(Tracees.path("exit_code"), List.of("exit_code", "42"), System.getenv(), r::attachTo);
        Task b = tracer.spawn(Tracees.path("exit_code"), List.of("exit_code", "-11"), System.getenv(), r::attachTo);
        assertThat(tracer.awaitNoTasks(30, TimeUnit.SECONDS)).isTrue();
        assertThat(r.deaths.get(a.tid())).isEqualTo(42 << 8);
        assertThat(r.deaths.get(b.tid()) & 0x7f).isEqualTo(11);
    }
}
