package dev.jutrace.tools.strace;

import java.util.BitSet;

/**
 * {@code --trace-fds=SET} (strace 6.3's option, absent from 6.1): {@code [!]all}, {@code [!]none}
 * or {@code [!]FD[,FD...]} with non-negative descriptor numbers.
 */
public final class FdSet {
    /** Descriptors above this are never in a negated set; no process gets near it by default. */
    static final int LIMIT = 1 << 20;

    private FdSet() {}

    /**
     * The descriptors {@code spec} selects.
     *
     * @throws BadFilterException {@code invalid descriptor 'x'}
     */
    public static BitSet parse(String spec) {
        boolean negate = spec.startsWith("!");
        String body = negate ? spec.substring(1) : spec;
        BitSet set = new BitSet();
        if (body.equals("all")) {
            set.set(0, LIMIT);
        } else if (!body.equals("none")) {
            boolean any = false;
            for (String token : body.split(",", -1)) {
                if (token.isEmpty()) continue;
                any = true;
                set.set(number(token));
            }
            if (!any) throw invalid(body);
        }
        if (negate) set.flip(0, LIMIT);
        return set;
    }

    private static int number(String token) {
        if (!token.isEmpty() && token.length() <= 7 && token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int n = Integer.parseInt(token);
            if (n < LIMIT) return n;
        }
        throw invalid(token);
    }

    private static BadFilterException invalid(String token) {
        return new BadFilterException("invalid descriptor '" + token + "'");
    }
}
