package dev.jutrace.tools.strace;

import dev.jutrace.decode.SyscallClass;
import dev.jutrace.decode.SyscallTable;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The syscall sets of {@code -e trace=}, {@code --inject=} and {@code -P}'s kin, as strace 6.1
 * reads them: {@code [!]all}, {@code [!]none}, or {@code [!]TOKEN[,TOKEN...]} where a token is a
 * name, {@code %class}, {@code /regex} (searched, not anchored), a legacy bare class name
 * ({@code file}, {@code network}, ...), each optionally prefixed with {@code ?} to accept a token
 * that matches nothing, and optionally suffixed with {@code @64} (the only personality here).
 */
public final class SyscallSet {

    /** The classes strace 6.1 still accepts without {@code %}. */
    private static final Map<String, SyscallClass> LEGACY = Map.of(
            "desc", SyscallClass.DESC, "file", SyscallClass.FILE, "memory", SyscallClass.MEMORY,
            "process", SyscallClass.PROCESS, "signal", SyscallClass.SIGNAL, "ipc", SyscallClass.IPC,
            "network", SyscallClass.NETWORK);

    /** {@code %name} as strace spells it, case and all. */
    private static final Map<String, SyscallClass> CLASSES = Map.ofEntries(
            Map.entry("desc", SyscallClass.DESC), Map.entry("file", SyscallClass.FILE),
            Map.entry("memory", SyscallClass.MEMORY), Map.entry("process", SyscallClass.PROCESS),
            Map.entry("signal", SyscallClass.SIGNAL), Map.entry("ipc", SyscallClass.IPC),
            Map.entry("network", SyscallClass.NETWORK), Map.entry("net", SyscallClass.NETWORK),
            Map.entry("creds", SyscallClass.CREDS), Map.entry("clock", SyscallClass.CLOCK),
            Map.entry("pure", SyscallClass.PURE), Map.entry("stat", SyscallClass.STAT),
            Map.entry("lstat", SyscallClass.LSTAT), Map.entry("fstat", SyscallClass.FSTAT),
            Map.entry("%stat", SyscallClass.STAT_LIKE), Map.entry("statfs", SyscallClass.STATFS),
            Map.entry("fstatfs", SyscallClass.FSTATFS), Map.entry("%statfs", SyscallClass.STATFS_LIKE));

    private SyscallSet() {}

    /**
     * The syscall numbers {@code spec} selects in {@code table}.
     *
     * @throws BadFilterException with strace's message, e.g. {@code invalid system call 'foo'}
     */
    public static BitSet parse(String spec, SyscallTable table) {
        boolean negate = spec.startsWith("!");
        String body = negate ? spec.substring(1) : spec;
        BitSet set = new BitSet(table.size());
        if (body.equals("all")) {
            set.set(0, table.size());
        } else if (!body.equals("none")) {
            boolean any = false;
            for (String token : body.split(",", -1)) {
                if (token.isEmpty()) continue;
                any = true;
                add(token, table, set);
            }
            if (!any) throw new BadFilterException("invalid system call '" + body + "'");
        }
        if (negate) set.flip(0, table.size());
        return set;
    }

    private static void add(String token, SyscallTable table, BitSet set) {
        boolean optional = token.startsWith("?");
        String name = optional ? token.substring(1) : token;
        int at = name.lastIndexOf('@');
        if (at > 0) {
            String personality = name.substring(at + 1);
            if (!personality.equals("64") && !personality.equals("32") && !personality.equals("x32")) {
                if (optional) return;
                throw invalid(token);
            }
            name = name.substring(0, at);
            // x86_64 tracees run the 64-bit personality here; the others match nothing.
            if (!personality.equals("64")) return;
        }
        boolean matched;
        if (name.startsWith("/")) {
            matched = addRegex(name.substring(1), table, set);
        } else if (name.startsWith("%")) {
            SyscallClass c = CLASSES.get(name.substring(1));
            matched = c != null;
            if (matched) addClass(c, table, set);
        } else if (LEGACY.containsKey(name)) {
            addClass(LEGACY.get(name), table, set);
            matched = true;
        } else {
            int nr = table.number(name);
            matched = nr >= 0;
            if (matched) set.set(nr);
        }
        if (!matched && !optional) throw invalid(token);
    }

    private static void addClass(SyscallClass c, SyscallTable table, BitSet set) {
        for (int nr = 0; nr < table.size(); nr++) {
            if (table.inClass(nr, c)) set.set(nr);
        }
    }

    private static boolean addRegex(String regex, SyscallTable table, BitSet set) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new BadFilterException("regcomp: " + regex + ": " + describe(e));
        }
        boolean any = false;
        for (int nr = 0; nr < table.size(); nr++) {
            String n = table.knownName(nr);
            if (n != null && p.matcher(n).find()) {
                set.set(nr);
                any = true;
            }
        }
        return any;
    }

    /** glibc's regerror texts for the mistakes users make most, else a generic one. */
    private static String describe(PatternSyntaxException e) {
        String d = e.getDescription().toLowerCase(Locale.ROOT);
        if (d.contains("unclosed group")) return "Unmatched ( or \\(";
        if (d.contains("dangling meta")) return "Invalid preceding regular expression";
        if (d.contains("counted closure") || d.contains("illegal repetition")) return "Unmatched \\{";
        if (d.contains("unexpected internal error")) return "Trailing backslash";
        return "Invalid regular expression";
    }

    private static BadFilterException invalid(String token) {
        return new BadFilterException("invalid system call '" + token + "'");
    }
}
