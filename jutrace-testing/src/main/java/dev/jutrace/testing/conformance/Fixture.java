package dev.jutrace.testing.conformance;

import dev.jutrace.core.Task;
import dev.jutrace.core.Tracer;
import dev.jutrace.testing.Tracees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** What a case runs with: a fresh tracer, the tracee programs, and checks that fail with a message. */
public final class Fixture implements AutoCloseable {
    private final Tracer tracer = Tracer.start("jutrace-conformance");

    public Tracer tracer() {
        return tracer;
    }

    /** Spawns a tracee program; {@code onStart} runs on the tracer thread before its exec. */
    public Task spawn(String tracee, List<String> args, Consumer<Task> onStart) {
        Path program;
        try {
            program = Tracees.path(tracee);
        } catch (Tracees.Unavailable e) {
            throw new Skipped(e.getMessage());
        }
        List<String> argv = new java.util.ArrayList<>();
        argv.add(tracee);
        argv.addAll(args);
        // Tracee chatter (the sleeper prints its pid) must not reach the selftest table.
        return tracer.spawn(program, argv, System.getenv(), Path.of("/dev/null"), onStart);
    }

    /** Waits until every traced task is gone. */
    public void awaitGone() throws InterruptedException {
        check(tracer.awaitNoTasks(20, TimeUnit.SECONDS), "the tracees did not finish within 20 s");
    }

    public void await(CountDownLatch latch, String what) throws InterruptedException {
        check(latch.await(20, TimeUnit.SECONDS), "timed out waiting for " + what);
    }

    /** Waits for {@code condition}, polling; fails after 10 s. */
    public void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(10);
        }
        throw new CheckFailed("timed out waiting for " + what);
    }

    /** The one-letter scheduler state of a thread, from /proc ('t' is a ptrace stop). */
    public static String state(int tid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + tid + "/status")).stream()
                    .filter(l -> l.startsWith("State:")).findFirst().orElseThrow()
                    .substring(6).trim().substring(0, 1);
        } catch (Exception e) {
            return "gone";
        }
    }

    public static void check(boolean condition, String message) {
        if (!condition) throw new CheckFailed(message);
    }

    public static void checkEquals(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new CheckFailed(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** Runs {@code body}, which must throw {@code type}. */
    public static void checkThrows(Class<? extends Throwable> type, Runnable body, String what) {
        try {
            body.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) return;
            throw new CheckFailed(what + ": expected " + type.getSimpleName() + " but got " + t);
        }
        throw new CheckFailed(what + ": expected " + type.getSimpleName() + " but nothing was thrown");
    }

    /**
     * Kills whatever a case left traced before closing the tracer: a tracee left running would
     * outlive the run and hold the test's output pipes open.
     */
    @Override
    public void close() {
        try {
            for (Task t : tracer.tasks()) dev.jutrace.sys.Libc.killRaw(t.tgid(), dev.jutrace.sys.Libc.SIGKILL);
            tracer.awaitNoTasks(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tracer.close();
        }
    }
}
