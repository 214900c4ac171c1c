package dev.jutrace.decode;

import dev.jutrace.decode.xlat.TableFile;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Signal names as strace prints them: the x86_64 asm/signal.h names below SIGRTMIN (from
 * {@code signals.tsv}), then {@code SIGRTMIN}, {@code SIGRT_1} ... {@code SIGRT_32}.
 */
public final class Signals {

    /** The kernel's first real-time signal; glibc's SIGRTMIN is higher, strace counts from here. */
    public static final int SIGRTMIN = 32;
    /** The highest signal number on x86_64 (the kernel's _NSIG). */
    public static final int SIGRTMAX = 64;

    private static final String[] NAMES = new String[SIGRTMAX + 1];
    private static final Map<String, Integer> NUMBERS = new HashMap<>();

    static {
        for (var row : TableFile.read(Signals.class, "signals.tsv")) {
            int n = row.intField(0);
            if (n <= 0 || n >= SIGRTMIN) {
                throw row.error("not a signal below SIGRTMIN: " + n);
            }
            switch (row.field(2)) {
                case "signal" -> NAMES[n] = row.field(1);
                case "alias" -> {}
                default -> throw row.error("unknown kind " + row.field(2));
            }
            NUMBERS.put(row.field(1), n);
        }
        NAMES[SIGRTMIN] = "SIGRTMIN";
        for (int n = SIGRTMIN + 1; n <= SIGRTMAX; n++) {
            NAMES[n] = "SIGRT_" + (n - SIGRTMIN);
        }
        for (int n = SIGRTMIN; n <= SIGRTMAX; n++) {
            NUMBERS.put(NAMES[n], n);
        }
    }

    private Signals() {}

    /** {@code SIGCHLD}, {@code SIGRT_3}; null for 0 and numbers outside 1..64. */
    public static String name(int signo) {
        return signo > 0 && signo <= SIGRTMAX ? NAMES[signo] : null;
    }

    /**
     * The number of a signal as a user writes it: {@code SIGKILL}, {@code KILL}, {@code kill},
     * {@code 9}, {@code SIGRT_3}, {@code RTMIN}; -1 when it names none.
     */
    public static int number(String name) {
        if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                int n = Integer.parseInt(name);
                return n > 0 && n <= SIGRTMAX ? n : -1;
            } catch (NumberFormatException tooLong) {
                return -1;
            }
        }
        String upper = name.toUpperCase(Locale.ROOT);
        String full = upper.startsWith("SIG") ? upper : "SIG" + upper;
        return NUMBERS.getOrDefault(full, -1);
    }
}
