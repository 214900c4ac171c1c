package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** -c, -C, -w, -S and -U: strace's summary table, with the same rows and counts as strace's. */
@Timeout(120)
class SummaryOptionsTest {

    /** The rows' names, calls and errors: the columns that do not depend on timing. */
    private static List<String> counts(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("^ *[0-9.]+ +[0-9.]+ +\\d+ +", "")).toList();
    }

    @Test
    void summaryOnlyCountsWhatStraceCounts() throws Exception {
        String prog = Jutrace.tracee("fd_ops");
        List<String> expected = FilterOptionsTest.strace("-c", "-S", "name", prog, "/etc/passwd");
        List<String> actual = FilterOptionsTest.jutrace("-c", "-S", "name", prog, "/etc/passwd");
        assertThat(actual.get(0)).isEqualTo("% time     seconds  usecs/call     calls    errors syscall");
        assertThat(actual.get(1)).isEqualTo(expected.get(1));
        assertThat(counts(actual)).isEqualTo(counts(expected));
        assertThat(actual.getLast()).matches("100\\.00 +\\d+\\.\\d{6} +\\d+ +\\d+ +2 total");
    }

    @Test
    void wallClockAndColumnsAndSorting() throws Exception {
        String prog = Jutrace.tracee("fd_ops");
        List<String> args = List.of("-c", "-w", "-S", "calls", "-U", "calls,errors,name", prog, "/etc/passwd");
        assertThat(FilterOptionsTest.jutrace(args.toArray(String[]::new)))
                .isEqualTo(FilterOptionsTest.strace(args.toArray(String[]::new)));
    }

    @Test
    void summaryWithTraceFollowsTheTrace() throws Exception {
        List<String> lines = FilterOptionsTest.jutrace("-C", "-e", "trace=getppid", Jutrace.tracee("syscall_loop"), "3");
        assertThat(lines.subList(0, 4)).allMatch(l -> l.startsWith("getppid()") || l.equals("+++ exited with 0 +++"));
        assertThat(lines.get(4)).startsWith("% time");
        assertThat(lines.get(6)).matches(" *\\d+\\.\\d\\d +\\d+\\.\\d{6} +\\d+ +3 +getppid");
    }
}
