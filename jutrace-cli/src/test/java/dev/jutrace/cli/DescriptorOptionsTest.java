package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** -y, -yy, -P and --trace-fds on fd_ops, against real strace where its lines are deterministic. */
@Timeout(120)
class DescriptorOptionsTest {

    /** Inodes and ports vary; strace's unix peers come from netlink, which jutrace does not read. */
    private static List<String> mask(List<String> lines) {
        return FilterOptionsTest.mask(lines).stream()
                .map(l -> l.replaceAll("(UNIX-STREAM:\\[\\d+)->\\d+]", "$1]").replaceAll("\\b\\d{4,}\\b", "N")
                        .replaceAll("\\) +=", ") ="))
                .toList();
    }

    private static void sameAsStrace(String... args) throws Exception {
        assertThat(mask(FilterOptionsTest.jutrace(args))).isEqualTo(mask(FilterOptionsTest.strace(args)));
    }

    @Test
    void pathsOfDescriptorsAndTheWorkingDirectory() throws Exception {
        String prog = Jutrace.tracee("fd_ops");
        sameAsStrace("-y", "-e", "trace=openat,read,close,newfstatat", prog, "/etc/passwd");
        List<String> lines = FilterOptionsTest.jutrace("-y", "-e", "trace=openat,read,close", prog, "/etc/passwd");
        assertThat(lines).contains("read(3</etc/passwd>, \"root\", 4)         = 4",
                "close(3</etc/passwd>)                   = 0", "read(10</etc/passwd>, \":x:0\", 4)        = 4");
        assertThat(lines).anyMatch(l -> l.matches("openat\\(AT_FDCWD</.*>, \"/etc/passwd\", O_RDONLY\\) = 3</etc/passwd>"));
    }

    @Test
    void socketEndpointsAndDevices() throws Exception {
        String prog = Jutrace.tracee("fd_ops");
        sameAsStrace("-yy", "-e", "trace=read,write,close", prog, "/etc/passwd");
        List<String> lines = FilterOptionsTest.jutrace("-yy", "-e", "trace=accept,write", prog, "/etc/passwd");
        assertThat(lines).anyMatch(l -> l.matches("accept\\(.*\\) += 5<TCP:\\[127\\.0\\.0\\.1:\\d+->127\\.0\\.0\\.1:\\d+]>"));
        assertThat(lines).anyMatch(l -> l.matches("write\\(3<UNIX-STREAM:\\[\\d+]>, \"y\", 1\\) += 1"));
    }

    @Test
    void traceOnlyCallsTouchingAPath() throws Exception {
        String prog = Jutrace.tracee("fd_ops");
        sameAsStrace("-P", "/etc/passwd", prog, "/etc/passwd");
        sameAsStrace("-P", "/etc/passwd", "-y", prog, "/etc/passwd");
        sameAsStrace("-P", "/nonexistent/fd_ops", "-P", "/etc/passwd", prog, "/etc/passwd");
    }

    @Test
    void descriptorsStayTrueUnderASeccompFilter() throws Exception {
        // -f with a trace set runs the tracee under seccomp; close and dup2 must still be seen.
        List<String> lines = FilterOptionsTest.jutrace("-f", "-y", "-e", "trace=read", Jutrace.tracee("fd_ops"), "/etc/passwd")
                .stream().map(l -> l.replaceFirst("^\\d+ +", "").replaceAll("\\) +=", ") =")).toList();
        assertThat(lines).contains("read(3</etc/passwd>, \"root\", 4) = 4", "read(10</etc/passwd>, \":x:0\", 4) = 4");
        assertThat(lines).anyMatch(l -> l.matches("read\\(5<socket:\\[\\d+]>, \"x\", 1\\) += 1"));
    }

    @Test
    void traceOnlyCallsOnDescriptors() throws Exception {
        List<String> lines = FilterOptionsTest.jutrace("--trace-fds=10", Jutrace.tracee("fd_ops"), "/etc/passwd");
        assertThat(lines).containsExactly("dup2(3, 10)                             = 10",
                "read(10, \":x:0\", 4)                     = 4", "close(10)                               = 0",
                "+++ exited with 0 +++");
        assertThat(FilterOptionsTest.jutrace("-e", "trace-fds=none", "true")).hasSize(1);
    }
}
