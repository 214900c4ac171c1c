package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Differential: on a deterministic program, jutrace reports the same sequence of system calls,
 * and the same lines once addresses and pids are masked, as the real strace.
 */
@Timeout(120)
class StraceComparisonTest {

    private static List<String> strace(String... args) throws Exception {
        Path out = Files.createTempFile("strace", ".out");
        try {
            List<String> cmd = new java.util.ArrayList<>(List.of("strace", "-o", out.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static List<String> jutrace(String... args) throws Exception {
        Path out = Files.createTempFile("jutrace", ".out");
        try {
            List<String> all = new java.util.ArrayList<>(List.of("-o", out.toString()));
            all.addAll(List.of(args));
            Jutrace.run(all.toArray(String[]::new));
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String name(String line) {
        int paren = line.indexOf('(');
        return paren < 0 ? line : line.substring(0, paren);
    }

    @Test
    void sameSyscallSequenceAsStrace() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        String prog = Jutrace.tracee("syscall_loop");
        List<String> expected = strace(prog, "5").stream().map(StraceComparisonTest::name).toList();
        List<String> actual = jutrace(prog, "5").stream().map(StraceComparisonTest::name).toList();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void sameLinesOnceAddressesAreMasked() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        String prog = Jutrace.tracee("exit_code");
        List<String> expected = mask(strace(prog, "3"));
        List<String> actual = mask(jutrace(prog, "3"));
        // The tail is program code, past the dynamic loader, and decodes with the first decoders.
        int from = expected.indexOf(expected.stream().filter(l -> l.startsWith("exit_group")).findFirst().orElseThrow());
        assertThat(actual.subList(actual.size() - (expected.size() - from), actual.size()))
                .isEqualTo(expected.subList(from, expected.size()));
        assertThat(actual.getFirst()).isEqualTo(expected.getFirst());
    }

    private static List<String> mask(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("0x[0-9a-f]+", "0xADDR").replaceAll("/\\* \\d+ vars \\*/", "/* N vars */"))
                .toList();
    }
}
