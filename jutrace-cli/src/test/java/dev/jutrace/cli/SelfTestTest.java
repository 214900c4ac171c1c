package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code jutrace selftest} builds its tracees from the bundled sources and runs every case. */
@Timeout(180)
class SelfTestTest {

    @Test
    void everyCasePassesAndTheSummaryCountsThem() throws Exception {
        Jutrace.Result r = Jutrace.run("selftest");
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.getLast()).matches("\\d+ passed, 0 failed");
        int passed = Integer.parseInt(lines.getLast().split(" ")[0]);
        assertThat(lines).hasSize(passed + 1);
        assertThat(lines.subList(0, passed)).allMatch(l -> l.matches(" *\\d+  .* pass.*"));
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void oneCaseByNumber() throws Exception {
        Jutrace.Result r = Jutrace.run("selftest", "--case", "9");
        assertThat(r.stdout().lines().toList()).hasSize(2).last().isEqualTo("1 passed, 0 failed");
    }
}
