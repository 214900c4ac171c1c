package dev.jutrace.testing.ptrace;

import java.util.List;

/**
 * How one scenario went on one backend: its verdict, why (for a failure or skip), and its
 * transcript.
 */
public record Result(Scenario scenario, Backend backend, Verdict verdict, String why, List<String> transcript) {

    public enum Verdict { PASS, FAIL, SKIP }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** The transcript as one text, a line each, as written to a transcript file. */
    public String transcriptText() {
        return transcript.isEmpty() ? "" : String.join("\n", transcript) + "\n";
    }

    @Override
    public String toString() {
        return scenario.id() + " on " + backend.label() + ": " + verdict + (why == null ? "" : " (" + why + ")");
    }
}
