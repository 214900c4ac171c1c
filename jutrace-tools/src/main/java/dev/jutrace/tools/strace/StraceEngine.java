package dev.jutrace.tools.strace;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.SignalReport;
import dev.jutrace.core.Syscall;
import dev.jutrace.core.Task;
import dev.jutrace.decode.DecodeOptions;
import dev.jutrace.decode.SigInfo;
import dev.jutrace.decode.Signals;
import dev.jutrace.decode.SyscallPrinter;
import dev.jutrace.decode.SyscallTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints what a thread does in strace's line format: one engine per traced thread, all sharing
 * this ops object and one output. A syscall's line is written at entry and finished at exit; when
 * another thread prints in between, the open line is closed with {@code <unfinished ...>} and the
 * exit is printed later as {@code <... name resumed>}, as strace does.
 *
 * <p>Callbacks run on the tracer thread only, so the shared state needs no locking.
 */
public final class StraceEngine implements EngineOps {
    private static final int SYS_EXECVE = 59;
    private static final int AT_EXECFN = 31;

    private final StraceOptions options;
    private final TraceOutput out;
    private final SyscallTable table = SyscallTable.x86_64();
    private final SyscallPrinter printer;
    private final int mask;
    /** The thread whose line is written but not yet ended. */
    private Tracee openLine;
    private int liveTasks;
    private volatile int mainTid = -1;
    private volatile int mainStatus = -1;

    /** Per-thread state, the engine's data; also the decoders' view of the thread's memory. */
    static final class Tracee implements dev.jutrace.decode.Memory {
        final Task task;
        final StringBuilder line = new StringBuilder(256);
        final long[] args = new long[6];
        int nr = -1;
        boolean printing;
        /** Spawned and not yet past its first exec: that exec's line is synthesized. */
        boolean initial;

        Tracee(Task task) {
            this.task = task;
        }

        @Override
        public int read(long address, byte[] buffer, int offset, int length) {
            return task.readMemory(address, buffer, offset, length);
        }
    }

    public StraceEngine(StraceOptions options, TraceOutput out) {
        this.options = options;
        this.out = out;
        this.printer = new SyscallPrinter(table, DecodeOptions.defaults().withStringLimit(options.stringLimit()));
        int m = Event.mask(Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT, Event.EXEC, Event.DEATH, Event.JCTL)
                | Event.SIGNAL_ALL;
        this.mask = options.follow() ? m | Event.CLONE.bit() : m;
    }

    /** Attaches this engine to {@code task}; on the tracer thread (a spawn or attach callback). */
    public Engine attachTo(Task task) {
        Engine e = task.tracer().attach(task, this, new Tracee(task), AttachFlag.CREATE);
        e.setEvents(mask);
        liveTasks++;
        return e;
    }

    /** Attaches to a freshly spawned process, whose first exec is printed as strace prints it. */
    public Engine attachToSpawned(Task task) {
        Engine e = attachTo(task);
        ((Tracee) e.data()).initial = true;
        mainTid = task.tid();
        return e;
    }

    /** The wait status of the spawned process's leader, or -1 while it lives or if none was spawned. */
    public int mainStatus() {
        return mainStatus;
    }

    // ---- syscalls -----------------------------------------------------------------------------

