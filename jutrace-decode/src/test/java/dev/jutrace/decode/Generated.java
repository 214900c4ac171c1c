package dev.jutrace.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a generator script from src/main/scripts on a copy of the table it writes, and checks
 * that the copy comes out byte for byte as committed. Skips, saying why, when the machine lacks
 * the kernel header or the tools the script needs.
 */
final class Generated {

    static final Path SCRIPTS = Path.of("src/main/scripts");
    static final Path RESOURCES = Path.of("src/main/resources/dev/jutrace/decode");

    private Generated() {}

    static void assertRegeneratesTheSame(String script, String table, Path input, String... tools)
            throws IOException, InterruptedException {
        assumeTrue(Files.isReadable(input), "skip: " + input + " is not on this machine");
        for (String tool : tools) {
            assumeTrue(onPath(tool), "skip: " + tool + " is not installed");
        }
        Path committed = RESOURCES.resolve(table);
        Path copy = Files.createTempFile("jutrace-" + table, ".tmp");
        try {
            Files.copy(committed, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(List.of("sh", SCRIPTS.resolve(script).toString()));
            command.add(input.toString());
            command.add(copy.toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as("%s said: %s", script, output).isZero();
            assertThat(Files.readString(copy))
                    .as("%s is out of date; run %s", committed, SCRIPTS.resolve(script))
                    .isEqualTo(Files.readString(committed));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
