package dev.jutrace.testing.ptrace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every ptrace scenario, in the order the table prints them. */
public final class Scenarios {
    private Scenarios() {}

    private static final List<Scenario> ALL = build();

    private static List<Scenario> build() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(AttachScenarios.all());
        all.addAll(SignalScenarios.all());
        all.addAll(EventScenarios.all());
        all.addAll(StepScenarios.all());
        all.addAll(RegisterScenarios.all());
        all.addAll(SpecScenarios.all());
        all.addAll(PhaseTwoScenarios.all());
        // Survey scenarios first, then the spec's cases, the survey's phase 2, the negative
        // control, the hardware extras.
        all.sort(java.util.Comparator.comparing((Scenario s) -> "scpnx".indexOf(s.id().charAt(0)))
                .thenComparing(Scenario::id));
        return List.copyOf(all);
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static Optional<Scenario> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
