package dev.jutrace.tools.strace;

import dev.jutrace.decode.DecodeOptions;
import java.util.BitSet;
import java.util.List;

/**
 * What the strace engine prints and counts: the command line's options, checked. Build one with
 * {@link #builder()}.
 *
 * @param follow follow new threads and processes ({@code -f})
 * @param traced the syscall numbers to print ({@code -e trace=}); null for all
 * @param signals the signals whose delivery is printed ({@code -e signal=}); null for all
 * @param statuses the {@link SyscallStatus} bits of the syscalls to print ({@code -e status=},
 *     {@code -z}, {@code -Z})
 * @param paths print only syscalls that touch one of these paths ({@code -P}); empty for no such filter
 * @param traceFds print only syscalls on these descriptors ({@code --trace-fds}); null for no such filter
 * @param stringLimit the longest string printed in full ({@code -s})
 * @param column the column return values are aligned to ({@code -a}, 40 by default)
 * @param pids how lines name their thread
 * @param timestamps absolute timestamps ({@code -t}, {@code -tt}, {@code -ttt})
 * @param relative relative timestamps ({@code -r})
 * @param syscallTimes time spent in each syscall ({@code -T})
 * @param syscallNumbers the syscall number before each line ({@code -n})
 * @param instructionPointer the instruction pointer before each line ({@code -i})
 * @param quietAttach no "Process N attached/detached" messages ({@code -q})
 * @param quietExit no "+++ exited with N +++" lines ({@code -qq})
 * @param decodeFds 0, or 1 for paths of descriptors ({@code -y}), 2 for socket details too ({@code -yy})
 * @param summary whether to count syscalls and print the summary table ({@code -c}, {@code -C})
 * @param wallClock count wall-clock time rather than system time ({@code -w})
 * @param sortBy the summary's order ({@code -S})
 * @param columns the summary's columns ({@code -U})
 * @param detachOnExecve detach from a process at its execve ({@code -b execve})
 * @param syscallLimit detach from everything after this many printed syscalls ({@code --syscall-limit}); 0 for none
 * @param hexStrings 0, or 1 for non-ASCII strings in hex ({@code -x}), 2 for all strings ({@code -xx})
 * @param constStyle how named constants print ({@code -X})
 * @param noAbbrev print abbreviated structures in full ({@code -v})
 */
