package dev.jutrace.tools.strace;

import dev.jutrace.decode.SyscallTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The counts behind {@code -c}/{@code -C}, and the table strace prints from them. Counting is a
 * few array stores per syscall on the tracer thread; the table is built once, at the end.
 */
public final class SummaryTable {

    /** A column of the table ({@code -U}), with strace's header and width. */
    public enum Column {
        TIME_PERCENT("% time", 6, "time-percent", "time"),
        TOTAL_TIME("seconds", 11, "total-time", "time-total"),
        MIN_TIME("shortest", 8, "min-time", "shortest", "time-min"),
        MAX_TIME("longest", 8, "max-time", "longest", "time-max"),
        AVG_TIME("usecs/call", 11, "avg-time", "time-avg"),
        CALLS("calls", 9, "calls", "count"),
        ERRORS("errors", 9, "errors", "error"),
        NAME("syscall", 0, "name", "syscall", "syscall-name");

        /** strace's default: {@code time-percent,total-time,avg-time,calls,errors,name}. */
        public static final List<Column> DEFAULT = List.of(TIME_PERCENT, TOTAL_TIME, AVG_TIME, CALLS, ERRORS, NAME);

        final String header;
        final int width;
        private final List<String> names;

        Column(String header, int width, String... names) {
            this.header = header;
            this.width = width;
            this.names = List.of(names);
        }

        /**
         * {@code -U COLUMNS}; {@code name} is added last when not given, as strace does.
         *
         * @throws BadFilterException {@code unknown column name: 'x'}
         */
        public static List<Column> parseList(String spec) {
            List<Column> out = new ArrayList<>();
            for (String token : spec.split(",", -1)) {
                Column c = null;
                for (Column v : values()) {
                    if (v.names.contains(token)) c = v;
                }
                if (c == null) throw new BadFilterException("unknown column name: '" + token + "'", true);
                if (!out.contains(c)) out.add(c);
            }
            if (!out.contains(NAME)) out.add(NAME);
            return List.copyOf(out);
        }
    }

    /** The table's order ({@code -S}). */
    public enum Sort {
        TIME("time", "time-total", "total-time"),
        MIN_TIME("min-time", "shortest", "time-min"),
        MAX_TIME("max-time", "longest", "time-max"),
        AVG_TIME("avg-time", "time-avg"),
        CALLS("calls", "count"),
        ERRORS("errors", "error"),
        NAME("name", "syscall", "syscall-name"),
        NOTHING("nothing", "none");

        private final List<String> names;

        Sort(String... names) {
            this.names = List.of(names);
        }

        /** @throws BadFilterException {@code invalid sortby: 'x'} */
        public static Sort parse(String spec) {
            for (Sort s : values()) {
                if (s.names.contains(spec)) return s;
            }
            throw new BadFilterException("invalid sortby: '" + spec + "'", true);
        }
    }

    private final SyscallTable table;
    private final long[] calls;
    private final long[] errors;
    private final long[] nanos;
    private final long[] min;
    private final long[] max;

    public SummaryTable(SyscallTable table) {
        this.table = table;
        int n = table.size();
        calls = new long[n];
        errors = new long[n];
        nanos = new long[n];
        min = new long[n];
        max = new long[n];
    }

    /** Counts one call of {@code nr} that took {@code ns} and failed or not. */
    public void count(int nr, long ns, boolean failed) {
        if (nr < 0 || nr >= calls.length) return;
        if (ns < 0) ns = 0;
        if (calls[nr]++ == 0 || ns < min[nr]) min[nr] = ns;
        if (ns > max[nr]) max[nr] = ns;
        nanos[nr] += ns;
        if (failed) errors[nr]++;
    }

