package dev.jutrace.tools.inject;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.Signals;
import dev.jutrace.decode.SyscallSets;
import dev.jutrace.decode.SyscallTable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --inject} or {@code --fault} option: which calls, what to do to them, and when.
 *
 * <p>The syntax is strace's, {@code SET[:error=E|:retval=N][:signal=S][:delay_enter=T]
 * [:delay_exit=T][:when=FIRST[..LAST][+STEP]]}, where SET is written as for {@code -e trace=}. jutrace
 * adds argument predicates, which a call must satisfy to be counted and tampered with:
 * <ul>
 *   <li>{@code path=GLOB}: some path argument of the call, read from the tracee as the program
 *       passed it (not resolved against a directory fd or the cwd), matches the {@link Glob};
 *       given several times, any of them may match. A call with no path argument never matches.
 *   <li>{@code argN=VALUE} (N from 1 to 6, as strace numbers arguments in {@code poke_enter}):
 *       the argument equals VALUE (decimal, {@code 0x} hex, or negative; a value that fits in
 *       32 bits is compared with the register's low 32 bits too, so {@code arg1=-100} matches
 *       AT_FDCWD).
 * </ul>
 * {@code when=} counts only the calls that satisfy the predicates. A glob cannot hold a colon,
 * which separates the options.
 *
 * @param text the spec as written, for messages
 * @param syscalls the syscall numbers it applies to
 * @param error the errno to fail the call with, or 0
 * @param hasRetval whether the call is skipped and returns {@code retval} instead
 * @param signal the signal delivered when the call is entered, or 0
 * @param delayEnterMicros how long the thread is held at entry, or 0
 * @param delayExitMicros how long the thread is held at exit, or 0
 * @param when which counted calls are hit
 * @param paths {@code path=} globs, any of which must match; empty for no path predicate
 * @param args {@code argN=} predicates, all of which must hold
 */
