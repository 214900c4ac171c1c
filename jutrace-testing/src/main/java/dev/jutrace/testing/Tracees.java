package dev.jutrace.testing;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
