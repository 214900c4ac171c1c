package dev.jutrace.tools.inject;

/**
 * A shell-style pattern for {@code path=}: {@code *} matches any run of characters, slashes
 * included (so {@code *.conf} matches {@code /etc/ld.so.conf}), {@code ?} any one character,
 * {@code [abc]}, {@code [a-z]} and {@code [!abc]} one character of a set, and a backslash makes
 * the next character literal. Matched against the whole path.
 */
public record Glob(String pattern) {

    public Glob {
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 == pattern.length()) throw new IllegalArgumentException("path=" + pattern + ": trailing backslash");
                i += 2;
            } else if (c == '[') {
                int end = classEnd(pattern, i);
                if (end < 0) throw new IllegalArgumentException("path=" + pattern + ": unclosed [");
                i = end + 1;
            } else {
                i++;
            }
        }
    }

    /** Whether the whole of {@code text} matches. */
    public boolean matches(CharSequence text) {
        return match(0, text, 0);
    }

    private boolean match(int p, CharSequence s, int i) {
        // Iterative with one backtrack point per '*': enough for glob, and linear in practice.
        int starP = -1;
        int starI = -1;
        while (true) {
            if (p < pattern.length()) {
                char c = pattern.charAt(p);
                if (c == '*') {
                    starP = ++p;
                    starI = i;
                    continue;
                }
                if (i < s.length()) {
                    int next = single(p, s.charAt(i));
                    if (next >= 0) {
                        p = next;
                        i++;
                        continue;
                    }
                }
            } else if (i == s.length()) {
                return true;
            }
            if (starP < 0 || starI >= s.length()) return false;
            p = starP;
            i = ++starI;
        }
    }

    /** Matches one character against the element at {@code p}: the next element's index, or -1. */
    private int single(int p, char ch) {
        char c = pattern.charAt(p);
        if (c == '?') return p + 1;
        if (c == '\\') return pattern.charAt(p + 1) == ch ? p + 2 : -1;
        if (c != '[') return c == ch ? p + 1 : -1;
        int end = classEnd(pattern, p);
        int k = p + 1;
        boolean negate = pattern.charAt(k) == '!' || pattern.charAt(k) == '^';
        if (negate) k++;
        boolean in = false;
        for (boolean firstChar = true; k < end; firstChar = false) {
            char lo = pattern.charAt(k);
            if (lo == '\\' && k + 1 < end) lo = pattern.charAt(++k);
            else if (lo == ']' && !firstChar) break;
            char hi = lo;
            if (k + 2 < end && pattern.charAt(k + 1) == '-') {
                hi = pattern.charAt(k + 2);
                k += 2;
            }
            if (ch >= lo && ch <= hi) in = true;
            k++;
        }
        return in != negate ? end + 1 : -1;
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, or -1. */
    private static int classEnd(String pattern, int open) {
        int k = open + 1;
        if (k < pattern.length() && (pattern.charAt(k) == '!' || pattern.charAt(k) == '^')) k++;
        if (k < pattern.length() && pattern.charAt(k) == ']') k++; // a leading ] is literal
        for (; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (c == '\\') k++;
            else if (c == ']') return k;
        }
        return -1;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
