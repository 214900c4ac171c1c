package dev.jutrace.testing.ptrace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses in a tracee, made comparable across runs. Address-space randomisation moves every
 * mapping at each start, so a transcript names an address by what it is: a symbol of the zoo
 * ({@code zoo_on_alarm+0x0}), or a file and offset ({@code libc.so.6+0x3fe2c}), which stay the
 * same from one run to the next. The symbols come from the program's own ELF symbol table.
 */
final class Symbols {
    private record Symbol(String name, long value, long size) {}

    private record Mapping(long start, long end, long offset, String path) {}

    private static final Map<Path, Symbols> CACHE = new ConcurrentHashMap<>();

    private final Path program;
    private final boolean positionIndependent;
    private final List<Symbol> symbols;

    private Symbols(Path program, boolean positionIndependent, List<Symbol> symbols) {
        this.program = program;
        this.positionIndependent = positionIndependent;
        this.symbols = symbols;
    }

    /** The symbol table of {@code program}, read once. */
    static Symbols of(Path program) {
        return CACHE.computeIfAbsent(program.toAbsolutePath(), Symbols::read);
    }

    /** The run-time address of {@code name} in process {@code pid}, which runs this program. */
    long address(int pid, String name) {
        Symbol sym = symbols.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(program + " has no symbol " + name));
        return positionIndependent ? base(pid) + sym.value : sym.value;
    }

    /** {@code address} in {@code pid}'s terms: symbol+offset in the program, file+offset elsewhere. */
    String describe(int pid, long address) {
        for (Mapping m : mappings(pid)) {
            if (address < m.start || address >= m.end) continue;
            if (isProgram(m.path)) {
                long rel = positionIndependent ? address - base(pid) : address;
                // A label such as zoo_block_target names its own address even inside a function.
                for (Symbol s : symbols) {
                    if (s.value == rel) return s.name + "+0x0";
                }
                for (Symbol s : symbols) {
                    if (rel >= s.value && rel < s.value + Math.max(1, s.size)) {
                        return s.name + "+0x" + Long.toHexString(rel - s.value);
                    }
                }
                return program.getFileName() + "+0x" + Long.toHexString(rel);
            }
            if (m.path.isEmpty()) return "[anon]";
            if (m.path.startsWith("[")) {
                return m.path.equals("[vdso]") ? "[vdso]+0x" + Long.toHexString(address - m.start) : m.path;
            }
            String file = m.path.substring(m.path.lastIndexOf('/') + 1);
            return file + "+0x" + Long.toHexString(address - m.start + m.offset);
        }
        return address == 0 ? "0" : "[unmapped]";
    }

    private boolean isProgram(String path) {
        try {
            return !path.isEmpty() && !path.startsWith("[")
                    && Files.isSameFile(Path.of(path), program);
        } catch (IOException e) {
            return false;
        }
    }

    private long base(int pid) {
        for (Mapping m : mappings(pid)) {
            if (m.offset == 0 && isProgram(m.path)) return m.start;
        }
        throw new IllegalStateException(program + " is not mapped in " + pid);
    }

    private static List<Mapping> mappings(int pid) {
        List<Mapping> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
                String[] f = line.trim().split("\\s+", 6);
                String[] range = f[0].split("-");
                out.add(new Mapping(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                        Long.parseUnsignedLong(f[2], 16), f.length > 5 ? f[5] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mappings of " + pid, e);
        }
        return out;
    }

    // ---- ELF64 little-endian: section headers, .symtab and its string table ----------------------

    private static final int SHT_SYMTAB = 2;
    private static final int ET_DYN = 3;

    private static Symbols read(Path program) {
        ByteBuffer elf;
        try {
            elf = ByteBuffer.wrap(Files.readAllBytes(program)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (elf.getInt(0) != 0x464c457f || elf.get(4) != 2) {
            throw new IllegalArgumentException(program + " is not a 64-bit ELF file");
        }
        boolean pie = elf.getShort(0x10) == ET_DYN;
        long shoff = elf.getLong(0x28);
        int shentsize = elf.getShort(0x3a) & 0xffff;
        int shnum = elf.getShort(0x3c) & 0xffff;
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int sh = (int) (shoff + (long) i * shentsize);
            if (elf.getInt(sh + 4) != SHT_SYMTAB) continue;
            int symOff = (int) elf.getLong(sh + 24);
            int symSize = (int) elf.getLong(sh + 32);
            int link = elf.getInt(sh + 40);
            int strOff = (int) elf.getLong((int) (shoff + (long) link * shentsize) + 24);
            for (int s = symOff; s + 24 <= symOff + symSize; s += 24) {
                int info = elf.get(s + 4) & 0xff;
                int type = info & 0xf;
                int bind = info >> 4;
                int shndx = elf.getShort(s + 6) & 0xffff;
                long value = elf.getLong(s + 8);
                if (shndx == 0 || value == 0) continue;
                boolean wanted = type == 1 || type == 2 || (type == 0 && bind == 1);
                if (!wanted) continue;
                String name = cString(elf, strOff + elf.getInt(s));
                if (name.isEmpty()) continue;
                symbols.add(new Symbol(name, value, elf.getLong(s + 16)));
            }
        }
        symbols.sort(Comparator.comparingLong(Symbol::value));
        return new Symbols(program, pie, symbols);
    }

    private static String cString(ByteBuffer b, int at) {
        int end = at;
        while (b.get(end) != 0) end++;
        byte[] bytes = new byte[end - at];
        b.get(at, bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
