package dev.jutrace.decode.xlat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the table files this module keeps as resources: one entry a line, fields separated by
 * tabs, {@code #} comments and blank lines skipped. Every table is read once, at class
 * initialisation, so a malformed line fails loudly and early.
 */
public final class TableFile {

    /** One data line, with enough of its origin to point at it in an error. */
    public record Row(String source, int line, List<String> fields) {

        public String field(int i) {
            if (i >= fields.size()) {
                throw error("expected at least " + (i + 1) + " fields");
            }
            return fields.get(i);
        }

        public int size() {
            return fields.size();
        }

        public int intField(int i) {
            return Math.toIntExact(number(i));
        }

        public long number(int i) {
            String text = field(i);
            try {
                return parseNumber(text);
            } catch (NumberFormatException e) {
                throw error("not a number: " + text);
            }
        }

        public IllegalStateException error(String why) {
            return new IllegalStateException(source + ":" + line + ": " + why);
        }
    }

    private TableFile() {}

    /** Reads resource {@code name}, resolved against {@code anchor}'s package. */
    public static List<Row> read(Class<?> anchor, String name) {
        String source = anchor.getPackageName().replace('.', '/') + "/" + name;
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing table resource " + source);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                rows.add(new Row(source, line, List.of(text.split("\t+"))));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    /**
     * Parses a number the way C headers write them: {@code 0x1f} hex, {@code 0644} octal,
     * {@code -100} or {@code 9} decimal.
     */
    public static long parseNumber(String text) {
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        long value;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            value = Long.parseUnsignedLong(digits.substring(2), 16);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            value = Long.parseUnsignedLong(digits.substring(1), 8);
        } else {
            value = Long.parseUnsignedLong(digits, 10);
        }
        return negative ? -value : value;
    }
}
