package dev.jutrace.testing.conformance;

/** How a case ended. */
public sealed interface Outcome {
    record Passed() implements Outcome {}

    record Failed(String why) implements Outcome {}

    record Skip(String why) implements Outcome {}
}
