package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.decode.DecodeOptions;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class ExecveTest {

    private static final long ENOENT = -2, EFAULT = -14;
    private final Lines lines = new Lines();
    private final long program = lines.memory.putString(0x1000, "/nonexistent");
    private long next = 0x100000;

    /** Lays out strings and a NULL-terminated pointer array to them; returns the array. */
    private long array(Lines in, String... strings) {
        long[] pointers = new long[strings.length + 1];
        for (int i = 0; i < strings.length; i++) {
            pointers[i] = in.memory.putString(next, strings[i]);
            next += 0x100;
        }
        long at = in.memory.putLongs(next, pointers);
        next += 0x1000;
        return at;
    }

    @Test
    void lsAsAShellRunsIt() {
        long path = lines.memory.putString(0x2000, "/usr/bin/ls");
        long argv = array(lines, "ls", "/");
        long envp = lines.memory.putLongs(0x7fffc391d678L, longs(35));
        assertThat(lines.line("execve", 0, path, argv, envp))
                .isEqualTo("execve(\"/usr/bin/ls\", [\"ls\", \"/\"], 0x7fffc391d678 /* 35 vars */) = 0");
    }

    @Test
    void moreThanThirtyTwoArgumentsEndInAnEllipsis() {
        long env = array(lines, "A=1", "B=2");
        long argv39 = array(lines, IntStream.range(0, 39).mapToObj(i -> "a" + i).toArray(String[]::new));
        String first32 = IntStream.range(0, 32).mapToObj(i -> "\"a" + i + "\"").collect(Collectors.joining(", "));
        assertThat(lines.line("execve", ENOENT, program, argv39, env)).isEqualTo("execve(\"/nonexistent\", [" + first32
                + ", ...], 0x" + Long.toHexString(env) + " /* 2 vars */) = -1 ENOENT (No such file or directory)");
        long argv32 = array(lines, IntStream.range(0, 32).mapToObj(i -> "x").toArray(String[]::new));
        String x32 = IntStream.range(0, 32).mapToObj(i -> "\"x\"").collect(Collectors.joining(", "));
        assertThat(lines.line("execve", ENOENT, program, argv32, env)).isEqualTo("execve(\"/nonexistent\", [" + x32
                + "], 0x" + Long.toHexString(env) + " /* 2 vars */) = -1 ENOENT (No such file or directory)");
    }

    @Test
    void theStringLimitCapsElementsAndTheirCount() {
        Lines s5 = new Lines(DecodeOptions.DEFAULT.withStringLimit(5));
        long path = s5.memory.putString(0x1000, "/nonexistent");
        long argv = array(s5, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(s5.line("execve", ENOENT, path, argv, argv)).isEqualTo("execve(\"/nonexistent\", [\"1\", \"2\", \"3\", \"4\", \"5\","
                + " ...], 0x" + Long.toHexString(argv) + " /* 10 vars */) = -1 ENOENT (No such file or directory)");
        long env = array(lines, "A=1", "B=2");
        long argv2 = array(lines, "0123456789012345678901234567890123456789", "x\ny");
        assertThat(lines.line("execve", ENOENT, program, argv2, env))
                .isEqualTo("execve(\"/nonexistent\", [\"01234567890123456789012345678901\"..., \"x\\ny\"], 0x"
                        + Long.toHexString(env) + " /* 2 vars */) = -1 ENOENT (No such file or directory)");
    }

    @Test
    void emptyNullAndUnreadableArrays() {
        long empty = lines.memory.putLongs(0x7ffe70deb358L, 0);
        assertThat(lines.line("execve", ENOENT, program, empty, empty))
                .isEqualTo("execve(\"/nonexistent\", [], 0x7ffe70deb358 /* 0 vars */) = -1 ENOENT (No such file or directory)");
        assertThat(lines.line("execve", ENOENT, program, 0, 0))
                .isEqualTo("execve(\"/nonexistent\", NULL, NULL)      = -1 ENOENT (No such file or directory)");
        assertThat(lines.line("execve", ENOENT, program, 1, 1))
                .isEqualTo("execve(\"/nonexistent\", 0x1, 0x1)        = -1 ENOENT (No such file or directory)");
    }

    @Test
    void unreadableElements() {
        long a = lines.memory.putString(0x5000, "a");
        long argv = lines.memory.putLongs(0x6000, a, 1, 0);
        long env = array(lines, "A=1", "B=2");
        assertThat(lines.line("execve", ENOENT, program, argv, env)).isEqualTo("execve(\"/nonexistent\", [\"a\", 0x1], 0x"
                + Long.toHexString(env) + " /* 2 vars */) = -1 ENOENT (No such file or directory)");
    }

    @Test
    void arraysRunningIntoUnmappedMemory() {
        // Two pointers at the very end of a mapping, and no NULL after them.
        long p = lines.memory.putString(0x5000, "p");
        long q = lines.memory.putString(0x5100, "q");
        long tail = lines.memory.putLongs(0x7f3c8d94aff0L, p, q);
        assertThat(lines.line("execve", ENOENT, program, tail, tail))
                .isEqualTo("execve(\"/nonexistent\", [\"p\", \"q\", ... /* 0x7f3c8d94b000 */], 0x7f3c8d94aff0"
                        + " /* 2 vars, unterminated */) = -1 ENOENT (No such file or directory)");
    }

    @Test
    void stringsRunningIntoUnmappedMemory() {
        long digits = lines.memory.putRaw(0x7f3c8d94afd8L, "0123456789012345678901234567890123456789");
        long end = digits + 40;
        long argv = lines.memory.putLongs(0x6000, end - 40, end - 32, end - 33, 0);
        long env = array(lines, "A=1", "B=2");
        String args = "[\"01234567890123456789012345678901\"..., 0x7f3c8d94afe0, \"78901234567890123456789012345678\"...]";
        assertThat(lines.line("execve", ENOENT, program, argv, env)).isEqualTo("execve(\"/nonexistent\", " + args + ", 0x"
                + Long.toHexString(env) + " /* 2 vars */) = -1 ENOENT (No such file or directory)");
        assertThat(lines.line("execve", EFAULT, digits, argv, env)).isEqualTo("execve(0x7f3c8d94afd8, " + args + ", 0x"
                + Long.toHexString(env) + " /* 2 vars */) = -1 EFAULT (Bad address)");
    }

    @Test
    void largeEnvironmentsAreCountedAcrossReads() {
        long argv = array(lines, "sh");
        long big = lines.memory.putLongs(0x7ffd00000000L, longs(150));
        assertThat(lines.line("execve", 0, program, argv, big))
                .isEqualTo("execve(\"/nonexistent\", [\"sh\"], 0x7ffd00000000 /* 150 vars */) = 0");
        long[] seventy = new long[70];
        java.util.Arrays.fill(seventy, 0x1000);
        long cut = lines.memory.putLongs(0x7ffe00000000L, seventy);
        assertThat(lines.line("execve", 0, program, argv, cut))
                .isEqualTo("execve(\"/nonexistent\", [\"sh\"], 0x7ffe00000000 /* 70 vars, unterminated */) = 0");
    }

    private static long[] longs(int nonNull) {
        long[] words = new long[nonNull + 1];
        for (int i = 0; i < nonNull; i++) {
            words[i] = 0x7fffc391e000L + i * 16;
        }
        return words;
    }
}
