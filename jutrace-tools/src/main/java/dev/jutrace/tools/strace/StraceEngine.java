package dev.jutrace.tools.strace;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineDetachedException;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.SignalReport;
import dev.jutrace.core.Syscall;
import dev.jutrace.core.Task;
import dev.jutrace.decode.DecodeOptions;
import dev.jutrace.decode.Errno;
import dev.jutrace.decode.FdNames;
import dev.jutrace.decode.SigInfo;
import dev.jutrace.decode.Signals;
import dev.jutrace.decode.SyscallPrinter;
import dev.jutrace.decode.SyscallTable;
import dev.jutrace.decode.syscalls.Decoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Prints what a thread does in strace's line format: one engine per traced thread, all sharing
 * this ops object. A syscall's line is written at entry and finished at exit; when another thread
 * prints in between, the open line is closed with {@code <unfinished ...>} and the exit is printed
 * later as {@code <... name resumed>}, as strace does. When lines are chosen by their outcome
 * ({@code -e status=}, {@code -z}, {@code -Z}) a line waits in its thread's buffer until the exit,
 * and prints whole.
 *
 * <p>Callbacks run on the tracer thread only, so the shared state needs no locking; the output
 * list is the exception, read by the flushing thread.
 */
public final class StraceEngine implements EngineOps, TraceTool {
    private static final int SYS_EXECVE = 59;
    private static final int SYS_RT_SIGRETURN = 15;
    private static final int SYS_EXECVEAT = 322;
    private static final int DEFAULT_COLUMN = 40;
    /** The longest path the kernel takes, with its NUL: -P compares no further. */
    private static final int PATH_BYTES = 4096;
    private static final int SYS_CLOSE = 3;
    private static final int SYS_PIPE = 22;
    private static final int SYS_DUP = 32;
    private static final int SYS_DUP2 = 33;
    private static final int SYS_SOCKET = 41;
    private static final int SYS_ACCEPT = 43;
    private static final int SYS_SOCKETPAIR = 53;
    private static final int SYS_FCNTL = 72;
    private static final int SYS_CHDIR = 80;
    private static final int SYS_FCHDIR = 81;
    private static final int SYS_ACCEPT4 = 288;
    private static final int SYS_DUP3 = 292;
    private static final int SYS_PIPE2 = 293;
    private static final int SYS_CLOSE_RANGE = 436;
    private static final int F_DUPFD = 0;
    private static final int F_DUPFD_CLOEXEC = 1030;
    private static final long CLONE_FILES = 0x400;

    private final StraceOptions options;
    private final TraceOutput out;
    private final TraceOutput notices;
    private final IntFunction<TraceOutput> perThread;
    private final SyscallTable table = SyscallTable.x86_64();
    private final SyscallPrinter printer;
    private final LinePrefix prefix;
    private final SummaryTable summary;
    /** Whether stops read the clock: for timestamps, -T, or -w. */
    private final boolean clock;
    private final int mask;
    /** Descriptor bookkeeping, for -y, -P and --trace-fds; null when none is asked for. */
    private final FdArgs fdArgs;
    private final FdTables fdTables;
    /** -P's paths as the bytes a tracee's path argument must hold, NUL included. */
    private final byte[][] paths;
    private final byte[] pathScratch = new byte[PATH_BYTES];
    /** Every thread's state, for detaching all at --syscall-limit; and its outputs, for flushing. */
    private final List<Tracee> tracees = new ArrayList<>();
    private final List<TraceOutput> outputs = new ArrayList<>();
    /** The thread whose line is written but not yet ended. */
    private Tracee openLine;
    private int liveTasks;
    private long captured;
    private boolean limitReached;
    private volatile int mainTid = -1;
    private volatile int mainStatus = -1;

