package dev.jutrace.cli;

import dev.jutrace.decode.DecodeOptions;
import dev.jutrace.decode.SyscallTable;
import dev.jutrace.tools.strace.BadFilterException;
import dev.jutrace.tools.strace.FdSet;
import dev.jutrace.tools.strace.SignalSet;
import dev.jutrace.tools.strace.StraceOptions;
import dev.jutrace.tools.strace.SummaryTable;
import dev.jutrace.tools.strace.SyscallSet;
import dev.jutrace.tools.strace.SyscallStatus;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * strace's options that shape what is traced and how it prints, as a picocli mixin: Main owns
 * starting and attaching, this class turns the rest into {@link StraceOptions}. Errors carry
 * strace's messages.
 */
final class TraceArgs {

    @Option(names = {"-f", "--follow-forks"}, description = "Follow forks, vforks, clones and threads; -ff with -o writes FILE.PID per thread.")
    boolean[] follow = {};

    @Option(names = "--output-separately", description = "With -f and -o, one file per thread: FILE.PID.")
    boolean outputSeparately;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the trace to FILE instead of stderr.")
    String output;

    @Option(names = {"-A", "--output-append-mode"}, description = "Append to the -o file instead of truncating it.")
    boolean append;

    @Option(names = {"-s", "--string-limit"}, paramLabel = "N", description = "Print at most N bytes of each string (default 32).")
    String stringLimit = "32";

    @Option(names = "-x", description = "Print non-ASCII strings in hex; -xx all strings.")
    boolean[] hexStrings = {};

    @Option(names = "--strings-in-hex", paramLabel = "WHICH", arity = "0..1", fallbackValue = "all",
            description = "Strings to print in hex: none, non-ascii or all (the default).")
    String stringsInHex;

    @Option(names = {"-X", "--const-print-style"}, paramLabel = "STYLE",
            description = "How constants and flags print: raw, abbrev (default) or verbose.")
    String constStyle;

    @Option(names = {"-v", "--no-abbrev"}, description = "Print abbreviated structures in full.")
    boolean noAbbrev;

    @Option(names = "-e", paramLabel = "EXPR", description = {
        "Qualifying expression: [trace=]SET, signal=SET, status=SET, trace-fds=SET, quiet=SET, decode-fds=SET.",
        "SET: [!]all, [!]none or [!]ITEM[,ITEM...]; syscalls as names, ?name, /regex, %class."})
    List<String> expressions = new ArrayList<>();

    @Option(names = "--trace", paramLabel = "SET", description = "Same as -e trace=SET.")
    List<String> trace = new ArrayList<>();

    @Option(names = "--signal", paramLabel = "SET", description = "Same as -e signal=SET: the signals to print.")
    List<String> signal = new ArrayList<>();

    @Option(names = "--status", paramLabel = "SET", description = "Same as -e status=SET: successful, failed, unfinished, unavailable, detached.")
    List<String> status = new ArrayList<>();

    @Option(names = {"-z", "--successful-only"}, description = "Print only syscalls that returned without an error.")
    boolean successfulOnly;

    @Option(names = {"-Z", "--failed-only"}, description = "Print only syscalls that returned an error.")
    boolean failedOnly;

    @Option(names = {"-P", "--trace-path"}, paramLabel = "PATH", description = "Print only syscalls that touch PATH (repeatable).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--trace-fds", paramLabel = "SET", description = "Print only syscalls on the descriptors in SET.")
    List<String> traceFds = new ArrayList<>();

    @Option(names = {"-a", "--columns"}, paramLabel = "COLUMN", description = "Align return values to COLUMN (default 40).")
    String column;

    @Option(names = "-q", description = "Suppress attach/detach messages; -qq also the exit lines.")
    boolean[] quiet = {};

    @Option(names = {"-t", "--absolute-timestamps"}, description = "Prefix each line with the time; -tt with microseconds; -ttt as UNIX time.")
    boolean[] timestamps = {};

    @Option(names = {"-r", "--relative-timestamps"}, description = "Prefix each line with the time since the previous line.")
    boolean relative;

    @Option(names = {"-T", "--syscall-times"}, description = "Show the time spent in each syscall.")
    boolean syscallTimes;

