package dev.jutrace.decode;

import java.util.List;
import java.util.Locale;

/**
 * A class of system calls, as strace's {@code -e trace=%class} selects them. Each has the short
 * code the syscall table's class column uses and the names a user may type.
 */
public enum SyscallClass {
    DESC("TD", "desc"),
    FILE("TF", "file"),
    NETWORK("TN", "network", "net"),
    PROCESS("TP", "process"),
    SIGNAL("TS", "signal"),
    MEMORY("TM", "memory"),
    IPC("TI", "ipc"),
    CREDS("TC", "creds"),
    CLOCK("TCL", "clock"),
    PURE("PU", "pure"),
    STAT("TST", "stat"),
    LSTAT("TLST", "lstat"),
    FSTAT("TFST", "fstat"),
    /** strace's {@code %%stat}: every stat variant. */
    STAT_LIKE("TSTA", "%stat"),
    STATFS("TSF", "statfs"),
    FSTATFS("TFSF", "fstatfs"),
    /** strace's {@code %%statfs}: every statfs variant and ustat. */
    STATFS_LIKE("TSFA", "%statfs");

    private final String code;
    private final List<String> names;

    SyscallClass(String code, String... names) {
        this.code = code;
        this.names = List.of(names);
    }

    /** The code in the syscall table's class column, e.g. {@code TF}. */
    public String code() {
        return code;
    }

    /** The bit this class has in {@link SyscallTable}'s per-syscall masks. */
    int bit() {
        return 1 << ordinal();
    }

    /**
     * The class a user means by {@code text}: {@code %file}, {@code file} (strace's deprecated
     * spelling), {@code %%stat}, or a table code such as {@code TF}; null when none.
     */
    public static SyscallClass parse(String text) {
        String name = text.startsWith("%") ? text.substring(1) : text;
        for (SyscallClass c : values()) {
            if (c.code.equals(text) || c.names.contains(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return null;
    }

    /** The class whose table code is {@code code}; null when none. */
    static SyscallClass ofCode(String code) {
        for (SyscallClass c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
