package dev.jutrace.tools.inject;

/**
 * Which invocations an injection hits, as strace's {@code when=first[..last][+[step]]}: the
 * invocations numbered {@code first}, {@code first+step}, … up to {@code last} (inclusive), counted
 * from 1 per syscall and per tracee.
 *
 * @param first the first invocation hit, 1..65535
 * @param last the last invocation that may be hit, or {@link Long#MAX_VALUE} for no end
 * @param step the distance between two hit invocations, 1..65535
 */
public record When(long first, long last, long step) {

    /** Every invocation: strace's default when no {@code when=} is given. */
    public static final When ALWAYS = new When(1, Long.MAX_VALUE, 1);

    /** Whether invocation number {@code n} (from 1) is hit. */
    public boolean selects(long n) {
        return n >= first && n <= last && (n - first) % step == 0;
    }

    /**
     * Parses {@code first}, {@code first..last}, {@code first+}, {@code first..last+},
     * {@code first+step} or {@code first..last+step}.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static When parse(String text) {
        String range = text;
        long step = -1;
        int plus = text.indexOf('+');
        if (plus >= 0) {
            range = text.substring(0, plus);
            String s = text.substring(plus + 1);
            step = s.isEmpty() ? 1 : number(s, 1, 65535, "step");
        }
        long first;
        long last;
        int dots = range.indexOf("..");
        if (dots >= 0) {
            first = number(range.substring(0, dots), 1, 65535, "first");
            last = number(range.substring(dots + 2), 1, 65534, "last");
            if (last < first) throw new IllegalArgumentException("when=" + text + ": last is before first");
            if (step < 0) step = 1;
        } else {
            first = number(range, 1, 65535, "first");
            // "first" alone hits that invocation only; "first+" and "first+step" have no end.
            last = step < 0 ? first : Long.MAX_VALUE;
            if (step < 0) step = 1;
        }
        return new When(first, last, step);
    }

    private static long number(String s, long min, long max, String what) {
        if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9') && s.length() <= 6) {
            long v = Long.parseLong(s);
            if (v >= min && v <= max) return v;
        }
        throw new IllegalArgumentException("when=: " + what + " must be " + min + ".." + max + ", not '" + s + "'");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(first);
        if (last != first && last != Long.MAX_VALUE) sb.append("..").append(last);
        if (last == Long.MAX_VALUE) sb.append('+').append(step == 1 ? "" : String.valueOf(step));
        else if (step != 1) sb.append('+').append(step);
        return sb.toString();
    }
}
