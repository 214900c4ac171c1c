package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential: on deterministic programs, jutrace reports the same system calls in the same
 * lines as the real strace, once what differs from run to run (addresses, pids, random bytes) is
 * masked. A difference here is a decoding bug or a documented deliberate one.
 */
@Timeout(120)
class StraceComparisonTest {

    private static List<String> strace(String... args) throws Exception {
        Path out = Files.createTempFile("strace", ".out");
        // The program's stdout is a fresh file, as under Jutrace.run: programs fstat it.
        Path stdout = Files.createTempFile("strace", ".stdout");
        try {
            List<String> cmd = new java.util.ArrayList<>(List.of("strace", "-o", out.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(stdout);
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

    /**
     * A dozen deterministic programs, from a bare exit to ls, sh and id with their dynamic
     * loading, locale and NSS files: the whole trace, line for line.
     */
    static Stream<List<String>> programs() {
        return Stream.of(
                List.of("/bin/true"),
                List.of("/bin/echo", "hi"),
                List.of("/bin/cat", "/etc/hostname"),
                List.of("/bin/ls", "/"),
                List.of("/bin/date", "-u", "-d", "@0"),
                List.of("/bin/sh", "-c", "true"),
                List.of("/bin/uname", "-a"),
                List.of("/usr/bin/id"),
                List.of("/usr/bin/env", "-i", "/bin/true"),
                List.of("/usr/bin/head", "-c", "10", "/etc/passwd"),
                List.of("/usr/bin/wc", "-l", "/etc/passwd"),
                List.of(Jutrace.tracee("exit_code"), "3"),
                List.of(Jutrace.tracee("file_loop"), "3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void sameLinesOnceAddressesPidsAndRandomBytesAreMasked(List<String> program) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace is not installed");
        String[] argv = program.toArray(String[]::new);
        assertThat(mask(jutrace(argv))).isEqualTo(mask(strace(argv)));
    }

    /**
     * What differs between two runs of the same program, whoever traces it: addresses (ASLR), the
     * environment's size, pids, getrandom's bytes. The padding before " = " follows the masked
     * text's length, so it is collapsed.
     */
    private static List<String> mask(List<String> lines) {
        return lines.stream()
                .map(l -> l.replaceAll("0x[0-9a-f]{6,}", "ADDR")
                        .replaceAll("/\\* \\d+ vars \\*/", "/* N vars */")
                        .replaceAll("^(set_tid_address|getpid|getppid|gettid)\\((.*)\\) += \\d+$", "$1($2) = PID")
                        .replaceAll("^getrandom\\(\"[^\"]*\"", "getrandom(BYTES")
                        .replaceAll(" +=( |$)", " =$1"))
                .toList();
    }
}
