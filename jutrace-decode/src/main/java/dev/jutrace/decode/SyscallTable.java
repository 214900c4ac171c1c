package dev.jutrace.decode;

import dev.jutrace.decode.text.Numbers;
import dev.jutrace.decode.xlat.TableFile;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The system calls of one architecture: number, name, argument count and classes, read from a
 * data file ({@code syscalls-x86_64.tsv}) whose number and name columns are generated from the
 * kernel's unistd_64.h.
 */
public final class SyscallTable {

    /** What the kernel does not define gets the most arguments a syscall can have. */
    public static final int MAX_ARGS = 6;

    private static final class X86_64 {
        static final SyscallTable TABLE = load("syscalls-x86_64.tsv");
    }

    private final String[] names;
    private final byte[] argCounts;
    private final int[] classes;
    private final Map<String, Integer> numbers;

    private SyscallTable(String[] names, byte[] argCounts, int[] classes, Map<String, Integer> numbers) {
        this.names = names;
        this.argCounts = argCounts;
        this.classes = classes;
        this.numbers = Map.copyOf(numbers);
    }

    /** The x86_64 table, loaded once. */
    public static SyscallTable x86_64() {
        return X86_64.TABLE;
    }

    static SyscallTable load(String resource) {
        List<TableFile.Row> rows = TableFile.read(SyscallTable.class, resource);
        int size = 0;
        for (TableFile.Row row : rows) {
            size = Math.max(size, row.intField(0) + 1);
        }
        String[] names = new String[size];
        byte[] argCounts = new byte[size];
        int[] classes = new int[size];
        Map<String, Integer> numbers = new HashMap<>();
        for (TableFile.Row row : rows) {
            if (row.size() != 4) {
                throw row.error("expected number, name, argument count, classes");
            }
            int nr = row.intField(0);
            if (names[nr] != null) {
                throw row.error("number " + nr + " listed twice");
            }
            names[nr] = row.field(1);
            int args = row.intField(2);
            if (args < 0 || args > MAX_ARGS) {
                throw row.error("argument count must be 0.." + MAX_ARGS + ": " + row.field(2));
            }
            argCounts[nr] = (byte) args;
            classes[nr] = parseClasses(row);
            numbers.put(row.field(1), nr);
        }
        return new SyscallTable(names, argCounts, classes, numbers);
    }

    private static int parseClasses(TableFile.Row row) {
        String column = row.field(3);
        if (column.equals("-")) {
            return 0;
        }
        int mask = 0;
        for (String code : column.split("\\|")) {
            SyscallClass c = SyscallClass.ofCode(code);
            if (c == null) {
                throw row.error("unknown class " + code);
            }
            mask |= c.bit();
        }
        return mask;
    }

    /** {@code openat}; for a number the table lacks, {@code syscall_0x1c8} as strace prints it. */
    public String name(int nr) {
        String name = knownName(nr);
        return name != null ? name : "syscall_0x" + Long.toHexString(nr);
    }

    /** Appends {@link #name(int)} without building a string for unknown numbers. */
    public void appendName(int nr, StringBuilder out) {
        String name = knownName(nr);
        if (name != null) {
            out.append(name);
        } else {
            // strace sign-extends the number, so -1 prints as syscall_0xffffffffffffffff
            out.append("syscall_");
            Numbers.appendHex(out, nr);
        }
    }

    /** The name of {@code nr}, or null when the table lacks it. */
    public String knownName(int nr) {
        return nr >= 0 && nr < names.length ? names[nr] : null;
    }

    /** The argument registers {@code nr} uses; {@value #MAX_ARGS} when the table lacks it. */
    public int argCount(int nr) {
        return knownName(nr) != null ? argCounts[nr] : MAX_ARGS;
    }

    /** The number of syscall {@code name}, or -1. */
    public int number(String name) {
        return numbers.getOrDefault(name, -1);
    }

    /** The highest number plus one. */
    public int size() {
        return names.length;
    }

    /**
     * Whether {@code nr} belongs to class {@code cls}, given as strace's {@code -e trace=}
     * takes it ({@code %file}, {@code file}, {@code %%stat}) or as a table code ({@code TF}).
     *
     * @throws IllegalArgumentException when no class has that name
     */
    public boolean inClass(int nr, String cls) {
        SyscallClass c = SyscallClass.parse(cls);
        if (c == null) {
            throw new IllegalArgumentException("no syscall class " + cls);
        }
        return inClass(nr, c);
    }

    public boolean inClass(int nr, SyscallClass cls) {
        return knownName(nr) != null && (classes[nr] & cls.bit()) != 0;
    }

    /** Every class {@code nr} belongs to. */
    public Set<SyscallClass> classes(int nr) {
        Set<SyscallClass> set = EnumSet.noneOf(SyscallClass.class);
        for (SyscallClass c : SyscallClass.values()) {
            if (inClass(nr, c)) {
                set.add(c);
            }
        }
        return set;
    }
}