    @Override
    public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
        Tracee t = (Tracee) engine.data();
        int nr = call.number();
        if (!options.traces(nr)) {
            t.printing = false;
            return Action.RESUME;
        }
        t.printing = true;
        t.nr = nr;
        for (int i = 0; i < 6; i++) t.args[i] = call.arg(i);
        StringBuilder sb = t.line;
        sb.setLength(0);
        prefix(sb, task);
        printer.entry(nr, t.args, t, sb);
        closeOpenLine();
        out.write(sb);
        openLine = t;
        return Action.RESUME;
    }

    @Override
    public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
        Tracee t = (Tracee) engine.data();
        if (!t.printing) return Action.RESUME;
        t.printing = false;
        StringBuilder sb = t.line;
        int from = resumeLine(t, task);
        printer.exit(t.nr, t.args, call.returnValue(), t, sb);
        // Marks left by a fault injector engine attached before this one (see InjectEngine).
        if (call.injected()) sb.append(" (INJECTED)");
        if (call.delayed()) sb.append(" (DELAYED)");
        out.write(sb, from, sb.length());
        out.newline();
        return Action.RESUME;
    }

    /**
     * Makes {@code t.line} end where the exit's text continues: the open line itself, or a fresh
     * {@code <... name resumed>} line. Returns where the unwritten text starts.
     */
    private int resumeLine(Tracee t, Task task) {
        StringBuilder sb = t.line;
        if (openLine == t) {
            openLine = null;
            return sb.length();
        }
        closeOpenLine();
        sb.setLength(0);
        prefix(sb, task);
        sb.append("<... ").append(table.name(t.nr)).append(" resumed>");
        return 0;
    }

    private void closeOpenLine() {
        if (openLine != null) {
            out.write(" <unfinished ...>");
            out.newline();
            openLine = null;
        }
    }

    // ---- process events -----------------------------------------------------------------------

    @Override
    public Action reportClone(Engine engine, Task parent, Action action, long cloneFlags, Task child) {
        attachTo(child);
        return Action.RESUME;
    }

    @Override
    public Action reportExec(Engine engine, Task task, Action action, int formerTid) {
        Tracee t = (Tracee) engine.data();
        if (!t.initial) return Action.RESUME;
        t.initial = false;
        if (options.traces(SYS_EXECVE)) printInitialExec(t, task);
        return Action.RESUME;
    }

    /**
     * The spawned program's execve happened in the stop shim, which engines never see; its line
     * is rebuilt from the new image: argv and envp sit on the initial stack, the path in auxv.
     */
    private void printInitialExec(Tracee t, Task task) {
        long sp = task.stackPointer();
        byte[] word = new byte[8];
        long argc = task.readMemory(sp, word, 0, 8) == 8 ? le(word, 0) : 0;
        t.args[0] = execFn(task.tid());
        t.args[1] = sp + 8;
        t.args[2] = sp + 8 * (argc + 2);
        t.args[3] = t.args[4] = t.args[5] = 0;
        t.nr = SYS_EXECVE;
        StringBuilder sb = t.line;
        sb.setLength(0);
        prefix(sb, task);
        printer.entry(SYS_EXECVE, t.args, t, sb);
        printer.exit(SYS_EXECVE, t.args, 0, t, sb);
        closeOpenLine();
        out.write(sb);
        out.newline();
    }

    private static long execFn(int tid) {
        try {
            byte[] auxv = Files.readAllBytes(Path.of("/proc/" + tid + "/auxv"));
            for (int i = 0; i + 16 <= auxv.length; i += 16) {
                if (le(auxv, i) == AT_EXECFN) return le(auxv, i + 8);
            }
        } catch (IOException e) {
            // Printed as a bare pointer without it.
        }
        return 0;
    }

    private static long le(byte[] b, int off) {
        return ByteBuffer.wrap(b, off, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Override
    public Action reportSignal(Engine engine, Task task, Action action, SignalReport signal) {
        Tracee t = (Tracee) engine.data();
        StringBuilder sb = t.line;
        int start = beginLine(sb, task);
        sb.append("--- ").append(Signals.name(signal.signal())).append(' ');
        SigInfo.format(signal.siginfo(), sb);
        sb.append(" ---");
        endLine(sb, start);
        return Action.RESUME;
    }

    @Override
    public Action reportJctl(Engine engine, Task task, Action action, boolean stopped, int signal) {
        if (!stopped) return Action.RESUME;
        StringBuilder sb = ((Tracee) engine.data()).line;
        int start = beginLine(sb, task);
        sb.append("--- stopped by ").append(Signals.name(signal)).append(" ---");
        endLine(sb, start);
        return Action.RESUME;
    }

    @Override
    public Action reportDeath(Engine engine, Task task, boolean groupDead, int status) {
        Tracee t = (Tracee) engine.data();
        StringBuilder sb = t.line;
        if (t.printing) {
            // The call never returned (exit_group, or a call cut short by a fatal signal).
            t.printing = false;
            int from = resumeLine(t, task);
            printer.noReturn(sb);
            out.write(sb, from, sb.length());
            out.newline();
        } else {
            closeOpenLine();
        }
        sb.setLength(0);
        prefix(sb, task);
        liveTasks--;
        if (task.supersededBy() != 0) {
            sb.append("+++ superseded by execve in pid ").append(task.supersededBy()).append(" +++");
        } else if ((status & 0x7f) == 0) {
            sb.append("+++ exited with ").append((status >> 8) & 0xff).append(" +++");
        } else {
            sb.append("+++ killed by ").append(Signals.name(status & 0x7f));
            if ((status & 0x80) != 0) sb.append(" (core dumped)");
            sb.append(" +++");
        }
        out.write(sb);
        out.newline();
        if (task.tid() == mainTid && task.supersededBy() == 0) mainStatus = status;
        return Action.DETACH;
    }

    /**
     * Starts a line of its own (a signal, a stop) after the text already in {@code sb}, which may
     * hold a syscall's unfinished line; returns where the new line starts.
     */
    private int beginLine(StringBuilder sb, Task task) {
        closeOpenLine();
        int start = sb.length();
        prefix(sb, task);
        return start;
    }

    /** Writes the line begun at {@code start} and leaves {@code sb} as it was before it. */
    private void endLine(StringBuilder sb, int start) {
        out.write(sb, start, sb.length());
        out.newline();
        sb.setLength(start);
    }

    private static int digits(int n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }

    private void prefix(StringBuilder sb, Task task) {
        int tid = task.tid();
        if (options.pidPrefixAlways()) {
            int start = sb.length();
            sb.append(tid);
            while (sb.length() - start < 5) sb.append(' ');
            sb.append(' ');
        } else if (liveTasks > 1) {
            sb.append("[pid ");
            for (int i = digits(tid); i < 5; i++) sb.append(' ');
            sb.append(tid).append("] ");
        }
    }
}
