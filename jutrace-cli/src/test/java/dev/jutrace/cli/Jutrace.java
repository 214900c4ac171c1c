package dev.jutrace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code jutrace} command in its own JVM, as a user would, from the module path
 * this test runs on. Public for the golden tests in {@code dev.jutrace.cli.golden}.
 */
public final class Jutrace {
    private Jutrace() {}

    public record Result(int exitCode, String stdout, String stderr) {
        public List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    public static ProcessBuilder builder(List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath == null) throw new IllegalStateException("tests must run on the module path");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xshare:auto",
                "--enable-native-access=dev.jutrace.sys", "-p", modulePath, "-m", "dev.jutrace.cli/dev.jutrace.cli.Main"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd);
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jutrace", ".out");
        Path err = Files.createTempFile("jutrace", ".err");
        try {
            Process p = builder(List.of(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("jutrace did not finish: " + List.of(args));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public static String tracee(String name) {
        return Path.of(System.getProperty("jutrace.tracees"), name).toString();
    }
}
