package dev.jutrace.decode.xlat;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of named constants: values of one argument, or the bits of a flags argument.
 *
 * <p>A table lives in {@code xlat/NAME.xlat}, one constant a line: name, value as the kernel
 * header writes it, and that header (relative to /usr/include), so a test can check each value
 * against its source. Order matters for flags: entries are tried in file order, and a wider
 * entry placed before the narrower ones it contains wins (O_SYNC before O_DSYNC). The line
 * {@code @unknown PREFIX_???} gives the comment strace prints after a value no entry names.
 *
 * <p>How a value is found is the table's business, not the caller's: small dense tables index
 * an array directly, the rest scan.
 */
public final class Xlat {

    /** One constant, and the header (under /usr/include) that defines it. */
    public record Entry(String name, long value, String header) {}

    private static final int MAX_INDEXED = 256;

    private final String table;
    private final String unknown;
    private final List<Entry> entries;
    private final long[] values;
    private final String[] names;
    private final String[] byValue;

    private Xlat(String table, String unknown, List<Entry> entries) {
        this.table = table;
        this.unknown = unknown;
        this.entries = List.copyOf(entries);
        this.values = new long[entries.size()];
        this.names = new String[entries.size()];
        long max = -1;
        boolean dense = true;
        for (int i = 0; i < entries.size(); i++) {
            values[i] = entries.get(i).value();
            names[i] = entries.get(i).name();
            dense &= values[i] >= 0 && values[i] < MAX_INDEXED;
            max = Math.max(max, values[i]);
        }
        if (dense && !entries.isEmpty()) {
            byValue = new String[(int) max + 1];
            for (int i = entries.size() - 1; i >= 0; i--) {
                byValue[(int) values[i]] = names[i]; // backwards, so the first entry of a value wins
            }
        } else {
            byValue = null;
        }
    }

    /** Loads {@code xlat/NAME.xlat}. */
    public static Xlat load(String table) {
        String unknown = null;
        List<Entry> entries = new ArrayList<>();
        for (TableFile.Row row : TableFile.read(Xlat.class, table + ".xlat")) {
            if (row.field(0).equals("@unknown")) {
                unknown = row.field(1);
            } else {
                if (row.size() != 3) {
                    throw row.error("expected name, value, header");
                }
                entries.add(new Entry(row.field(0), row.number(1), row.field(2)));
            }
        }
        if (unknown == null) {
            throw new IllegalStateException(table + ".xlat: no @unknown line");
        }
        return new Xlat(table, unknown, entries);
    }

    /** The name of exactly this value, or null. */
    public String name(long value) {
        if (byValue != null) {
            return value >= 0 && value < byValue.length ? byValue[(int) value] : null;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return names[i];
            }
        }
        return null;
    }

    /** The value named {@code name}; for decoders that test a bit the table already holds. */
    public long value(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException(table + " has no " + name);
    }

    /** What strace prints in a comment after a value no entry names, e.g. {@code O_???}. */
    public String unknown() {
        return unknown;
    }

    public int size() {
        return values.length;
    }

    /** The value of entry {@code i}, in file order. */
    public long valueAt(int i) {
        return values[i];
    }

    /** The name of entry {@code i}, in file order. */
    public String nameAt(int i) {
        return names[i];
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The table's file name, without {@code .xlat}. */
    public String table() {
        return table;
    }

    @Override
    public String toString() {
        return "Xlat[" + table + ", " + values.length + " entries]";
    }
}
