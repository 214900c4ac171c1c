package dev.jutrace.testing.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The whole suite: every case of utrace-spec §5 that the engine layer answers, in number order. */
public final class Conformance {
    private Conformance() {}

    public static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.addAll(EngineCases.cases());
        all.addAll(ActionCases.cases());
        all.addAll(SyscallCases.cases());
        all.addAll(SignalCases.cases());
        all.addAll(LifecycleCases.cases());
        all.sort(Comparator.comparingInt(Case::number).thenComparing(Case::title));
        return all;
    }

    /** Runs one case with a fresh fixture. */
    public static Outcome run(Case c) {
        try (Fixture f = new Fixture()) {
            c.body().run(f);
            return new Outcome.Passed();
        } catch (Skipped s) {
            return new Outcome.Skip(s.getMessage());
        } catch (CheckFailed e) {
            return new Outcome.Failed(e.getMessage());
        } catch (Throwable t) {
            return new Outcome.Failed(t.toString());
        }
    }
}