public record InjectSpec(String text, BitSet syscalls, int error, boolean hasRetval, long retval, int signal,
        long delayEnterMicros, long delayExitMicros, When when, List<Glob> paths, List<ArgEquals> args) {

    /** {@code argN=VALUE}: argument {@code index} (from 0) equals {@code value}. */
    public record ArgEquals(int index, long value) {

        /**
         * Whether the raw register {@code arg} holds the value. A value that fits in an int also
         * matches on the low 32 bits alone: int arguments (fds, flags, AT_FDCWD) reach the kernel
         * with whatever the upper half of the register held, usually zero.
         */
        public boolean matches(long arg) {
            return arg == value || (value == (int) value && (int) arg == (int) value);
        }
    }

    /** Whether the call's result is replaced (an error or a return value). */
    public boolean tampersResult() {
        return error != 0 || hasRetval;
    }

    /** The raw value the call returns when its result is replaced: {@code -errno} or the retval. */
    public long result() {
        return error != 0 ? -error : retval;
    }

    /** A bad spec; the message is one line, ready for the user. */
    public static final class BadSpecException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadSpecException(String message) {
            super(message);
        }
    }

    /** Parses an {@code --inject} argument. */
    public static InjectSpec parseInject(String text, SyscallTable table) {
        return parse(text, table, "--inject", false);
    }

    /** Parses a {@code --fault} argument: as {@code --inject}, with {@code error=ENOSYS} by default. */
    public static InjectSpec parseFault(String text, SyscallTable table) {
        return parse(text, table, "--fault", true);
    }

    private static InjectSpec parse(String text, SyscallTable table, String option, boolean fault) {
        try {
            return parse(text, table, fault);
        } catch (IllegalArgumentException e) {
            throw new BadSpecException("invalid " + option + " argument '" + text + "': " + e.getMessage());
        }
    }

    private static InjectSpec parse(String text, SyscallTable table, boolean fault) {
        String[] parts = text.split(":", -1);
        if (parts[0].isEmpty()) throw new IllegalArgumentException("no system call set");
        BitSet syscalls = SyscallSets.parse(parts[0], table);
        int error = 0;
        boolean hasRetval = false;
        long retval = 0;
        int signal = 0;
        long delayEnter = 0;
        long delayExit = 0;
        When when = When.ALWAYS;
        List<Glob> paths = new ArrayList<>();
        List<ArgEquals> args = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected KEY=VALUE, not '" + part + "'");
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            switch (key) {
                case "error" -> {
                    if (error != 0 || hasRetval) throw new IllegalArgumentException("only one error= or retval=");
                    error = errno(value);
                }
                case "retval" -> {
                    if (error != 0 || hasRetval) throw new IllegalArgumentException("only one error= or retval=");
                    hasRetval = true;
                    retval = integer(value, "retval");
                }
                case "signal" -> {
                    if (signal != 0) throw new IllegalArgumentException("only one signal=");
                    signal = Signals.number(value);
                    if (signal <= 0) throw new IllegalArgumentException("unknown signal '" + value + "'");
                }
                case "delay_enter" -> delayEnter = micros(value);
                case "delay_exit" -> delayExit = micros(value);
                case "when" -> when = When.parse(value); // the last one counts, as in strace
                case "path" -> paths.add(new Glob(value));
                case "syscall", "poke_enter", "poke_exit" ->
                        throw new IllegalArgumentException(key + "= is not supported by jutrace");
                default -> {
                    Matcher m = ARG.matcher(key);
                    if (!m.matches()) throw new IllegalArgumentException("unknown option '" + key + "'");
                    args.add(new ArgEquals(m.group(1).charAt(0) - '1', integer(value, key)));
                }
            }
        }
        if (fault && error == 0 && !hasRetval) error = Errno.number("ENOSYS");
        if (error == 0 && !hasRetval && signal == 0 && delayEnter == 0 && delayExit == 0) {
            throw new IllegalArgumentException("needs error=, retval=, signal=, delay_enter= or delay_exit=");
        }
        return new InjectSpec(text, syscalls, error, hasRetval, retval, signal, delayEnter, delayExit, when,
                List.copyOf(paths), List.copyOf(args));
    }

    private static final Pattern ARG = Pattern.compile("arg([1-6])");
    private static final Pattern TIME = Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,9}))?(s|ms|us|ns)?");

    private static int errno(String value) {
        int n;
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            n = value.length() <= 5 ? Integer.parseInt(value) : -1;
        } else {
            n = Errno.number(value);
        }
        if (n < 1 || n > Errno.MAX_ERRNO) {
            throw new IllegalArgumentException("error= takes an errno name or 1.." + Errno.MAX_ERRNO + ", not '" + value + "'");
        }
        return n;
    }

    private static long integer(String value, String key) {
        try {
            if (value.startsWith("0x") || value.startsWith("0X")) return Long.parseUnsignedLong(value.substring(2), 16);
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "= takes an integer, not '" + value + "'");
        }
    }

    /** A delay: a number of microseconds, or a number with a unit (s, ms, us, ns), as strace takes it. */
    private static long micros(String value) {
        Matcher m = TIME.matcher(value);
        if (!m.matches()) throw new IllegalArgumentException("invalid delay '" + value + "'");
        String unit = m.group(3) == null ? "us" : m.group(3);
        long scale = switch (unit) {
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us" -> 1_000L;
            default -> 1L;
        };
        long whole = Long.parseLong(m.group(1));
        String frac = m.group(2) == null ? "" : m.group(2);
        double nanos = (whole + (frac.isEmpty() ? 0 : Double.parseDouble("0." + frac))) * scale;
        if (nanos > 86_400e9) throw new IllegalArgumentException("delay '" + value + "' is over a day");
        return (long) Math.ceil(nanos / 1000);
    }

    @Override
    public String toString() {
        return text;
    }
}
