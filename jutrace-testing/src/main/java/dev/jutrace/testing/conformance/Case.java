package dev.jutrace.testing.conformance;

/**
 * One conformance case, numbered after utrace-spec §5.
 *
 * @param number the spec's case number
 * @param title what the case shows, in a line
 * @param deviation null, or the docs/DEVIATIONS.md heading this case tests the closest behaviour of
 * @param body the case itself; it fails by throwing {@link CheckFailed} and skips by throwing
 *     {@link Skipped}
 */
public record Case(int number, String title, String deviation, Body body) {

    /** The body of a case, given a fresh fixture. */
    @FunctionalInterface
    public interface Body {
        void run(Fixture fixture) throws Exception;
    }

    public static Case of(int number, String title, Body body) {
        return new Case(number, title, null, body);
    }

    public static Case deviation(int number, String title, String deviation, Body body) {
        return new Case(number, title, deviation, body);
    }
}
