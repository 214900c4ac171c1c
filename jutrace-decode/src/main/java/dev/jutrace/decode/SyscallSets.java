package dev.jutrace.decode;

import java.util.BitSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses a set of system calls written as strace's {@code -e trace=} takes it: a comma list of
 * names ({@code openat}), classes ({@code %file}, or the older {@code file}), regular expressions
 * ({@code /^open}), optional names ({@code ?name}, ignored when unknown), {@code all} and
 * {@code none}, the whole list negated by a leading {@code !}. A {@code @64} suffix is accepted
 * and ignored, as only the x86_64 personality is decoded.
 */
public final class SyscallSets {
    private SyscallSets() {}

    /**
     * The numbers {@code text} names in {@code table}.
     *
     * @throws IllegalArgumentException naming the first element that matches nothing, as
     *     {@code invalid system call 'name'}
     */
    public static BitSet parse(String text, SyscallTable table) {
        boolean negate = text.startsWith("!");
        String list = negate ? text.substring(1) : text;
        BitSet set = new BitSet(table.size());
        if (list.isEmpty()) throw new IllegalArgumentException("invalid system call '" + text + "'");
        for (String item : list.split(",", -1)) {
            add(item, table, set);
        }
        if (negate) set.flip(0, table.size());
        return set;
    }

    private static void add(String item, SyscallTable table, BitSet set) {
        if (item.equals("all")) {
            set.set(0, table.size());
            return;
        }
        if (item.equals("none")) return;
        boolean optional = item.startsWith("?");
        String name = optional ? item.substring(1) : item;
        if (name.endsWith("@64")) name = name.substring(0, name.length() - 3);
        int before = set.cardinality();
        if (name.startsWith("/")) {
            Pattern p;
            try {
                p = Pattern.compile(name.substring(1));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid system call '" + item + "': " + e.getDescription());
            }
            for (int nr = 0; nr < table.size(); nr++) {
                String known = table.knownName(nr);
                if (known != null && p.matcher(known).find()) set.set(nr);
            }
        } else if (name.startsWith("%") || SyscallClass.parse(name) != null && table.number(name) < 0) {
            SyscallClass cls = SyscallClass.parse(name);
            if (cls != null) {
                for (int nr = 0; nr < table.size(); nr++) {
                    if (table.inClass(nr, cls)) set.set(nr);
                }
            }
        } else {
            int nr = table.number(name);
            if (nr >= 0) set.set(nr);
        }
        if (set.cardinality() == before && !optional && !name.startsWith("/")) {
            boolean known = table.number(name) >= 0 || SyscallClass.parse(name) != null;
            if (!known) throw new IllegalArgumentException("invalid system call '" + item + "'");
        }
    }
}
