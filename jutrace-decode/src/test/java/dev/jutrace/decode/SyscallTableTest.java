package dev.jutrace.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyscallTableTest {

    private static final Path UNISTD = Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
    private final SyscallTable table = SyscallTable.x86_64();

    @Test
    void namesAndNumbersAreTheKernelHeaders() throws IOException {
        assumeTrue(Files.isReadable(UNISTD), "skip: " + UNISTD + " is not on this machine");
        Map<Integer, String> header = new LinkedHashMap<>();
        for (String line : Files.readAllLines(UNISTD)) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].equals("#define") && f[1].startsWith("__NR_")) {
                header.put(Integer.parseInt(f[2]), f[1].substring("__NR_".length()));
            }
        }
        Map<Integer, String> ours = new LinkedHashMap<>();
        for (int nr = 0; nr < table.size(); nr++) {
            if (table.knownName(nr) != null) {
                ours.put(nr, table.knownName(nr));
            }
        }
        assertThat(ours).isEqualTo(header);
        assertThat(table.size()).isEqualTo(header.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow() + 1);
    }

    @Test
    void regeneratingFromTheHeaderChangesNothing() throws Exception {
        Generated.assertRegeneratesTheSame("gen-syscalls.sh", "syscalls-x86_64.tsv", UNISTD, "awk");
    }

    @Test
    void coversTheWholeRangeIncludingTheNewCalls() {
        assertThat(table.name(0)).isEqualTo("read");
        assertThat(table.name(334)).isEqualTo("rseq");
        assertThat(table.name(424)).isEqualTo("pidfd_send_signal");
        assertThat(table.name(435)).isEqualTo("clone3");
        assertThat(table.name(450)).isEqualTo("set_mempolicy_home_node");
    }

    @ParameterizedTest(name = "{0} takes {1}")
    @CsvSource({
        "read, 3", "openat, 4", "mmap, 6", "close, 1", "getpid, 0", "execve, 3", "exit_group, 1",
        "clone, 5", "clone3, 2", "futex, 6", "pselect6, 6", "preadv, 4", "preadv2, 6", "sendto, 6",
        "rt_sigreturn, 0", "statx, 5", "openat2, 4", "io_uring_enter, 6", "ptrace, 4", "wait4, 4",
    })
    void argumentCountsAreTheManPages(String name, int count) {
        assertThat(table.argCount(table.number(name))).isEqualTo(count);
    }

    @Test
    void unknownNumbersPrintAsStraceDoes() {
        assertThat(table.name(451)).isEqualTo("syscall_0x1c3");
        assertThat(table.name(400)).isEqualTo("syscall_0x190"); // a hole between 334 and 424
        assertThat(table.name(-1)).isEqualTo("syscall_0xffffffffffffffff");
        assertThat(table.argCount(451)).isEqualTo(6);
        assertThat(table.argCount(-1)).isEqualTo(6);
        assertThat(table.knownName(400)).isNull();
        StringBuilder out = new StringBuilder();
        table.appendName(512, out);
        assertThat(out).hasToString("syscall_0x200");
    }

    @Test
    void numbersByName() {
        assertThat(table.number("openat")).isEqualTo(257);
        assertThat(table.number("set_mempolicy_home_node")).isEqualTo(450);
        assertThat(table.number("no_such_call")).isEqualTo(-1);
    }

    @Test
    void classesAsStraceSelectsThem() {
        int openat = table.number("openat");
        assertThat(table.inClass(openat, "%file")).isTrue();
        assertThat(table.inClass(openat, "file")).isTrue();
        assertThat(table.inClass(openat, "TD")).isTrue();
        assertThat(table.inClass(openat, "%network")).isFalse();
        assertThat(table.classes(openat)).containsExactlyInAnyOrder(SyscallClass.DESC, SyscallClass.FILE);
        assertThat(table.inClass(table.number("getpid"), "%pure")).isTrue();
        assertThat(table.inClass(table.number("newfstatat"), "%%stat")).isTrue();
        assertThat(table.inClass(table.number("newfstatat"), "%stat")).isFalse();
        assertThat(table.inClass(table.number("newfstatat"), "%fstat")).isTrue();
        assertThat(table.inClass(table.number("sendto"), "%net")).isTrue();
        assertThat(table.inClass(table.number("kill"), "%process")).isTrue();
        assertThat(table.inClass(table.number("kill"), "%signal")).isTrue();
        assertThat(table.inClass(451, "%file")).isFalse();
        assertThatThrownBy(() -> table.inClass(0, "%bogus")).isInstanceOf(IllegalArgumentException.class);
    }
}
