package dev.jutrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Attach flags, lookups and references (utrace-spec §1.2, §1.3; conformance cases 1 and 2). */
@Timeout(60)
class AttachFlagsTest {
    private final Tracer tracer = Tracer.start();

    @AfterEach
    void close() {
        tracer.close();
    }

    static final class Ops implements EngineOps {
        final AtomicInteger released = new AtomicInteger();

        @Override
        public void release(Object data) {
            released.incrementAndGet();
        }
    }

    /** Runs {@code body} on the tracer thread while a freshly spawned task sits in its shim. */
    private void withTask(java.util.function.Consumer<Task> body) throws Exception {
        Ops keeper = new Ops();
        tracer.spawn(Tracees.path("exit_code"), List.of("exit_code", "0"), System.getenv(), t -> {
            body.accept(t);
            // Keep one engine so the process is traced to its end, then let everything finish.
            tracer.attach(t, keeper, null, AttachFlag.CREATE).setEvents(Event.DEATH);
        });
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void exclusiveMatchOpsRefusesASecondEngineWithTheSameOps() throws Exception {
        Ops a = new Ops();
        withTask(t -> {
            tracer.attach(t, a, null, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_OPS);
            assertThatThrownBy(() -> tracer.attach(t, a, null, AttachFlag.CREATE, AttachFlag.EXCLUSIVE,
                    AttachFlag.MATCH_OPS)).isInstanceOf(EngineExistsException.class);
            // Other ops are no match.
            tracer.attach(t, new Ops(), null, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_OPS);
        });
    }

    @Test
    void exclusiveMatchDataComparesData() throws Exception {
        Ops a = new Ops();
        Object d1 = new Object(), d2 = new Object();
        withTask(t -> {
            tracer.attach(t, a, d1, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_DATA);
            tracer.attach(t, a, d2, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_DATA);
            assertThatThrownBy(() -> tracer.attach(t, a, d1, AttachFlag.CREATE, AttachFlag.EXCLUSIVE,
                    AttachFlag.MATCH_DATA)).isInstanceOf(EngineExistsException.class);
        });
    }

    @Test
    void exclusiveWithoutMatchBitsFailsOnceAnyEngineIsAttached() throws Exception {
        withTask(t -> {
            tracer.attach(t, new Ops(), null, AttachFlag.CREATE, AttachFlag.EXCLUSIVE);
            assertThatThrownBy(() -> tracer.attach(t, new Ops(), null, AttachFlag.CREATE, AttachFlag.EXCLUSIVE))
                    .isInstanceOf(EngineExistsException.class);
        });
    }

    @Test
    void lookupWithoutCreate() throws Exception {
        Ops a = new Ops();
        withTask(t -> {
            assertThatThrownBy(() -> tracer.attach(t, a, null)).isInstanceOf(NoSuchEngineException.class);
            Engine e = tracer.attach(t, a, null, AttachFlag.CREATE);
            assertThat(tracer.attach(t, a, null, AttachFlag.MATCH_OPS)).isSameAs(e);
        });
    }

    @Test
    void releaseRunsOnceAfterDetachAndTheLastPut() throws Exception {
        Ops a = new Ops();
        withTask(t -> {
            Engine e = tracer.attach(t, a, null, AttachFlag.CREATE);
            Engine again = tracer.attach(t, a, null, AttachFlag.MATCH_OPS);
            assertThat(e.detach()).isEqualTo(ControlResult.DONE);
            assertThat(a.released).hasValue(0);
            e.put();
            assertThat(a.released).hasValue(0);
            again.put();
            assertThat(a.released).hasValue(1);
            assertThatThrownBy(() -> e.control(Action.RESUME)).isInstanceOf(EngineDetachedException.class);
            assertThatThrownBy(() -> e.setEvents(Event.EXEC)).isInstanceOf(EngineDetachedException.class);
            // A fresh engine with the same ops may attach after a detach.
            tracer.attach(t, a, null, AttachFlag.CREATE, AttachFlag.EXCLUSIVE, AttachFlag.MATCH_OPS);
        });
    }
}
