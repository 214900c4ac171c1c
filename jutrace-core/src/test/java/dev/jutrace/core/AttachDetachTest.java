package dev.jutrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Attaching to a running process and detaching leave it exactly as it was. */
@Timeout(60)
class AttachDetachTest {
    private final Tracer tracer = Tracer.start();
    private int sleeper;
    private Path output;

    @AfterEach
    void close() throws Exception {
        tracer.close();
        if (sleeper > 0) new ProcessBuilder("kill", "-KILL", String.valueOf(sleeper)).start().waitFor();
        if (output != null) Files.deleteIfExists(output);
    }

    /**
     * Starts the process under test as an orphan, the way {@code -p} finds processes: not a child
     * of this JVM, whose process reaper would otherwise wait for it and steal its ptrace stops
     * (the tracer thread shares the JVM's thread group). Its output goes to a file.
     */
    private int startSleeper(int threads) throws Exception {
        output = Files.createTempFile("sleeper", ".out");
        new ProcessBuilder("sh", "-c", "\"$0\" \"$1\" >\"$2\" 2>&1 &",
                Tracees.path("sleeper").toString(), String.valueOf(threads), output.toString())
                .start().waitFor();
        sleeper = Integer.parseInt(awaitLine(0));
        return sleeper;
    }

    /** Waits for line {@code index} of the sleeper's output. */
    private String awaitLine(int index) throws Exception {
        for (int i = 0; i < 1000; i++) {
            List<String> lines = Files.readAllLines(output);
            if (lines.size() > index) return lines.get(index).trim();
            Thread.sleep(10);
        }
        throw new AssertionError("the sleeper never wrote line " + index + ": " + Files.readAllLines(output));
    }

    private static String status(int pid, String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith(field)).findFirst().orElseThrow().substring(field.length()).trim();
    }

    @Test
    void attachSeesEveryThreadAndDetachLeavesTheProcessRunningUntraced() throws Exception {
        int pid = startSleeper(3);
        Recorder r = new Recorder("r", Event.mask(Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT, Event.DEATH));
        List<Task> tasks = tracer.attach(pid, r::attachTo);
        assertThat(tasks).hasSize(4);
        assertThat(status(pid, "TracerPid:")).isNotEqualTo("0");

        // While traced, the process still works: a signal reaches its handler.
        new ProcessBuilder("kill", "-USR1", String.valueOf(pid)).start().waitFor();
        assertThat(awaitLine(1)).isEqualTo("usr1");
        assertThat(r.syscalls).as("the handler's write was reported").contains(1);

        tracer.detachAll();
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
        for (Task t : tasks) {
            assertThat(status(t.tid(), "TracerPid:")).isEqualTo("0");
        }
        assertThat(status(pid, "State:")).startsWith("S");
        new ProcessBuilder("kill", "-USR1", String.valueOf(pid)).start().waitFor();
        assertThat(awaitLine(2)).isEqualTo("usr1");
        assertThat(r.deaths).isEmpty();
    }

    @Test
    void aStoppedProcessStaysStoppedAfterDetach() throws Exception {
        int pid = startSleeper(1);
        new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start().waitFor();
        waitForState(pid, "T");
        Recorder r = new Recorder("r", Event.mask(Event.SYSCALL_ENTRY, Event.JCTL));
        tracer.attach(pid, r::attachTo);
        tracer.detachAll();
        assertThat(tracer.awaitNoTasks(10, TimeUnit.SECONDS)).isTrue();
        assertThat(status(pid, "TracerPid:")).isEqualTo("0");
        // PTRACE_DETACH kicks the thread so it re-enters its job-control stop: it may be seen
        // running for an instant on its way back. It must get there, and stay.
        waitForState(pid, "T");
        Thread.sleep(100);
        assertThat(status(pid, "State:")).startsWith("T");
        new ProcessBuilder("kill", "-CONT", String.valueOf(pid)).start().waitFor();
        waitForState(pid, "S");
    }

    @Test
    void attachToAMissingPidFailsWithAClearMessage() {
        assertThatThrownBy(() -> tracer.attach(999_999_99, t -> { }))
                .isInstanceOf(TraceException.class)
                .hasMessageContaining("999999")
                .hasMessageContaining("No such process");
    }

    private static void waitForState(int pid, String state) throws Exception {
        for (int i = 0; i < 500; i++) {
            if (status(pid, "State:").startsWith(state)) return;
            Thread.sleep(10);
        }
        throw new AssertionError("process " + pid + " never reached state " + state + ": " + status(pid, "State:"));
    }
}
