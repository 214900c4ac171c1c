package dev.jutrace.testing.ptrace;

/** The scenario cannot run on this machine, for the given reason (hardware, kernel, privilege). */
final class ScenarioSkipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScenarioSkipped(String why) {
        super(why);
    }
}
