package dev.jutrace.tools.strace;

import dev.jutrace.decode.Signals;
import java.util.BitSet;

/**
 * {@code -e signal=SET} as strace 6.1 reads it: {@code [!]all}, {@code [!]none}, or
 * {@code [!]SIG[,SIG...]} where a signal is a number 0..255 or a name with or without
 * {@code SIG}, in any case.
 */
public final class SignalSet {
    /** strace keeps 256 signal numbers in its set. */
    static final int SIZE = 256;

    private SignalSet() {}

    /**
     * The signal numbers {@code spec} selects.
     *
     * @throws BadFilterException {@code invalid signal 'FOO'}
     */
    public static BitSet parse(String spec) {
        boolean negate = spec.startsWith("!");
        String body = negate ? spec.substring(1) : spec;
        BitSet set = new BitSet(SIZE);
        if (body.equals("all")) {
            set.set(0, SIZE);
        } else if (!body.equals("none")) {
            boolean any = false;
            for (String token : body.split(",", -1)) {
                if (token.isEmpty()) continue;
                any = true;
                set.set(number(token));
            }
            if (!any) throw invalid(body);
        }
        if (negate) set.flip(0, SIZE);
        return set;
    }

    private static int number(String token) {
        if (token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (token.length() <= 3 && Integer.parseInt(token) < SIZE) return Integer.parseInt(token);
            throw invalid(token);
        }
        int n = Signals.number(token);
        if (n < 0) throw invalid(token);
        return n;
    }

    private static BadFilterException invalid(String token) {
        return new BadFilterException("invalid signal '" + token + "'");
    }
}