    /**
     * Per-thread state, the engine's data; also the decoders' view of the thread's memory and,
     * for -y, of its descriptors.
     */
    static final class Tracee implements dev.jutrace.decode.Memory, FdNames {
        final Task task;
        final StringBuilder line = new StringBuilder(256);
        /** The call's registers and what its decoder's entry half saves for the exit half. */
        final long[] args = new long[Decoder.ARGS_LENGTH];
        Engine engine;
        TraceOutput out;
        CpuClock cpu;
        /** The process's descriptors, shared by threads that share them; null without -y/-P/--trace-fds. */
        FdTable fds;
        int nr = -1;
        /** The last syscall entered, printed by {@code -n} on lines that are not a syscall's. */
        int lastNr = -1;
        /** A selected syscall is under way: its exit finishes it. */
        boolean printing;
        /** Under -ff: this thread's own file holds its unfinished line. */
        boolean lineOpen;
        /** Its text waits in {@link #line}, unwritten, for the outcome to decide. */
        boolean deferred;
        /** Spawned and not yet past its first exec: that exec's line is synthesized. */
        boolean initial;
        /** Execs of wrapper programs still to come before the command's own; none print. */
        int wrapperExecs;
        long entryTime;
        long entryCpu;

        Tracee(Task task) {
            this.task = task;
        }

        @Override
        public int read(long address, byte[] buffer, int offset, int length) {
            return task.readMemory(address, buffer, offset, length);
        }

        @Override
        public void appendFd(int fd, StringBuilder out) {
            if (fds != null) fds.append(fd, out);
        }
    }

    /** An engine printing every thread to {@code out}, with notices ("Process N attached") also there. */
    public StraceEngine(StraceOptions options, TraceOutput out) {
        this(options, out, out, null);
    }

    /**
     * @param out where lines go, and the summary table
     * @param notices where "Process N attached/detached" go: strace's stderr
     * @param perThread when not null, opens each thread's own output ({@code -ff}), by tid
     */
    public StraceEngine(StraceOptions options, TraceOutput out, TraceOutput notices, IntFunction<TraceOutput> perThread) {
        this.options = options;
        this.out = out;
        this.notices = notices;
        this.perThread = perThread;
        this.printer = new SyscallPrinter(table,
                DecodeOptions.defaults().withStringLimit(options.stringLimit()).withDecodeFds(options.decodeFds())
                        .withHexStrings(options.hexStrings() == 1).withAllHex(options.hexStrings() >= 2)
                        .withConstStyle(options.constStyle()).withNoAbbrev(options.noAbbrev()));
        boolean fdsNeeded = options.decodeFds() > 0 || !options.paths().isEmpty() || options.traceFds() != null;
        this.fdArgs = fdsNeeded ? FdArgs.load(table) : null;
        this.fdTables = fdsNeeded ? new FdTables(Math.max(1, options.decodeFds())) : null;
        this.paths = new byte[options.paths().size()][];
        for (int i = 0; i < paths.length; i++) {
            byte[] p = options.paths().get(i).getBytes(StandardCharsets.UTF_8);
            paths[i] = Arrays.copyOf(p, p.length + 1);
        }
        this.prefix = new LinePrefix(options);
        this.summary = options.summary() == StraceOptions.Summary.NONE ? null : new SummaryTable(table);
        this.clock = prefix.needsTime() || options.syscallTimes() || (summary != null && options.wallClock());
        int m = Event.mask(Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT, Event.EXEC, Event.DEATH, Event.JCTL)
                | Event.SIGNAL_ALL;
        this.mask = options.follow() ? m | Event.CLONE.bit() : m;
    }

    /** Attaches this engine to {@code task}; on the tracer thread (a spawn or attach callback). */
    public Engine attachTo(Task task) {
        return attachTo(task, fdTables == null ? null : fdTables.of(task.tgid()));
    }

    private Engine attachTo(Task task, FdTable fds) {
        Tracee t = new Tracee(task);
        t.fds = fds;
        if (perThread != null) {
            t.out = perThread.apply(task.tid());
            synchronized (outputs) {
                outputs.add(t.out);
            }
        } else {
            t.out = out;
        }
        Engine e = task.tracer().attach(task, this, t, AttachFlag.CREATE);
        t.engine = e;
        e.setEvents(mask);
        tracees.add(t);
        liveTasks++;
        return e;
    }

    /** Attaches to a freshly spawned process, whose first exec is printed as strace prints it. */
    public Engine attachToSpawned(Task task) {
        return attachToSpawned(task, 0);
    }

