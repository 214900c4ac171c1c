package dev.jutrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.sys.Libc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests from other threads always reach a tracer blocked in waitpid: the lost-wake-up gap
 * between the tracer's last queue check and its waitpid is closed by re-sending.
 */
@Timeout(120)
class WakeupStressTest {
    private final Tracer tracer = Tracer.start();

    @AfterEach
    void close() {
        tracer.close();
    }

    @Test
    void manyThreadsManyRequestsNoneLeftWaiting() throws Exception {
        Engine[] engine = new Engine[1];
        Task task = tracer.spawn(Tracees.path("sleeper"), List.of("sleeper"), System.getenv(), t -> {
            engine[0] = tracer.attach(t, new EngineOps() { }, null, AttachFlag.CREATE);
            engine[0].setEvents(Event.DEATH);
        });
        int threads = 8, perThread = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int id = i;
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int k = 0; k < perThread; k++) {
                        // Alternate between a lookup and an engine call; both must run on the tracer thread.
                        if ((k + id) % 2 == 0) {
                            if (tracer.task(task.tid()) == task) ok++;
                        } else {
                            if (engine[0].setEvents(Event.DEATH) == ControlResult.DONE) ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : done) assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(perThread);
        } finally {
            pool.shutdownNow();
        }
        Libc.kill(task.tid(), Libc.SIGTERM);
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
    }
}
