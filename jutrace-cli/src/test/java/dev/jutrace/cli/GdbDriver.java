package dev.jutrace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the real gdb: against {@code jutrace --gdb 127.0.0.1:0 ... -- PROG} (the port is read
 * from jutrace's stderr), or natively ({@code gdb -ex run}) for comparison. Each process gets
 * its own deadline and is killed when it passes it, so a hang fails the test rather than the build.
 */
final class GdbDriver {
    private GdbDriver() {}

    static final Path GDB = Path.of("/usr/bin/gdb");
    private static final Pattern LISTENING = Pattern.compile("gdb server listening on 127\\.0\\.0\\.1:(\\d+)");

    /** What one run produced: gdb's console, the program's stdout, jutrace's stderr and exit status. */
    record Run(String gdb, String programOut, String jutraceErr, int jutraceExit) {
        List<String> gdbLines() {
            return gdb.lines().toList();
        }
    }

    /** A jutrace started with --gdb, waiting for gdb on {@link #port}. */
    static final class Server implements AutoCloseable {
        final Process process;
        final Path out;
        final Path err;
        final int port;

        Server(Process process, Path out, Path err, int port) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.port = port;
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.ISO_8859_1);
        }

        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.ISO_8859_1);
        }

        int await() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("jutrace did not finish after gdb was done");
            }
            return process.exitValue();
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Starts {@code jutrace --gdb 127.0.0.1:0 jutraceArgs...} and waits until it listens. */
    static Server serve(List<String> jutraceArgs) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jutrace-gdb", ".out");
        Path err = Files.createTempFile("jutrace-gdb", ".err");
        List<String> args = new ArrayList<>(List.of("--gdb", "127.0.0.1:0"));
        args.addAll(jutraceArgs);
        Process p = Jutrace.builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(err, StandardCharsets.ISO_8859_1));
            if (m.find()) return new Server(p, out, err, Integer.parseInt(m.group(1)));
            if (!p.isAlive()) break;
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("jutrace --gdb did not start listening: " + Files.readString(err));
    }

    /** Runs gdb in batch mode on {@code program} with {@code commands} after {@code target remote}. */
    static String gdbRemote(String program, int port, List<String> commands) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(GDB.toString(), "-nx", "-batch", "-ex", "set pagination off",
                "-ex", "set confirm off", "-ex", "file " + program, "-ex", "target remote 127.0.0.1:" + port));
        for (String c : commands) {
            cmd.add("-ex");
            cmd.add(c);
        }
        return runGdb(cmd);
    }

    /** Runs gdb natively on {@code program}: {@code commands} should start the program with run. */
    static String gdbNative(String program, List<String> commands) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(GDB.toString(), "-nx", "-batch", "-ex", "set pagination off",
                "-ex", "set confirm off", "-ex", "file " + program));
        for (String c : commands) {
            cmd.add("-ex");
            cmd.add(c);
        }
        return runGdb(cmd);
    }

    /** A gdb running in the background, for tests that interrupt it as a user's Ctrl-C would. */
    record Background(Process process, Path out) {
        String output() throws IOException {
            return Files.readString(out, StandardCharsets.ISO_8859_1);
        }

        /** Waits until gdb has printed {@code text}. */
        void await(String text) throws IOException, InterruptedException {
            for (int i = 0; i < 600; i++) {
                if (output().contains(text)) return;
                Thread.sleep(50);
            }
            throw new AssertionError("gdb never printed '" + text + "':\n" + output());
        }

        /** Ctrl-C at gdb's terminal: SIGINT to gdb itself, which sends the server its interrupt. */
        void interrupt() throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        }

        String finish() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("gdb did not finish:\n" + output());
                }
                return output();
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }

    static Background gdbRemoteInBackground(String program, int port, List<String> commands) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(GDB.toString(), "-nx", "-batch", "-ex", "set pagination off",
                "-ex", "set confirm off", "-ex", "file " + program, "-ex", "target remote 127.0.0.1:" + port));
        for (String c : commands) {
            cmd.add("-ex");
            cmd.add(c);
        }
        Path out = Files.createTempFile("gdb", ".out");
        Process gdb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        return new Background(gdb, out);
    }

    private static String runGdb(List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("gdb", ".out");
        try {
            Process gdb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!gdb.waitFor(90, TimeUnit.SECONDS)) {
                gdb.descendants().forEach(ProcessHandle::destroyForcibly);
                gdb.destroyForcibly();
                gdb.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("gdb did not finish: " + cmd + "\n" + Files.readString(out));
            }
            return Files.readString(out, StandardCharsets.ISO_8859_1);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** One whole remote session: serve, run gdb, wait for jutrace. */
    static Run session(String program, List<String> jutraceArgs, List<String> commands)
            throws IOException, InterruptedException {
        return session(program, List.of(), jutraceArgs, commands);
    }

    /** As {@link #session(String, List, List)}, with arguments for the program. */
    static Run session(String program, List<String> programArgs, List<String> jutraceArgs, List<String> commands)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(jutraceArgs);
        args.add("--");
        args.add(program);
        args.addAll(programArgs);
        try (Server s = serve(args)) {
            String gdb = gdbRemote(program, s.port, commands);
            int rc = s.await();
            return new Run(gdb, s.stdout(), s.stderr(), rc);
        }
    }

    /** The lines of a gdb transcript that do not depend on where things were loaded. */
    static List<String> stable(String transcript) {
        List<String> out = new ArrayList<>();
        for (String line : transcript.lines().toList()) {
            if (line.startsWith("warning:") || line.startsWith("[Thread debugging") || line.startsWith("Using host libthread_db")
                    || line.startsWith("[Inferior") || line.contains("process ") || line.startsWith("Download")) {
                continue;
            }
            out.add(line.replaceAll("0x[0-9a-f]+", "ADDR"));
        }
        return out;
    }
}
