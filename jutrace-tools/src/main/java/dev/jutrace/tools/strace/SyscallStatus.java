package dev.jutrace.tools.strace;

import java.util.Locale;

/** How a syscall ended, as {@code -e status=} (and {@code -z}, {@code -Z}) selects lines by it. */
public enum SyscallStatus {
    /** Returned without an error code. */
    SUCCESSFUL,
    /** Returned an error code. */
    FAILED,
    /** Never returned: exit_group, or the thread died or exec'd away in it. */
    UNFINISHED,
    /** Returned, but the return value could not be read. */
    UNAVAILABLE,
    /** The tracer detached before it returned. */
    DETACHED;

    /** Every status: the default. */
    public static final int ALL = (1 << values().length) - 1;

    public int bit() {
        return 1 << ordinal();
    }

    /**
     * {@code -e status=SET}: {@code [!]all}, {@code [!]none} or {@code [!]NAME[,NAME...]}, as a
     * mask of {@link #bit}s.
     *
     * @throws BadFilterException {@code invalid status 'foo'}
     */
    public static int parse(String spec) {
        boolean negate = spec.startsWith("!");
        String body = negate ? spec.substring(1) : spec;
        int mask = 0;
        if (body.equals("all")) {
            mask = ALL;
        } else if (!body.equals("none")) {
            boolean any = false;
            for (String token : body.split(",", -1)) {
                if (token.isEmpty()) continue;
                any = true;
                mask |= of(token).bit();
            }
            if (!any) throw new BadFilterException("invalid status '" + body + "'");
        }
        return negate ? ~mask & ALL : mask;
    }

    private static SyscallStatus of(String token) {
        for (SyscallStatus s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(token)) return s;
        }
        throw new BadFilterException("invalid status '" + token + "'");
    }
}
