package dev.jutrace.cli;

import dev.jutrace.testing.Tracees;
import dev.jutrace.testing.conformance.Case;
import dev.jutrace.testing.conformance.Conformance;
import dev.jutrace.testing.conformance.Outcome;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jutrace selftest}: runs the engine layer's conformance cases on this machine, whose
 * kernel, container and seccomp profile may differ from ours, and prints one line per case.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Run the engine layer's conformance cases (utrace-spec §5) on this machine.")
final class SelfTest implements Callable<Integer> {

    @Option(names = "--case", paramLabel = "N", description = "Run only case N (repeatable).")
    java.util.List<Integer> only = new java.util.ArrayList<>();

    private final PrintStream out;

    SelfTest(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (System.getProperty(Tracees.PROPERTY) == null) System.setProperty(Tracees.BUILD_PROPERTY, "true");
        int passed = 0, failed = 0, skipped = 0;
        String lastSkip = null;
        for (Case c : Conformance.cases()) {
            if (!only.isEmpty() && !only.contains(c.number())) continue;
            Outcome o = Conformance.run(c);
            String verdict = switch (o) {
                case Outcome.Passed p -> {
                    passed++;
                    yield c.deviation() == null ? "pass" : "pass (closest behaviour; see DEVIATIONS.md)";
                }
                case Outcome.Failed f -> {
                    failed++;
                    yield "FAIL: " + f.why();
                }
                case Outcome.Skip s -> {
                    skipped++;
                    lastSkip = s.why();
                    yield "skip: " + s.why();
                }
            };
            out.printf("%3d  %-90s %s%n", c.number(), c.title(), verdict);
            out.flush();
        }
        out.print(passed + " passed, " + failed + " failed");
        if (skipped > 0) out.print(", " + skipped + " skipped (" + lastSkip + ")");
        out.println();
        return failed == 0 ? 0 : 1;
    }
}
