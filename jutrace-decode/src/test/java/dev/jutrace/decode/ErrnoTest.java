package dev.jutrace.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrnoTest {

    @Test
    void regeneratingFromHeadersAndGlibcChangesNothing() throws Exception {
        Generated.assertRegeneratesTheSame("gen-errno.sh", "errno.tsv", Path.of("/usr/include"), "awk", "cc");
    }

    @Test
    void namesAndGlibcMessages() {
        assertThat(Errno.name(2)).isEqualTo("ENOENT");
        assertThat(Errno.message(2)).isEqualTo("No such file or directory");
        assertThat(Errno.message(38)).isEqualTo("Function not implemented");
        assertThat(Errno.name(133)).isEqualTo("EHWPOISON");
        assertThat(Errno.message(133)).isEqualTo("Memory page has hardware error");
    }

    @Test
    void aliasesLookUpButNeverPrint() {
        assertThat(Errno.number("EWOULDBLOCK")).isEqualTo(11);
        assertThat(Errno.name(11)).isEqualTo("EAGAIN");
        assertThat(Errno.number("EDEADLOCK")).isEqualTo(35);
        assertThat(Errno.name(35)).isEqualTo("EDEADLK");
        assertThat(Errno.number("ENOENT")).isEqualTo(2);
        assertThat(Errno.number("ENOTANERRNO")).isEqualTo(-1);
    }

    @Test
    void unnamedNumbers() {
        assertThat(Errno.name(41)).isNull();
        assertThat(Errno.name(0)).isNull();
        assertThat(Errno.name(-2)).isNull();
        assertThat(Errno.name(519)).isNull(); // ENOPARAM: newer than strace 6.1
        assertThat(Errno.message(600)).isEqualTo("Unknown error 600");
    }

    @Test
    void kernelInternalCodes() {
        assertThat(Errno.name(512)).isEqualTo("ERESTARTSYS");
        assertThat(Errno.message(512)).isEqualTo("To be restarted if SA_RESTART is set");
        assertThat(Errno.isRestart(512)).isTrue();
        assertThat(Errno.isRestart(516)).isTrue();
        assertThat(Errno.name(524)).isEqualTo("ENOTSUPP");
        assertThat(Errno.message(524)).isEqualTo("Unknown error 524");
        assertThat(Errno.isRestart(524)).isFalse();
        assertThat(Errno.isRestart(4)).isFalse();
    }

    @Test
    void errorReturnsAreMinus4095ToMinus1() {
        assertThat(Errno.isError(-1)).isTrue();
        assertThat(Errno.isError(-4095)).isTrue();
        assertThat(Errno.isError(-4096)).isFalse();
        assertThat(Errno.isError(0)).isFalse();
        assertThat(Errno.isError(0xffff_ffff_ffff_f000L)).isFalse(); // an address high in memory
    }
}
