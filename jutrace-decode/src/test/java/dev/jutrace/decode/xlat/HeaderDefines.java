package dev.jutrace.decode.xlat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Just enough of a C preprocessor to check a table against its header: collects object-like
 * {@code #define}s from a header and what it includes, and evaluates the integer expressions
 * kernel headers use ({@code (__O_SYNC|O_DSYNC)}, {@code (EM_X86_64|__AUDIT_ARCH_64BIT)},
 * {@code (1u << 0)}). The first definition of a name wins, as for an #ifdef's first branch.
 */
final class HeaderDefines {

    static final Path INCLUDE = Path.of("/usr/include");
    private static final Path MULTIARCH = INCLUDE.resolve("x86_64-linux-gnu");

    private final Map<String, String> defines = new HashMap<>();
    private final Set<Path> read = new HashSet<>();

    /** Reads {@code header} (relative to /usr/include) and everything it includes. */
    void read(String header) {
        Path path = resolve(header);
        if (path == null || !read.add(path)) {
            return;
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = text.replaceAll("(?s)/\\*.*?\\*/", " ").replace("\\\n", " ");
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (t.matches("#\\s*include\\s*<[^>]+>.*")) {
                read(t.substring(t.indexOf('<') + 1, t.indexOf('>')));
            } else if (t.matches("#\\s*define\\s+\\w+(\\s.*)?")) {
                String rest = t.replaceFirst("#\\s*define\\s+", "");
                String name = rest.split("\\s")[0];
                defines.putIfAbsent(name, rest.substring(name.length()).trim());
            }
        }
    }

    private static Path resolve(String header) {
        for (Path dir : new Path[] {INCLUDE, MULTIARCH}) {
            Path path = dir.resolve(header);
            if (Files.isReadable(path)) {
                return path;
            }
        }
        return null;
    }

    boolean defines(String name) {
        return defines.containsKey(name);
    }

    /** The value of macro {@code name}. */
    long value(String name) {
        String body = defines.get(name);
        if (body == null) {
            throw new IllegalArgumentException(name + " is not defined");
        }
        return new Parser(body).expression();
    }

    /** expression := term (('|' | '+') term)*, term := unary ('<<' unary)*, unary := '-'? atom */
    private final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        long expression() {
            long v = shift();
            while (true) {
                skip();
                if (eat('|')) {
                    v |= shift();
                } else if (eat('+')) {
                    v += shift();
                } else {
                    return v;
                }
            }
        }

        private long shift() {
            long v = unary();
            skip();
            while (s.startsWith("<<", i)) {
                i += 2;
                v <<= unary();
                skip();
            }
            return v;
        }

        private long unary() {
            skip();
            if (eat('-')) {
                return -unary();
            }
            if (eat('(')) {
                long v = expression();
                skip();
                eat(')');
                return v;
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            String token = s.substring(start, i);
            if (token.isEmpty()) {
                throw new IllegalArgumentException("cannot evaluate: " + s);
            }
            if (Character.isDigit(token.charAt(0))) {
                return TableFile.parseNumber(token.replaceAll("[uUlL]+$", ""));
            }
            return value(token);
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean eat(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }
    }
}
