package dev.jutrace.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tracee programs compiled from {@code jutrace-testing/src/main/c}, one executable per
 * {@code .c} file, named after it ({@code syscall_loop}, {@code forker}, …).
 *
 * <p>The build compiles them into {@code <root>/target/tracees} and surefire passes that directory
 * to every test as the system property {@value #PROPERTY}. A test run some other way (an IDE, a
 * bare {@code java}) must set it too, e.g. {@code -Djutrace.tracees=/path/to/jutrace/target/tracees}
 * after {@code jutrace-testing/src/main/c/build.sh /path/to/jutrace/target/tracees}.
 */
public final class Tracees {
    /** The system property naming the directory that holds the compiled tracees. */
    public static final String PROPERTY = "jutrace.tracees";

    private Tracees() {}

    /**
     * Returns the absolute path of the compiled tracee {@code name}.
     *
     * @param name the program's name, its C file's name without {@code .c}
     * @throws IllegalArgumentException if {@code name} is empty or holds a {@code /}
     * @throws IllegalStateException if {@value #PROPERTY} is unset, or names no directory, or the
     *     directory holds no executable {@code name}; the message says which, and how to fix it
     */
    public static Path path(String name) {
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("not a tracee name: \"" + name + "\"");
        }
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            if (Boolean.getBoolean(BUILD_PROPERTY)) return built(name);
            throw new IllegalStateException("system property " + PROPERTY + " is not set; it names"
                    + " the directory of compiled tracees (surefire sets it to <root>/target/tracees;"
                    + " elsewhere pass -D" + PROPERTY + "=DIR after running"
                    + " jutrace-testing/src/main/c/build.sh DIR)");
        }
        Path root = Path.of(dir).toAbsolutePath();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(PROPERTY + "=" + dir + " is not a directory; build the"
                    + " tracees with jutrace-testing/src/main/c/build.sh " + root);
        }
        Path program = root.resolve(name);
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException("no tracee \"" + name + "\" in " + root + " ("
                    + PROPERTY + "); is there a " + name + ".c in jutrace-testing/src/main/c, and"
                    + " has build.sh run since it was added?");
        }
        return program;
    }

    /**
     * When true and {@value #PROPERTY} is unset, tracees are compiled on first use from the sources
     * bundled in this jar, with the machine's {@code cc}: how {@code jutrace selftest} gets them on
     * a user's machine.
     */
    public static final String BUILD_PROPERTY = "jutrace.tracees.build";

    /** No C compiler, or the build failed: the cases that need tracees cannot run here. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private static final List<String> SOURCES = List.of("tracee.h", "syscall_loop.c", "exit_code.c",
            "forker.c", "sleeper.c", "file_loop.c", "thread_loop.c", "sigchld.c", "signals.c", "killer.c", "exec_storm.c", "leader_exit.c",
            "zoo.c");

    private static Path builtDir;

    private static synchronized Path built(String name) {
        if (builtDir == null) builtDir = buildBundled();
        Path program = builtDir.resolve(name);
        if (!Files.isExecutable(program)) throw new Unavailable("no tracee \"" + name + "\" was built");
        return program;
    }

    private static Path buildBundled() {
        try {
            Path dir = Files.createTempDirectory("jutrace-tracees");
            for (String file : SOURCES) {
                try (InputStream in = Tracees.class.getResourceAsStream("c/" + file)) {
                    if (in == null) continue;
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String file : SOURCES) {
                if (!file.endsWith(".c") || !Files.exists(dir.resolve(file))) continue;
                String out = dir.resolve(file.substring(0, file.length() - 2)).toString();
                Process cc;
                try {
                    cc = new ProcessBuilder("cc", "-O1", "-pthread", "-o", out, dir.resolve(file).toString())
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                } catch (IOException e) {
                    throw new Unavailable("no C compiler (cc) to build the tracee programs");
                }
                if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
                    throw new Unavailable("cc failed to build " + file);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while building tracees");
        }
    }
}
