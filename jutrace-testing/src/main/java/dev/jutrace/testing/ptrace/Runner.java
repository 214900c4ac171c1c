package dev.jutrace.testing.ptrace;

import dev.jutrace.ptrace.Ptrace;
import dev.jutrace.sys.ErrnoException;
import dev.jutrace.sys.Libc;
import dev.jutrace.testing.Tracees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario on a backend in a thread of its own: the kernel backend makes its creating
 * thread the tracer, and that thread must not be shared with another script. A scenario that
 * outlives its timeout has its tasks killed, which ends any wait it is stuck in. Whatever the
 * outcome, the runner then kills every task the scenario met that is still alive (a backend's
 * close may leave detached tasks running, as PTRACE_DETACH would) and reaps those that are this
 * process's children; a task it cannot get rid of makes the scenario fail.
 */
public final class Runner {
    /** Long enough for the slowest scenario (two one-second sleeps) on a loaded machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final long LEFTOVER_GRACE_MILLIS = 2000;

    private Runner() {}

    public static Result run(Scenario scenario, Backend backend) {
        return run(scenario, backend, DEFAULT_TIMEOUT);
    }

    public static Result run(Scenario scenario, Backend backend, Duration timeout) {
        Path zoo = Tracees.path("zoo");
        Transcript transcript = new Transcript();
        Result.Verdict[] verdict = {Result.Verdict.FAIL};
        String[] why = {"did not finish"};
        Thread thread = Thread.ofPlatform().name("ptrace-scenario " + scenario.id()).unstarted(() -> {
            try (Ptrace p = backend.open()) {
                scenario.body().run(new Script(p, transcript, zoo, backend));
                verdict[0] = Result.Verdict.PASS;
                why[0] = null;
            } catch (ScenarioSkipped e) {
                verdict[0] = Result.Verdict.SKIP;
                why[0] = e.getMessage();
            } catch (ScenarioFailed | ErrnoException e) {
                why[0] = e.getMessage();
            } catch (Throwable e) {
                why[0] = e.toString();
            }
        });
        thread.start();
        boolean timedOut = !join(thread, timeout.toMillis());
        if (timedOut) {
            // The scenario is stuck, most likely in a wait: killing its tasks gives that wait a
            // report, and the interrupt ends a sleep.
            for (int pid : transcript.pids()) Libc.killRaw(pid, Libc.SIGKILL);
            thread.interrupt();
            join(thread, 10_000);
        }
        List<String> lines = new ArrayList<>(transcript.lines());
        String left = cleanUp(transcript);
        if (timedOut) {
            return new Result(scenario, backend, Result.Verdict.FAIL, "timed out after " + timeout.toSeconds() + " s"
                    + (lines.isEmpty() ? "" : ", last line: " + lines.getLast()), lines);
        }
        if (left != null) {
            String before = why[0] == null ? "" : why[0] + "; ";
            return new Result(scenario, backend, Result.Verdict.FAIL, before + "left behind: " + left, lines);
        }
        return new Result(scenario, backend, verdict[0], why[0], lines);
    }

    private static boolean join(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /**
     * Kills what is left of the scenario's tasks and reaps this process's zombies among them;
     * returns those still there after a grace period, or null.
     */
    private static String cleanUp(Transcript transcript) {
        long deadline = System.currentTimeMillis() + LEFTOVER_GRACE_MILLIS;
        int self = Libc.getpid();
        while (true) {
            List<String> left = new ArrayList<>();
            for (int pid : transcript.pids()) {
                char state = Script.state(pid);
                if (state == 0) continue;
                if (state == 'Z') {
                    if (parent(pid) != self) continue;
                    // Any thread of this process may reap a child whose parent thread has ended.
                    Libc.waitpidRaw(pid, Libc.WALL | Libc.WNOHANG);
                } else {
                    Libc.killRaw(pid, Libc.SIGKILL);
                }
                if (Script.state(pid) == 0) continue;
                left.add(transcript.knownPid(pid) + " (" + state + ")");
            }
            if (left.isEmpty()) return null;
            if (System.currentTimeMillis() > deadline) return String.join(", ", left);
            Script.pause(10);
        }
    }

    private static int parent(int pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("PPid:")) return Integer.parseInt(line.substring(5).trim());
            }
        } catch (IOException | NumberFormatException e) {
            // gone meanwhile
        }
        return 0;
    }
}