    @Option(names = {"-n", "--syscall-number"}, description = "Prefix each line with the syscall number.")
    boolean syscallNumbers;

    @Option(names = {"-i", "--instruction-pointer"}, description = "Prefix each line with the instruction pointer.")
    boolean instructionPointer;

    @Option(names = "--always-show-pid", description = "Prefix every line with its pid.")
    boolean alwaysShowPid;

    @Option(names = "-y", description = "Print paths of file descriptors; -yy socket endpoints too.")
    boolean[] decodeFds = {};

    @Option(names = {"-c", "--summary-only"}, description = "Count time, calls and errors per syscall; print only the table.")
    boolean summaryOnly;

    @Option(names = {"-C", "--summary"}, description = "Like -c, and print the trace too.")
    boolean summaryToo;

    @Option(names = {"-w", "--summary-wall-clock"}, description = "Count wall-clock latency instead of system time.")
    boolean wallClock;

    @Option(names = {"-S", "--summary-sort-by"}, paramLabel = "SORTBY",
            description = "Sort the table by time, min-time, max-time, avg-time, calls, errors, name or nothing.")
    String sortBy;

    @Option(names = {"-U", "--summary-columns"}, paramLabel = "COLUMNS",
            description = "The table's columns: time-percent, total-time, min-time, max-time, avg-time, calls, errors, name.")
    String columns;

    @Option(names = {"-b", "--detach-on"}, paramLabel = "SYSCALL", description = "Detach from a process at its execve.")
    String detachOn;

    @Option(names = "--syscall-limit", paramLabel = "N", description = "Detach from everything after N traced syscalls.")
    String syscallLimit;

    /** The checked options. */
    /**
     * The strace engine's options. {@code attaching} says the tracees are -p processes rather
     * than a command: strace is quiet about attaches of a command's children when its trace goes
     * to a file, and only then.
     */
    StraceOptions toOptions(SyscallTable table, boolean attaching) {
        StraceOptions.Builder b = StraceOptions.builder();
        boolean follows = follow.length > 0;
        b.follow(follows);
        b.stringLimit(parseStringLimit(stringLimit));
        b.hexStrings(stringsInHex != null ? parseStringsInHex(stringsInHex) : Math.min(hexStrings.length, 2));
        if (constStyle != null) b.constStyle(parseConstStyle(constStyle));
        b.noAbbrev(noAbbrev);
        b.column(column == null ? 40 : parseColumn(column));
        for (String expr : expressions) {
            qualify(expr, b, table);
        }
        for (String s : trace) b.traced(orAll(SyscallSet.parse(s, table), table));
        for (String s : signal) b.signals(SignalSet.parse(s));
        for (String s : status) b.statuses(SyscallStatus.parse(s));
        if (successfulOnly) b.statuses(SyscallStatus.SUCCESSFUL.bit());
        if (failedOnly) b.statuses(SyscallStatus.FAILED.bit());
        for (String s : traceFds) b.traceFds(FdSet.parse(s));
        b.paths(paths);
        if (separateFiles()) {
            b.pids(StraceOptions.PidPrefix.NONE);
        } else if (follows && output != null) {
            b.pids(StraceOptions.PidPrefix.COLUMN);
        } else if (alwaysShowPid) {
            b.pids(StraceOptions.PidPrefix.ALWAYS);
        }
        b.timestamps(switch (timestamps.length) {
            case 0 -> StraceOptions.Timestamps.NONE;
            case 1 -> StraceOptions.Timestamps.TIME;
            case 2 -> StraceOptions.Timestamps.TIME_US;
            default -> StraceOptions.Timestamps.UNIX_US;
        });
        b.relative(relative).syscallTimes(syscallTimes).syscallNumbers(syscallNumbers)
                .instructionPointer(instructionPointer);
        if (quiet.length >= 1 || (output != null && !attaching)) b.quietAttach(true);
        if (quiet.length >= 2) b.quietExit(true);
        if (decodeFds.length > 0) b.decodeFds(Math.min(decodeFds.length, 2));
        if (summaryOnly && summaryToo) {
            throw new BadFilterException("-c/--summary-only and -C/--summary are mutually exclusive", true);
        }
        b.summary(summaryOnly ? StraceOptions.Summary.ONLY
                : summaryToo ? StraceOptions.Summary.ALSO : StraceOptions.Summary.NONE);
        b.wallClock(wallClock);
        if (sortBy != null) b.sortBy(SummaryTable.Sort.parse(sortBy));
        if (columns != null) b.columns(SummaryTable.Column.parseList(columns));
        if (detachOn != null) {
            if (!detachOn.equals("execve")) throw new Main.UsageError("Syscall '" + detachOn + "' for -b isn't supported");
            b.detachOnExecve(true);
        }
        if (syscallLimit != null) b.syscallLimit(parseSyscallLimit(syscallLimit));
        return b.build();
    }

