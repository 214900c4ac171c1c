package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** -x, -xx and -X on const_style, line for line against real strace. */
@Timeout(120)
class StringAndConstOptionsTest {

    /** Calls the dynamic linker and const_style make, the same in every run but for addresses. */
    private static final String CALLS = "trace=openat,write,lseek,socket,mmap,access,fcntl";

    /** Addresses vary from run to run; -X raw's short numbers do not, so only long ones are masked. */
    private static List<String> mask(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("0x[0-9a-f]{8,}", "0xADDR")).toList();
    }

    private static void sameAsStrace(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("-e", CALLS, Jutrace.tracee("const_style")));
        String[] a = args.toArray(String[]::new);
        List<String> expected = mask(FilterOptionsTest.strace(a));
        assertThat(expected).as("strace's lines").isNotEmpty();
        assertThat(mask(FilterOptionsTest.jutrace(a))).isEqualTo(expected);
    }

    @Test
    void stringsInHex() throws Exception {
        sameAsStrace("-x");
        sameAsStrace("-xx");
        sameAsStrace("--strings-in-hex=non-ascii");
    }

    @Test
    void constantsRawAndVerbose() throws Exception {
        sameAsStrace("-X", "raw");
        sameAsStrace("-X", "verbose");
        sameAsStrace("--const-print-style=abbrev");
    }
}
