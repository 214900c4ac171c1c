package dev.jutrace.cli;

import dev.jutrace.testing.Tracees;
import dev.jutrace.testing.ptrace.Backend;
import dev.jutrace.testing.ptrace.Result;
import dev.jutrace.testing.ptrace.Runner;
import dev.jutrace.testing.ptrace.Scenario;
import dev.jutrace.testing.ptrace.Scenarios;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jutrace selftest ptrace}: runs the ptrace scenarios on the kernel's ptrace, on the
 * engine facade, or on both, where a scenario passes only if both pass and their transcripts are
 * equal. {@code engine-with-counter} is the facade with a syscall-counting engine beside it on
 * every task, and {@code all} compares both engine variants with the kernel. Prints a table, the
 * reasons of failures, the first differing lines of transcripts, and {@code N passed, M failed}.
 */
@Command(name = "ptrace", mixinStandardHelpOptions = true,
        description = "Run the ptrace scenarios on the kernel's ptrace and/or the engine facade.")
final class SelfTestPtrace implements Callable<Integer> {

    @Option(names = "--backend", paramLabel = "B",
            description = "kernel, engine, both (default), engine-with-counter, or all three.")
    String backend = "both";

    @Option(names = "--transcript", paramLabel = "DIR",
            description = "Write each scenario's transcript to DIR/SCENARIO.BACKEND.txt.")
    String transcriptDir;

    @Option(names = "--scenario", paramLabel = "ID", description = "Run only scenario ID (repeatable).")
    List<String> only = new ArrayList<>();

    private final PrintStream out;

    SelfTestPtrace(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        List<Backend> backends = switch (backend) {
            case "kernel" -> List.of(Backend.KERNEL);
            case "engine" -> List.of(Backend.ENGINE);
            case "both" -> List.of(Backend.KERNEL, Backend.ENGINE);
            case "engine-with-counter" -> List.of(Backend.ENGINE_WITH_COUNTER);
            case "all" -> List.of(Backend.KERNEL, Backend.ENGINE, Backend.ENGINE_WITH_COUNTER);
            default -> throw new Main.UsageError("--backend must be kernel, engine or both, not '" + backend + "'");
        };
        List<Scenario> scenarios = new ArrayList<>();
        for (String id : only) {
            scenarios.add(Scenarios.byId(id).orElseThrow(() -> new Main.UsageError("no ptrace scenario '" + id + "'")));
        }
        if (scenarios.isEmpty()) scenarios.addAll(Scenarios.all());
        Path dir = transcriptDir == null ? null : directory(transcriptDir);
        if (System.getProperty(Tracees.PROPERTY) == null) System.setProperty(Tracees.BUILD_PROPERTY, "true");
        try {
            Tracees.path("zoo");
        } catch (Tracees.Unavailable | IllegalStateException e) {
            throw new Main.UsageError("cannot build the tracee zoo: " + e.getMessage());
        }

        int width = scenarios.stream().mapToInt(s -> s.id().length()).max().orElse(8);
        StringBuilder header = new StringBuilder(pad("scenario", width));
        int cellWidth = backends.stream().mapToInt(b -> b.label().length()).max().orElse(6);
        for (Backend b : backends) header.append("  ").append(pad(b.label(), cellWidth));
        if (backends.size() > 1) header.append("  transcripts");
        out.println(header.toString().stripTrailing());
        out.flush();
        int passed = 0, failed = 0, skipped = 0;
        List<String> notes = new ArrayList<>();
        for (Scenario s : scenarios) {
            StringBuilder row = new StringBuilder(pad(s.id(), width));
            List<Result> results = new ArrayList<>();
            for (Backend b : backends) {
                Result r = Runner.run(s, b);
                results.add(r);
                row.append("  ").append(pad(cell(r), cellWidth));
                if (r.verdict() == Result.Verdict.FAIL) notes.add(r.toString());
                if (dir != null) write(dir.resolve(s.id() + "." + b.label() + ".txt"), r.transcriptText());
            }
            boolean same = true;
            if (results.size() > 1) {
                // Every engine variant against the kernel, which is the reference.
                for (Result other : results.subList(1, results.size())) {
                    String difference = firstDifference(results.getFirst(), other);
                    if (difference != null) {
                        same = false;
                        notes.add(difference);
                    }
                }
                row.append("  ").append(same ? "same" : "DIFFER");
            }
            boolean allSkipped = results.stream().allMatch(r -> r.verdict() == Result.Verdict.SKIP);
            boolean anyFailed = results.stream().anyMatch(r -> r.verdict() == Result.Verdict.FAIL);
            if (anyFailed || !same) {
                failed++;
            } else if (allSkipped) {
                skipped++;
                notes.add(s.id() + ": skipped: " + results.getFirst().why());
            } else {
                passed++;
            }
            out.println(row.toString().stripTrailing());
            out.flush();
        }
        for (String note : notes) out.println(note);
        out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        return failed == 0 ? 0 : 1;
    }

    private static String cell(Result r) {
        return switch (r.verdict()) {
            case PASS -> "pass";
            case FAIL -> "FAIL";
            case SKIP -> "skip";
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** The first line where two transcripts part, with both versions; null when they are equal. */
    static String firstDifference(Result a, Result b) {
        List<String> x = a.transcript(), y = b.transcript();
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String l = i < x.size() ? x.get(i) : "(end of transcript)";
            String r = i < y.size() ? y.get(i) : "(end of transcript)";
            if (!l.equals(r)) {
                return a.scenario().id() + ": transcripts differ at line " + (i + 1) + ":\n"
                        + "  " + a.backend().label() + ": " + l + "\n"
                        + "  " + b.backend().label() + ": " + r;
            }
        }
        return null;
    }

    private static Path directory(String name) {
        Path dir = Path.of(name);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Main.UsageError("--transcript " + name + ": not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Main.UsageError("--transcript " + name + ": cannot create the directory (" + e.getMessage() + ")");
        }
        return dir;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