public record StraceOptions(boolean follow, BitSet traced, BitSet signals, int statuses, List<String> paths,
        BitSet traceFds, int stringLimit, int column, PidPrefix pids, Timestamps timestamps, boolean relative,
        boolean syscallTimes, boolean syscallNumbers, boolean instructionPointer, boolean quietAttach,
        boolean quietExit, int decodeFds, Summary summary, boolean wallClock, SummaryTable.Sort sortBy,
        List<SummaryTable.Column> columns, boolean detachOnExecve, long syscallLimit,
        int hexStrings, DecodeOptions.ConstStyle constStyle, boolean noAbbrev) {

    /** How a line names the thread it is about. */
    public enum PidPrefix {
        /** {@code [pid  123] } while more than one thread is traced: strace's default. */
        AUTO,
        /** {@code [pid  123] } on every line ({@code --always-show-pid}). */
        ALWAYS,
        /** {@code 123   } on every line: {@code -f -o FILE}. */
        COLUMN,
        /** Nothing: each thread has its own file ({@code -ff -o FILE}). */
        NONE
    }

    /** strace's absolute timestamps. */
    public enum Timestamps {
        NONE,
        /** {@code -t}: {@code 10:17:55 }. */
        TIME,
        /** {@code -tt}: {@code 10:17:55.024126 }. */
        TIME_US,
        /** {@code -ttt}: {@code 1795774675.030570 }. */
        UNIX_US
    }

    /** Whether the trace, the summary table, or both are printed. */
    public enum Summary {
        /** The trace only. */
        NONE,
        /** The table only ({@code -c}). */
        ONLY,
        /** The trace, then the table ({@code -C}). */
        ALSO
    }

    public StraceOptions {
        paths = List.copyOf(paths);
        columns = List.copyOf(columns);
    }

    public boolean traces(int nr) {
        return traced == null || (nr >= 0 && traced.get(nr));
    }

    public boolean tracesSignal(int signo) {
        return signals == null || (signo >= 0 && signals.get(signo));
    }

    /** Whether lines may print at all: not under {@code -c}. */
    public boolean printsTrace() {
        return summary != Summary.ONLY;
    }

    /** Whether a syscall's line waits for its outcome before printing. */
    public boolean filtersByStatus() {
        return statuses != SyscallStatus.ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects options one at a time, as a command line gives them. */
    public static final class Builder {
        private boolean follow;
        private BitSet traced;
        private BitSet signals;
        private int statuses = SyscallStatus.ALL;
        private List<String> paths = List.of();
        private BitSet traceFds;
        private int stringLimit = 32;
        private int column = 40;
        private PidPrefix pids = PidPrefix.AUTO;
        private Timestamps timestamps = Timestamps.NONE;
        private boolean relative;
        private boolean syscallTimes;
        private boolean syscallNumbers;
        private boolean instructionPointer;
        private boolean quietAttach;
        private boolean quietExit;
        private int decodeFds;
        private Summary summary = Summary.NONE;
        private boolean wallClock;
        private SummaryTable.Sort sortBy = SummaryTable.Sort.TIME;
        private List<SummaryTable.Column> columns = SummaryTable.Column.DEFAULT;
        private boolean detachOnExecve;
        private long syscallLimit;
        private int hexStrings;
        private DecodeOptions.ConstStyle constStyle = DecodeOptions.ConstStyle.ABBREV;
        private boolean noAbbrev;

        public Builder follow(boolean v) { follow = v; return this; }
        public Builder traced(BitSet v) { traced = v; return this; }
        public Builder signals(BitSet v) { signals = v; return this; }
        public Builder statuses(int v) { statuses = v; return this; }
        public Builder paths(List<String> v) { paths = v; return this; }
        public Builder traceFds(BitSet v) { traceFds = v; return this; }
        public Builder stringLimit(int v) { stringLimit = v; return this; }
        public Builder column(int v) { column = v; return this; }
        public Builder pids(PidPrefix v) { pids = v; return this; }
        public Builder timestamps(Timestamps v) { timestamps = v; return this; }
        public Builder relative(boolean v) { relative = v; return this; }
        public Builder syscallTimes(boolean v) { syscallTimes = v; return this; }
        public Builder syscallNumbers(boolean v) { syscallNumbers = v; return this; }
        public Builder instructionPointer(boolean v) { instructionPointer = v; return this; }
        public Builder quietAttach(boolean v) { quietAttach = v; return this; }
        public Builder quietExit(boolean v) { quietExit = v; return this; }
        public Builder decodeFds(int v) { decodeFds = v; return this; }
        public Builder summary(Summary v) { summary = v; return this; }
        public Builder wallClock(boolean v) { wallClock = v; return this; }
        public Builder sortBy(SummaryTable.Sort v) { sortBy = v; return this; }
        public Builder columns(List<SummaryTable.Column> v) { columns = v; return this; }
        public Builder detachOnExecve(boolean v) { detachOnExecve = v; return this; }
        public Builder syscallLimit(long v) { syscallLimit = v; return this; }
        public Builder hexStrings(int v) { hexStrings = v; return this; }
        public Builder constStyle(DecodeOptions.ConstStyle v) { constStyle = v; return this; }
        public Builder noAbbrev(boolean v) { noAbbrev = v; return this; }

        public StraceOptions build() {
            return new StraceOptions(follow, traced, signals, statuses, paths, traceFds, stringLimit, column, pids,
                    timestamps, relative, syscallTimes, syscallNumbers, instructionPointer, quietAttach, quietExit,
                    decodeFds, summary, wallClock, sortBy, columns, detachOnExecve, syscallLimit,
                    hexStrings, constStyle, noAbbrev);
        }
    }
}