    /**
     * As {@link #attachToSpawned(Task)}, for a command started through {@code wrappers} programs
     * that each exec the next, as {@code -u} runs it through setpriv: nothing prints until the
     * command's own exec.
     */
    public Engine attachToSpawned(Task task, int wrappers) {
        Engine e = attachTo(task);
        Tracee t = (Tracee) e.data();
        t.initial = true;
        t.wrapperExecs = wrappers;
        mainTid = task.tid();
        return e;
    }

    /** The wait status of the spawned process's leader, or -1 while it lives or if none was spawned. */
    public int mainStatus() {
        return mainStatus;
    }

    /** The {@code -c} table, or an empty string without {@code -c}/{@code -C} or when nothing was counted. */
    public String summary() {
        return summary == null ? "" : summary.format(options.sortBy(), options.columns());
    }

    /**
     * Ends the lines of calls still under way when the tracer let every thread go (Ctrl-C on
     * {@code -p}): {@code pause( <detached ...>}, as strace ends them. Call after
     * {@code Tracer.detachAll()}, when no callback can run any more.
     */
    public void endDetached() {
        for (Tracee t : List.copyOf(tracees)) {
            if (!t.printing || !options.printsTrace()) continue;
            t.printing = false;
            if (t.deferred) {
                t.deferred = false;
                if ((options.statuses() & SyscallStatus.DETACHED.bit()) == 0) continue;
                closeOpenLine(t);
                t.out.write(t.line);
            } else if (perThread != null ? t.lineOpen : openLine == t) {
                openLine = null;
                t.lineOpen = false;
            } else {
                continue;
            }
            t.out.write(" <detached ...>");
            t.out.newline();
        }
    }

    /** Flushes every per-thread output ({@code -ff}); from any thread. */
    public void flushOutputs() {
        synchronized (outputs) {
            for (TraceOutput o : outputs) o.flush();
        }
    }

    /** Closes every per-thread output still open; after the trace. */
    public void closeOutputs() {
        synchronized (outputs) {
            for (TraceOutput o : outputs) o.close();
            outputs.clear();
        }
    }

    // ---- syscalls -----------------------------------------------------------------------------

    /**
     * The calls {@code -e trace=} selects (null: all), so a seccomp filter can spare the others;
     * with descriptor bookkeeping also the calls that close, replace or (for -yy) make a
     * descriptor, whose exits keep the cache true even when they are not printed.
     */
    @Override
    public BitSet syscalls() {
        BitSet traced = options.traced();
        if (traced == null || fdTables == null) return traced;
        BitSet all = (BitSet) traced.clone();
        for (int nr : new int[] {SYS_CLOSE, SYS_CLOSE_RANGE, SYS_DUP2, SYS_DUP3, SYS_EXECVE, SYS_EXECVEAT, SYS_CHDIR,
                SYS_FCHDIR}) {
            all.set(nr);
        }
        if (options.decodeFds() >= 2) {
            for (int nr : new int[] {SYS_SOCKET, SYS_SOCKETPAIR, SYS_ACCEPT, SYS_ACCEPT4, SYS_DUP, SYS_FCNTL}) all.set(nr);
        }
        return all;
    }