    /** The table as strace prints it, with a trailing newline; empty when nothing was counted. */
    public String format(Sort sort, List<Column> columns) {
        List<Integer> rows = new ArrayList<>();
        for (int nr = 0; nr < calls.length; nr++) {
            if (calls[nr] > 0) rows.add(nr);
        }
        if (rows.isEmpty()) return "";
        // Ties keep syscall-number order, as strace's (stable) sort leaves them.
        Comparator<Integer> order = switch (sort) {
            case TIME -> Comparator.comparingLong((Integer nr) -> nanos[nr]).reversed();
            case MIN_TIME -> Comparator.comparingLong((Integer nr) -> min[nr]).reversed();
            case MAX_TIME -> Comparator.comparingLong((Integer nr) -> max[nr]).reversed();
            case AVG_TIME -> Comparator.comparingLong((Integer nr) -> nanos[nr] / calls[nr]).reversed();
            case CALLS -> Comparator.comparingLong((Integer nr) -> calls[nr]).reversed();
            case ERRORS -> Comparator.comparingLong((Integer nr) -> errors[nr]).reversed();
            case NAME -> Comparator.comparing(table::name);
            case NOTHING -> null;
        };
        if (order != null) rows.sort(order);

        int nameWidth = 15;
        long totalCalls = 0;
        long totalErrors = 0;
        long totalNanos = 0;
        long totalMin = Long.MAX_VALUE;
        long totalMax = 0;
        for (int nr : rows) {
            nameWidth = Math.max(nameWidth, table.name(nr).length());
            totalCalls += calls[nr];
            totalErrors += errors[nr];
            totalNanos += nanos[nr];
            totalMin = Math.min(totalMin, min[nr]);
            totalMax = Math.max(totalMax, max[nr]);
        }
        nameWidth++;

        StringBuilder sb = new StringBuilder();
        int last = columns.size() - 1;
        for (int i = 0; i <= last; i++) {
            Column c = columns.get(i);
            if (i > 0) sb.append(' ');
            if (c == Column.NAME) {
                sb.append(c.header);
                if (i < last) pad(sb, nameWidth - c.header.length());
            } else {
                pad(sb, c.width - c.header.length());
                sb.append(c.header);
            }
        }
        sb.append('\n');
        String dashes = dashes(columns, nameWidth);
        sb.append(dashes);
        for (int nr : rows) {
            row(sb, columns, nameWidth, table.name(nr), nanos[nr], totalNanos, min[nr], max[nr], calls[nr], errors[nr]);
        }
        sb.append(dashes);
        row(sb, columns, nameWidth, "total", totalNanos, totalNanos, totalMin, totalMax, totalCalls, totalErrors);
        return sb.toString();
    }

    private static String dashes(List<Column> columns, int nameWidth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) sb.append(' ');
            Column c = columns.get(i);
            sb.append("-".repeat(c == Column.NAME ? nameWidth : c.width));
        }
        return sb.append('\n').toString();
    }

    private static void row(StringBuilder sb, List<Column> columns, int nameWidth, String name, long ns,
            long totalNs, long min, long max, long calls, long errors) {
        int last = columns.size() - 1;
        for (int i = 0; i <= last; i++) {
            Column c = columns.get(i);
            if (i > 0) sb.append(' ');
            String cell = switch (c) {
                case TIME_PERCENT -> String.format(Locale.ROOT, "%.2f",
                        name.equals("total") ? 100.0 : totalNs == 0 ? 0.0 : 100.0 * ns / totalNs);
                case TOTAL_TIME -> seconds(ns);
                case MIN_TIME -> seconds(min);
                case MAX_TIME -> seconds(max);
                case AVG_TIME -> Long.toString(ns / 1000 / calls);
                case CALLS -> Long.toString(calls);
                case ERRORS -> errors == 0 ? "" : Long.toString(errors);
                case NAME -> name;
            };
            if (c == Column.NAME) {
                sb.append(cell);
                if (i < last) pad(sb, nameWidth - cell.length());
            } else {
                pad(sb, c.width - cell.length());
                sb.append(cell);
            }
        }
        sb.append('\n');
    }

    /** Seconds with microseconds, truncated as strace truncates its timespecs. */
    private static String seconds(long ns) {
        long us = ns / 1000;
        char[] frac = new char[6];
        Arrays.fill(frac, '0');
        String f = Long.toString(us % 1_000_000);
        f.getChars(0, f.length(), frac, 6 - f.length());
        return (us / 1_000_000) + "." + new String(frac);
    }

    private static void pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) sb.append(' ');
    }
}
