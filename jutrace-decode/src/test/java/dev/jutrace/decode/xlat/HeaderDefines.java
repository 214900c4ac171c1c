package dev.jutrace.decode.xlat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a C preprocessor to check a table against its header: collects object-like
 * {@code #define}s from a header and what it includes, and evaluates the integer expressions
 * kernel headers use ({@code (__O_SYNC|O_DSYNC)}, {@code (EM_X86_64|__AUDIT_ARCH_64BIT)},
 * {@code (1u << 0)}). The first definition of a name wins, as for an #ifdef's first branch.
 */
final class HeaderDefines {

    static final Path INCLUDE = Path.of("/usr/include");
    private static final Path MULTIARCH = INCLUDE.resolve("x86_64-linux-gnu");

    private static final Pattern ENUM = Pattern.compile("\\benum\\s*\\w*\\s*\\{([^}]*)\\}");
    /** Casts kernel headers put in front of constants: {@code (__poll_t)0x8000}. */
    private static final Pattern CAST = Pattern.compile("\\(\\s*(?:__poll_t|__kernel_key_t|__u32|__u64|__s32|unsigned int|unsigned long|int)\\s*\\)");

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
                String body = rest.substring(name.length()).trim();
                // glibc's "#define SOCK_STREAM SOCK_STREAM" only says the enum constant exists.
                if (!body.equals(name)) {
                    defines.putIfAbsent(name, body);
                }
            }
        }
        readEnums(text);
    }

    /**
     * Enum constants count as defines: many socket, io_uring and bpf constants exist only as
     * enumerators. A constant without an initializer is the previous one plus one.
     */
    private void readEnums(String text) {
        Matcher m = ENUM.matcher(text);
        while (m.find()) {
            String body = m.group(1).replaceAll("(?m)^\\s*#.*$", " ");
            String previous = null;
            for (String item : body.split(",")) {
                String t = item.trim();
                if (t.isEmpty()) {
                    continue;
                }
                int eq = t.indexOf('=');
                String name = (eq < 0 ? t : t.substring(0, eq)).trim();
                if (!name.matches("\\w+")) {
                    break; // not a plain enumerator list
                }
                defines.putIfAbsent(name, eq >= 0 ? t.substring(eq + 1).trim() : previous == null ? "0" : previous + " + 1");
                previous = name;
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
        return new Parser(CAST.matcher(body).replaceAll(" ")).expression();
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