    @Override
    public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
        Tracee t = (Tracee) engine.data();
        // A wrapper's calls (-u's setpriv) are not the command's.
        if (t.initial) return Action.RESUME;
        // The same call reported again after another engine held its entry: printed already.
        if (call.resumed()) return Action.RESUME;
        int nr = call.number();
        t.lastNr = nr;
        if (t.fds != null) {
            // Bookkeeping at exit needs every call's arguments, printed or not.
            t.nr = nr;
            for (int i = 0; i < 6; i++) t.args[i] = call.arg(i);
        }
        if (!options.traces(nr) || limitReached || !touchesWanted(t, nr, call)) {
            t.printing = false;
            return Action.RESUME;
        }
        t.printing = true;
        t.nr = nr;
        for (int i = 0; i < 6; i++) t.args[i] = call.arg(i);
        // rt_sigreturn takes no arguments: its decoder reads the signal frame at the stack pointer.
        if (nr == SYS_RT_SIGRETURN) t.args[Decoder.SAVED] = task.stackPointer();
        long now = clock ? System.nanoTime() : 0;
        t.entryTime = now;
        if (summary != null && !options.wallClock()) t.entryCpu = cpu(t).read();
        if (!options.printsTrace()) return Action.RESUME;
        StringBuilder sb = t.line;
        sb.setLength(0);
        linePrefix(sb, t, now, call.instructionPointer());
        printer.entry(nr, t.args, t, sb);
        if (options.detachOnExecve() && (nr == SYS_EXECVE || nr == SYS_EXECVEAT)) {
            // -b execve: the new program is not traced; strace leaves the call unfinished.
            t.printing = false;
            closeOpenLine(t);
            t.out.write(sb);
            t.out.write(" <unfinished ...>");
            t.out.newline();
            detached(t);
            return Action.DETACH;
        }
        if (options.filtersByStatus()) {
            t.deferred = true;
            return Action.RESUME;
        }
        closeOpenLine(t);
        t.out.write(sb);
        markOpen(t);
        return Action.RESUME;
    }

    @Override
    public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
        Tracee t = (Tracee) engine.data();
        if (t.fds != null) trackDescriptors(t, call.returnValue());
        if (!t.printing) return Action.RESUME;
        t.printing = false;
        long ret = call.returnValue();
        boolean failed = Errno.isError(ret);
        long now = clock ? System.nanoTime() : 0;
        if (summary != null) {
            long spent = options.wallClock() ? now - t.entryTime : cpuSince(t);
            summary.count(t.nr, spent, failed);
        }
        if (options.printsTrace()) {
            SyscallStatus status = failed ? SyscallStatus.FAILED : SyscallStatus.SUCCESSFUL;
            if ((options.statuses() & status.bit()) != 0) {
                StringBuilder sb = t.line;
                int from = t.deferred ? startDeferred(t) : resumeLine(t, now, call.instructionPointer());
                int exitStart = sb.length();
                printer.exit(t.nr, t.args, ret, t, sb);
                align(sb, exitStart);
                if (options.decodeFds() > 0 && !failed && returnsFd(t)) t.fds.append((int) ret, sb);
                // Marks left by a fault injector engine attached before this one (see InjectEngine).
                if (call.injected()) sb.append(" (INJECTED)");
                if (call.delayed()) sb.append(" (DELAYED)");
                if (options.syscallTimes()) LinePrefix.appendDuration(sb, now - t.entryTime);
                t.out.write(sb, from, sb.length());
                t.out.newline();
            }
            t.deferred = false;
        }
        if (options.syscallLimit() > 0 && ++captured >= options.syscallLimit()) {
            detachEverything(t);
            return Action.DETACH;
        }
        return Action.RESUME;
    }

    /** A deferred line prints whole now; returns where its text starts. */
    private int startDeferred(Tracee t) {
        t.deferred = false;
        closeOpenLine(t);
        return 0;
    }

    /**
     * Makes {@code t.line} end where the exit's text continues: the open line itself, or a fresh
     * {@code <... name resumed>} line. Returns where the unwritten text starts.
     */
    private int resumeLine(Tracee t, long now, long ip) {
        StringBuilder sb = t.line;
        if (perThread != null ? t.lineOpen : openLine == t) {
            openLine = null;
            t.lineOpen = false;
            return sb.length();
        }
        closeOpenLine(t);
        sb.setLength(0);
        linePrefix(sb, t, now, ip);
        sb.append("<... ").append(table.name(t.nr)).append(" resumed>");
        return 0;
    }

    /**
     * Ends the unfinished line that stands in the way of {@code t}'s next line: any thread's on
     * the shared output, or under -ff {@code t}'s own.
     */
    private void closeOpenLine(Tracee t) {
        if (perThread != null) {
            if (t.lineOpen) {
                t.out.write(" <unfinished ...>");
                t.out.newline();
                t.lineOpen = false;
            }
        } else if (openLine != null) {
            openLine.out.write(" <unfinished ...>");
            openLine.out.newline();
            openLine = null;
        }
    }

    private void markOpen(Tracee t) {
        if (perThread != null) {
            t.lineOpen = true;
        } else {
            openLine = t;
        }
    }

    /**
     * Moves the {@code =} that the printer aligned to column 40 to {@code -a}'s column. The
     * printer writes {@code )}, spaces to column 40 (or one), then {@code = }; the first
     * {@code )} after {@code from} followed by exactly that is it.
     */
    private void align(StringBuilder sb, int from) {
        int column = options.column();
        if (column == DEFAULT_COLUMN) return;
        for (int q = from; q < sb.length(); q++) {
            if (sb.charAt(q) != ')') continue;
            int col = q + 1;
            int eq = col + (col < DEFAULT_COLUMN ? DEFAULT_COLUMN - col : 1);
            if (eq + 1 >= sb.length() || sb.charAt(eq) != '=' || sb.charAt(eq + 1) != ' ') continue;
            boolean spaces = true;
            for (int i = col; i < eq && spaces; i++) spaces = sb.charAt(i) == ' ';
            if (!spaces) continue;
            int want = col < column ? column - col : 1;
            sb.delete(col, eq);
            for (int i = 0; i < want; i++) sb.insert(col, ' ');
            return;
        }
    }

    private CpuClock cpu(Tracee t) {
        if (t.cpu == null) t.cpu = new CpuClock(t.task.tid());
        return t.cpu;
    }

    private long cpuSince(Tracee t) {
        long now = cpu(t).read();
        return now < 0 || t.entryCpu < 0 ? 0 : now - t.entryCpu;
    }

    /** --syscall-limit reached: every thread is let go, this one by the caller's DETACH. */
    private void detachEverything(Tracee current) {
        limitReached = true;
        for (Tracee t : List.copyOf(tracees)) {
            if (t == current) continue;
            try {
                t.engine.detach();
            } catch (EngineDetachedException e) {
                // Already gone.
            }
            detached(t);
        }
        detached(current);
    }

    /** The thread is let go alive: strace's notice, and it no longer counts as traced. */
    private void detached(Tracee t) {
        tracees.remove(t);
        liveTasks--;
        if (!options.quietAttach()) notice("jutrace: Process " + t.task.tid() + " detached");
        finish(t);
    }

    /**
     * -P and --trace-fds: whether the call names a wanted path, or a descriptor that is wanted
     * or refers to a wanted path. Without either option every call is wanted.
     */
    private boolean touchesWanted(Tracee t, int nr, Syscall call) {
        if (paths.length == 0 && options.traceFds() == null) return true;
        int fdMask = fdArgs.fdArgs(nr);
        for (int i = 0; fdMask != 0; i++, fdMask >>>= 1) {
            if ((fdMask & 1) == 0) continue;
            int fd = (int) call.arg(i);
            if (fd < 0) continue;
            if (options.traceFds() != null && options.traceFds().get(fd)) return true;
            if (paths.length > 0) {
                String p = t.fds.path(fd);
                if (p != null && options.paths().contains(p)) return true;
            }
        }
        int pathMask = paths.length == 0 ? 0 : fdArgs.pathArgs(nr);
        for (int i = 0; pathMask != 0; i++, pathMask >>>= 1) {
            if ((pathMask & 1) != 0 && namesWantedPath(t, call.arg(i))) return true;
        }
        return false;
    }

    /** Compares the tracee's string at {@code address} with each -P path, bytes and NUL, without allocating. */
    private boolean namesWantedPath(Tracee t, long address) {
        if (address == 0) return false;
        for (byte[] want : paths) {
            int n = Math.min(want.length, pathScratch.length);
            if (t.read(address, pathScratch, 0, n) != n) continue;
            if (Arrays.equals(pathScratch, 0, n, want, 0, n)) return true;
        }
        return false;
    }

    private boolean returnsFd(Tracee t) {
        return fdArgs.returnsFd(t.nr) || (t.nr == SYS_FCNTL && isDupfd(t.args[1]));
    }

    private static boolean isDupfd(long cmd) {
        return (int) cmd == F_DUPFD || (int) cmd == F_DUPFD_CLOEXEC;
    }

    /**
     * Keeps the descriptor cache true after a call: a closed, replaced or new descriptor is
     * forgotten, to be read again from /proc when next printed; a new socket's protocol is
     * remembered from the call that made it.
     */
    private void trackDescriptors(Tracee t, long ret) {
        if (Errno.isError(ret)) return;
        FdTable fds = t.fds;
        long[] a = t.args;
        int nr = t.nr;
        switch (nr) {
            case SYS_CLOSE -> fds.forget((int) a[0]);
            case SYS_CLOSE_RANGE -> fds.forgetRange(a[0] & 0xffff_ffffL, a[1] & 0xffff_ffffL);
            case SYS_CHDIR, SYS_FCHDIR -> fds.forgetCwd();
            case SYS_PIPE, SYS_PIPE2 -> forgetPair(t, a[0], null);
            case SYS_SOCKETPAIR -> forgetPair(t, a[3], FdTable.protocolOf(a[0], a[1]));
            default -> { }
        }
        if (returnsFd(t)) {
            int fd = (int) ret;
            fds.forget(fd);
            switch (nr) {
                case SYS_SOCKET -> fds.protocol(fd, FdTable.protocolOf(a[0], a[1]));
                case SYS_ACCEPT, SYS_ACCEPT4, SYS_DUP, SYS_DUP2, SYS_DUP3, SYS_FCNTL ->
                        fds.protocol(fd, fds.protocol((int) a[0]));
                default -> { }
            }
        }
    }

    /** pipe and socketpair write two new descriptors to {@code address}. */
    private void forgetPair(Tracee t, long address, String protocol) {
        if (t.read(address, pathScratch, 0, 8) != 8) {
            t.fds.forgetAll();
            return;
        }
        for (int k = 0; k < 2; k++) {
            int fd = (pathScratch[4 * k] & 0xff) | (pathScratch[4 * k + 1] & 0xff) << 8
                    | (pathScratch[4 * k + 2] & 0xff) << 16 | (pathScratch[4 * k + 3] & 0xff) << 24;
            t.fds.forget(fd);
            t.fds.protocol(fd, protocol);
        }
    }

    /** A message of jutrace's own; on a shared stderr it must not land inside an open line. */
    private void notice(String text) {
        if (notices == out && openLine != null) {
            openLine.out.write(" <unfinished ...>");
            openLine.out.newline();
            openLine = null;
        }
        notices.write(text);
        notices.newline();
    }

    // ---- process events -----------------------------------------------------------------------

    @Override
    public Action reportClone(Engine engine, Task parent, Action action, long cloneFlags, Task child) {
        if (limitReached) return Action.RESUME;
        FdTable fds = null;
        if (fdTables != null) {
            FdTable parentFds = ((Tracee) engine.data()).fds;
            fds = (cloneFlags & CLONE_FILES) != 0 ? parentFds : fdTables.copy(parentFds, child.tgid());
        }
        attachTo(child, fds);
        if (!options.quietAttach()) notice("jutrace: Process " + child.tid() + " attached");
        return Action.RESUME;
    }

    @Override
    public Action reportExec(Engine engine, Task task, Action action, int formerTid) {
        Tracee t = (Tracee) engine.data();
        if (t.fds != null) t.fds.forgetAll();
        if (!t.initial) return Action.RESUME;
        if (t.wrapperExecs > 0) {
            t.wrapperExecs--;
            return Action.RESUME;
        }
        t.initial = false;
        if (options.traces(SYS_EXECVE)) {
            if (summary != null) summary.count(SYS_EXECVE, 0, false);
            if (options.printsTrace() && (options.statuses() & SyscallStatus.SUCCESSFUL.bit()) != 0) {
                printInitialExec(t, task);
            }
        }
        return Action.RESUME;
    }

    /**
     * The spawned program's execve happened in the stop shim, which engines never see; its line
     * is rebuilt from the new image: argv and envp sit on the initial stack, the path in auxv.
     */
    private void printInitialExec(Tracee t, Task task) {
        InitialExec.arguments(task, t.args);
        t.nr = SYS_EXECVE;
        t.lastNr = SYS_EXECVE;
        if ((paths.length > 0 || options.traceFds() != null) && !namesWantedPath(t, t.args[0])) return;
        long now = clock ? System.nanoTime() : 0;
        StringBuilder sb = t.line;
        sb.setLength(0);
        linePrefix(sb, t, now, options.instructionPointer() ? task.instructionPointer() : 0);
        printer.entry(SYS_EXECVE, t.args, t, sb);
        int exitStart = sb.length();
        printer.exit(SYS_EXECVE, t.args, 0, t, sb);
        align(sb, exitStart);
        if (options.syscallTimes()) LinePrefix.appendDuration(sb, 0);
        closeOpenLine(t);
        t.out.write(sb);
        t.out.newline();
    }

    @Override
    public Action reportSignal(Engine engine, Task task, Action action, SignalReport signal) {
        if (!options.printsTrace() || !options.tracesSignal(signal.signal())) return Action.RESUME;
        Tracee t = (Tracee) engine.data();
        StringBuilder sb = t.line;
        int start = beginLine(sb, t);
        sb.append("--- ").append(Signals.name(signal.signal())).append(' ');
        SigInfo.format(signal.siginfo(), sb);
        sb.append(" ---");
        endLine(t, start);
        return Action.RESUME;
    }

    @Override
    public Action reportJctl(Engine engine, Task task, Action action, boolean stopped, int signal) {
        if (!stopped || !options.printsTrace() || !options.tracesSignal(signal)) return Action.RESUME;
        Tracee t = (Tracee) engine.data();
        StringBuilder sb = t.line;
        int start = beginLine(sb, t);
        sb.append("--- stopped by ").append(Signals.name(signal)).append(" ---");
        endLine(t, start);
        return Action.RESUME;
    }

    @Override
    public Action reportDeath(Engine engine, Task task, boolean groupDead, int status) {
        Tracee t = (Tracee) engine.data();
        StringBuilder sb = t.line;
        long now = clock ? System.nanoTime() : 0;
        if (t.printing && options.printsTrace()
                && (options.statuses() & SyscallStatus.UNFINISHED.bit()) != 0) {
            // The call never returned (exit_group, or a call cut short by a fatal signal).
            int from = t.deferred ? startDeferred(t) : resumeLine(t, now, -1);
            int exitStart = sb.length();
            printer.noReturn(sb);
            align(sb, exitStart);
            t.out.write(sb, from, sb.length());
            t.out.newline();
        } else if (perThread != null ? t.lineOpen : openLine == t) {
            closeOpenLine(t);
        }
        t.printing = false;
        t.deferred = false;
        if (options.printsTrace() && !options.quietExit()) {
            sb.setLength(0);
            linePrefix(sb, t, now, -1);
            if (task.supersededBy() != 0) {
                sb.append("+++ superseded by execve in pid ").append(task.supersededBy()).append(" +++");
            } else if ((status & 0x7f) == 0) {
                sb.append("+++ exited with ").append((status >> 8) & 0xff).append(" +++");
            } else {
                sb.append("+++ killed by ").append(Signals.name(status & 0x7f));
                if ((status & 0x80) != 0) sb.append(" (core dumped)");
                sb.append(" +++");
            }
            closeOpenLine(t);
            t.out.write(sb);
            t.out.newline();
        }
        // Counted down only now: the exit line still carries its [pid N] as strace's does.
        tracees.remove(t);
        liveTasks--;
        if (task.tid() == mainTid && task.supersededBy() == 0) mainStatus = status;
        if (fdTables != null && task.isLeader()) fdTables.forget(task.tgid(), t.fds);
        finish(t);
        return Action.DETACH;
    }

    /** Releases what a thread held: its clock file and, under -ff, its output. */
    private void finish(Tracee t) {
        if (t.cpu != null) t.cpu.close();
        if (perThread != null && t.out != out) {
            synchronized (outputs) {
                outputs.remove(t.out);
            }
            t.out.close();
        }
    }

    /**
     * Starts a line of its own (a signal, a stop) after the text already in {@code sb}, which may
     * hold a syscall's unfinished or deferred line; returns where the new line starts.
     */
    private int beginLine(StringBuilder sb, Tracee t) {
        closeOpenLine(t);
        int start = sb.length();
        long now = clock ? System.nanoTime() : 0;
        linePrefix(sb, t, now, options.instructionPointer() ? t.task.instructionPointer() : 0);
        return start;
    }

    /** Writes the line begun at {@code start} and leaves {@code sb} as it was before it. */
    private void endLine(Tracee t, int start) {
        StringBuilder sb = t.line;
        t.out.write(sb, start, sb.length());
        t.out.newline();
        sb.setLength(start);
    }

    private void linePrefix(StringBuilder sb, Tracee t, long now, long ip) {
        prefix.append(sb, t.task.tid(), liveTasks > 1, now, t.lastNr, ip);
    }
}