    /** -ff with -o: each thread writes FILE.TID. Without -o it is plain -f, as in strace. */
    boolean separateFiles() {
        return output != null && (follow.length > 1 || (outputSeparately && follow.length > 0));
    }

    private static java.util.BitSet orAll(java.util.BitSet set, SyscallTable table) {
        return set.cardinality() == table.size() ? null : set;
    }

    /** One {@code -e} expression; a bare set, or an unknown qualifier, is a syscall set as in strace. */
    private void qualify(String expr, StraceOptions.Builder b, SyscallTable table) {
        int eq = expr.indexOf('=');
        String qualifier = eq < 0 ? "trace" : expr.substring(0, eq);
        String value = eq < 0 ? expr : expr.substring(eq + 1);
        switch (qualifier) {
            case "trace", "t" -> b.traced(orAll(SyscallSet.parse(value, table), table));
            case "signal", "signals", "s" -> b.signals(SignalSet.parse(value));
            case "status" -> b.statuses(SyscallStatus.parse(value));
            case "trace-fds", "trace_fds" -> b.traceFds(FdSet.parse(value));
            case "quiet", "silent", "silence", "q" -> quietSet(value, b);
            case "decode-fds", "decode_fds" -> decodeFdsSet(value, b);
            default -> b.traced(orAll(SyscallSet.parse(expr, table), table));
        }
    }

    private static void quietSet(String value, StraceOptions.Builder b) {
        boolean negate = value.startsWith("!");
        String body = negate ? value.substring(1) : value;
        boolean attach = false;
        boolean exit = false;
        if (body.equals("all")) {
            attach = exit = true;
        } else if (!body.equals("none")) {
            for (String token : body.split(",", -1)) {
                switch (token) {
                    case "attach" -> attach = true;
                    case "exit" -> exit = true;
                    // Messages jutrace never prints: accepted, as strace accepts them.
                    case "personality", "path-resolution", "thread-execve", "superseded" -> { }
                    default -> throw new BadFilterException("invalid quiet '" + token + "'");
                }
            }
        }
        b.quietAttach(attach != negate).quietExit(exit != negate);
    }

    private static void decodeFdsSet(String value, StraceOptions.Builder b) {
        int level = 0;
        for (String token : value.split(",", -1)) {
            switch (token) {
                case "none" -> { }
                case "path" -> level = Math.max(level, 1);
                case "all", "socket" -> level = 2;
                // Device numbers and pidfd/signalfd details: accepted, printed as paths.
                case "dev", "pidfd", "eventfd", "signalfd" -> level = Math.max(level, 1);
                default -> throw new BadFilterException("invalid decode-fds '" + token + "'");
            }
        }
        b.decodeFds(level);
    }

    static int parseStringLimit(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new Main.UsageError("invalid -s argument: '" + value + "'");
    }

    private static int parseStringsInHex(String value) {
        return switch (value) {
            case "none" -> 0;
            case "non-ascii" -> 1;
            case "all" -> 2;
            default -> throw new Main.UsageError("invalid --strings-in-hex argument: '" + value + "'");
        };
    }

    private static DecodeOptions.ConstStyle parseConstStyle(String value) {
        DecodeOptions.ConstStyle style = DecodeOptions.ConstStyle.of(value);
        if (style == null) throw new Main.UsageError("invalid -X argument: '" + value + "'");
        return style;
    }

    private static int parseColumn(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new BadFilterException("invalid -a argument: '" + value + "'", true);
    }

    private static long parseSyscallLimit(String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new BadFilterException("invalid --syscall-limit argument: '" + value + "'", true);
    }
}
