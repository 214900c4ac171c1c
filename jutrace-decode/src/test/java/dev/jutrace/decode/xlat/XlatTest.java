package dev.jutrace.decode.xlat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class XlatTest {

    /** The header field of a constant no uapi header exports: the kernel source file that defines it. */
    private static final String KERNEL_SOURCE = "kernel:";
    private static final Path DIR = Path.of("src/main/resources/dev/jutrace/decode/xlat");

    static Stream<String> tables() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".xlat"))
                    .map(n -> n.substring(0, n.length() - ".xlat".length()))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }

    /** Every constant says which header defines it; check the value there. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void everyValueIsWhatItsHeaderSays(String name) {
        assumeTrue(Files.isDirectory(HeaderDefines.INCLUDE.resolve("asm-generic")), "skip: no kernel headers on this machine");
        Xlat table = Xlat.load(name);
        assertThat(table.size()).isPositive();
        for (Xlat.Entry e : table.entries()) {
            if (e.header().startsWith(KERNEL_SOURCE)) {
                continue; // a kernel-internal value that no installed header exports
            }
            HeaderDefines header = new HeaderDefines();
            header.read(e.header());
            assertThat(header.defines(e.name())).as("%s defines %s", e.header(), e.name()).isTrue();
            assertThat(header.value(e.name())).as("%s in %s", e.name(), e.header()).isEqualTo(e.value());
        }
    }

    @Test
    void lookups() {
        Xlat flags = Xlat.load("open_flags");
        assertThat(flags.name(00000100)).isEqualTo("O_CREAT");
        assertThat(flags.name(0x1234_5678)).isNull();
        assertThat(flags.value("O_CLOEXEC")).isEqualTo(02000000);
        assertThat(flags.unknown()).isEqualTo("O_???");
        assertThatThrownBy(() -> flags.value("O_NONSENSE")).isInstanceOf(IllegalArgumentException.class);
        Xlat codes = Xlat.load("si_codes");
        assertThat(codes.name(-60)).isEqualTo("SI_ASYNCNL");
        assertThat(codes.name(0x80)).isEqualTo("SI_KERNEL");
        assertThat(Xlat.load("audit_arch").name(0xc000003eL)).isEqualTo("AUDIT_ARCH_X86_64");
    }

    @Test
    void headerNumbers() {
        assertThat(TableFile.parseNumber("0x1f")).isEqualTo(31);
        assertThat(TableFile.parseNumber("0644")).isEqualTo(0644);
        assertThat(TableFile.parseNumber("-100")).isEqualTo(-100);
        assertThat(TableFile.parseNumber("0")).isZero();
        assertThat(TableFile.parseNumber("0xffffffffffffffff")).isEqualTo(-1);
    }
}
