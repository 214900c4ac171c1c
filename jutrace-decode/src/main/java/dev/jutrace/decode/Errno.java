package dev.jutrace.decode;

import dev.jutrace.decode.xlat.TableFile;
import java.util.HashMap;
import java.util.Map;

/**
 * errno names and messages, from {@code errno.tsv}: the kernel's asm-generic/errno*.h names,
 * glibc's strerror(3) texts, and the kernel-internal codes (ERESTARTSYS ...) a tracer sees at
 * syscall exit.
 */
public final class Errno {

    /** The kernel returns -1..-MAX_ERRNO for errors; any other value is a result. */
    public static final int MAX_ERRNO = 4095;

    private static final String[] NAMES;
    private static final String[] MESSAGES;
    private static final boolean[] RESTART;
    private static final Map<String, Integer> NUMBERS = new HashMap<>();

    static {
        var rows = TableFile.read(Errno.class, "errno.tsv");
        int size = 0;
        for (var row : rows) {
            size = Math.max(size, row.intField(0) + 1);
        }
        NAMES = new String[size];
        MESSAGES = new String[size];
        RESTART = new boolean[size];
        for (var row : rows) {
            int n = row.intField(0);
            String name = row.field(1);
            NUMBERS.put(name, n);
            switch (row.field(2)) {
                case "alias" -> {}
                case "errno", "internal", "restart" -> {
                    NAMES[n] = name;
                    MESSAGES[n] = row.field(3);
                    RESTART[n] = row.field(2).equals("restart");
                }
                default -> throw row.error("unknown kind " + row.field(2));
            }
        }
    }

    private Errno() {}

    /** {@code ENOENT}, or null for a number without a name. */
    public static String name(int errno) {
        return errno > 0 && errno < NAMES.length ? NAMES[errno] : null;
    }

    /**
     * {@code No such file or directory}, exactly as glibc's strerror(3) says it; for the four
     * restart codes, the text strace prints instead of glibc's "Unknown error 512".
     */
    public static String message(int errno) {
        String message = errno > 0 && errno < MESSAGES.length ? MESSAGES[errno] : null;
        return message != null ? message : "Unknown error " + errno;
    }

    /** The number of {@code ENOENT} or an alias such as {@code EWOULDBLOCK}; -1 when unknown. */
    public static int number(String name) {
        return NUMBERS.getOrDefault(name, -1);
    }

    /**
     * Whether {@code errno} is a kernel-internal "restart this call" code (ERESTARTSYS and
     * kin). The caller never sees it, so strace prints {@code = ? ERESTARTSYS} rather than -1.
     */
    public static boolean isRestart(int errno) {
        return errno > 0 && errno < RESTART.length && RESTART[errno];
    }

    /** Whether a raw return value is a negated errno, by the kernel's -4095..-1 convention. */
    public static boolean isError(long ret) {
        return ret < 0 && ret >= -MAX_ERRNO;
    }
}
