package dev.jutrace.tools.json;

import dev.jutrace.core.Action;
import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.Engine;
import dev.jutrace.core.EngineOps;
import dev.jutrace.core.Event;
import dev.jutrace.core.SignalReport;
import dev.jutrace.core.Syscall;
import dev.jutrace.core.Task;
import dev.jutrace.decode.DecodeOptions;
import dev.jutrace.decode.Errno;
import dev.jutrace.decode.Memory;
import dev.jutrace.decode.SigInfo;
import dev.jutrace.decode.Signals;
import dev.jutrace.decode.SyscallPrinter;
import dev.jutrace.decode.SyscallTable;
import dev.jutrace.decode.syscalls.Decoder;
import dev.jutrace.tools.strace.InitialExec;
import dev.jutrace.tools.strace.StraceOptions;
import dev.jutrace.tools.strace.SyscallStatus;
import dev.jutrace.tools.strace.TraceOutput;
import java.util.BitSet;

/**
 * Writes what threads do as JSON lines, schema v1 (docs/JSON.md): one object per finished
 * syscall, signal and death. One engine per thread, all sharing this ops object and one output.
 *
 * <p>A call's text is decoded at entry, into the thread's buffer, because the tracee may change
 * the memory its arguments point to before the call returns; the exit adds what only the exit
 * knows and writes the whole object. Objects are built in one shared buffer and written whole,
 * so threads never interleave inside a line and no {@code <unfinished ...>} is needed.
 *
 * <p>Callbacks run on the tracer thread only, so the shared state needs no locking.
 */
public final class JsonEngine implements EngineOps, dev.jutrace.tools.strace.TraceTool {
    /** The schema's version, the {@code "v"} of every object; raised when a member changes meaning. */
    public static final int VERSION = 1;
    private static final int SYS_EXECVE = 59;
    private static final int SYS_RT_SIGRETURN = 15;

    private final StraceOptions options;
    private final TraceOutput out;
    private final SyscallTable table = SyscallTable.x86_64();
    private final SyscallPrinter printer;
    private final JsonWriter json = new JsonWriter(new StringBuilder(512));
    private final int mask;
    /** Wall-clock time is the start's epoch time plus the monotonic time since: no clock object per event. */
    private final long epochNanosAtStart = System.currentTimeMillis() * 1_000_000L;
    private final long monoAtStart = System.nanoTime();
    private volatile int mainTid = -1;
    private volatile int mainStatus = -1;

    /** Per-thread state, the engine's data; also the decoders' view of the thread's memory. */
    static final class Tracee implements Memory {
        final Task task;
        /** The call's text as strace prints it, from its name on, built at entry and ended at exit. */
        final StringBuilder text = new StringBuilder(256);
        /** The call's registers and what its decoder's entry half saves for the exit half. */
        final long[] args = new long[Decoder.ARGS_LENGTH];
        /** The raw argument registers as the call entered, before any decoder used the slots. */
        final long[] raw = new long[6];
        int nr = -1;
        /** When the call entered (System.nanoTime): a call's {@code ts} is its start, as strace's -tt. */
        long entryTime;
        /** A selected call is under way: its exit (or the thread's death) writes it. */
        boolean open;
        /** Spawned and not yet past its first exec, whose object is rebuilt from the new image. */
        boolean initial;
        /** Execs of wrapper programs (-u) still to come before the command's own. */
        int wrapperExecs;

        Tracee(Task task) {
            this.task = task;
        }

        @Override
        public int read(long address, byte[] buffer, int offset, int length) {
            return task.readMemory(address, buffer, offset, length);
        }
    }

    /** {@code options} supplies {@code -f}, {@code -e trace=}, {@code -e signal=}, {@code -s} and the status filters. */
    public JsonEngine(StraceOptions options, TraceOutput out) {
        this.options = options;
        this.out = out;
        this.printer = new SyscallPrinter(table, DecodeOptions.defaults().withStringLimit(options.stringLimit()));
        int m = Event.mask(Event.SYSCALL_ENTRY, Event.SYSCALL_EXIT, Event.EXEC, Event.DEATH) | Event.SIGNAL_ALL;
        this.mask = options.follow() ? m | Event.CLONE.bit() : m;
    }

    @Override
    public Engine attachTo(Task task) {
        Tracee t = new Tracee(task);
        Engine e = task.tracer().attach(task, this, t, AttachFlag.CREATE);
        e.setEvents(mask);
        return e;
    }

    @Override
    public Engine attachToSpawned(Task task, int wrappers) {
        Engine e = attachTo(task);
        Tracee t = (Tracee) e.data();
        t.initial = true;
        t.wrapperExecs = wrappers;
        mainTid = task.tid();
        return e;
    }

    @Override
    public int mainStatus() {
        return mainStatus;
    }

    /** No summary: {@code -c} is refused with {@code --json}. */
    @Override
    public String summary() {
        return "";
    }

    /** Calls under way when jutrace let go are not written: they have no result, and no death ended them. */
    @Override
    public void endDetached() {
        out.flush();
    }

    @Override
    public void flushOutputs() {
        // One shared output, flushed by its owner.
    }

    @Override
    public void closeOutputs() {
        // One shared output, closed by its owner.
    }

    @Override
    public BitSet syscalls() {
        return options.traced();
    }

    // ---- syscalls -----------------------------------------------------------------------------

    @Override
    public Action reportSyscallEntry(Engine engine, Task task, Action action, Syscall call) {
        Tracee t = (Tracee) engine.data();
        int nr = call.number();
        if (t.initial || !options.traces(nr)) {
            t.open = false;
            return Action.RESUME;
        }
        t.open = true;
        t.entryTime = System.nanoTime();
        t.nr = nr;
        for (int i = 0; i < 6; i++) {
            t.args[i] = call.arg(i);
            t.raw[i] = t.args[i];
        }
        // rt_sigreturn takes no arguments: its decoder reads the signal frame at the stack pointer.
        if (nr == SYS_RT_SIGRETURN) t.args[Decoder.SAVED] = task.stackPointer();
        t.text.setLength(0);
        printer.entry(nr, t.args, t, t.text);
        return Action.RESUME;
    }

    @Override
    public Action reportSyscallExit(Engine engine, Task task, Action action, Syscall call) {
        Tracee t = (Tracee) engine.data();
        if (!t.open) return Action.RESUME;
        t.open = false;
        long ret = call.returnValue();
        SyscallStatus status = Errno.isError(ret) ? SyscallStatus.FAILED : SyscallStatus.SUCCESSFUL;
        if ((options.statuses() & status.bit()) == 0) return Action.RESUME;
        StringBuilder sb = t.text;
        int close = printer.exit(t.nr, t.args, ret, t, sb);
        // After ")" come the padding to strace's column and "= ", then the result's text.
        int value = close + 1;
        while (value < sb.length() && sb.charAt(value) == ' ') value++;
        value = Math.min(sb.length(), value + 2);
        writeSyscall(t, close, ret, value, call.injected());
        return Action.RESUME;
    }

    /**
     * The syscall object: the text's arguments end at {@code close}; {@code valueStart} is where
     * the result's text starts, or -1 for a call that never returned.
     */
    private void writeSyscall(Tracee t, int close, long ret, int valueStart, boolean injected) {
        StringBuilder sb = t.text;
        int argsStart = table.name(t.nr).length() + 1;
        JsonWriter j = head("syscall", t.task.tid(), t.entryTime);
        j.number("nr", t.nr).string("name", table.name(t.nr)).beginArray("args");
        for (int i = 0; i < 6; i++) j.hexItem(t.raw[i], i == 0);
        j.endArray().string("text", sb, argsStart, close);
        if (valueStart < 0) {
            j.nul("ret").string("ret_text", "?").nul("errno");
        } else {
            j.number("ret", ret).string("ret_text", sb, valueStart, sb.length())
                    .string("errno", Errno.isError(ret) ? Errno.name((int) -ret) : null);
        }
        j.bool("injected", injected);
        emit();
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
        if (t.wrapperExecs > 0) {
            t.wrapperExecs--;
            return Action.RESUME;
        }
        t.initial = false;
        if (options.traces(SYS_EXECVE) && (options.statuses() & SyscallStatus.SUCCESSFUL.bit()) != 0) {
            writeInitialExec(t, task);
        }
        return Action.RESUME;
    }

    /**
     * The spawned program's execve happened in the stop shim, which engines never see; its
     * object is rebuilt from the new image, as the strace engine rebuilds its line: argv and envp
     * sit on the initial stack, the path in auxv.
     */
    private void writeInitialExec(Tracee t, Task task) {
        InitialExec.arguments(task, t.args);
        System.arraycopy(t.args, 0, t.raw, 0, 6);
        t.nr = SYS_EXECVE;
        t.entryTime = System.nanoTime();
        StringBuilder sb = t.text;
        sb.setLength(0);
        printer.entry(SYS_EXECVE, t.args, t, sb);
        int close = printer.exit(SYS_EXECVE, t.args, 0, t, sb);
        int value = close + 1;
        while (value < sb.length() && sb.charAt(value) == ' ') value++;
        writeSyscall(t, close, 0, Math.min(sb.length(), value + 2), false);
    }


    @Override
    public Action reportSignal(Engine engine, Task task, Action action, SignalReport signal) {
        Tracee t = (Tracee) engine.data();
        if (t.initial || !options.tracesSignal(signal.signal())) return Action.RESUME;
        // The siginfo text is formatted into the thread's text buffer after the open call's
        // text, and cut off again: the call's object still needs its entry text.
        StringBuilder sb = t.text;
        int mark = sb.length();
        SigInfo.format(signal.siginfo(), sb);
        head("signal", task.tid()).number("signo", signal.signal()).string("name", Signals.name(signal.signal()))
                .string("siginfo", sb, mark, sb.length());
        sb.setLength(mark);
        emit();
        return Action.RESUME;
    }

    @Override
    public Action reportDeath(Engine engine, Task task, boolean groupDead, int status) {
        Tracee t = (Tracee) engine.data();
        if (t.open && (options.statuses() & SyscallStatus.UNFINISHED.bit()) != 0) {
            // The call never returned (exit_group, or a call cut short by a fatal signal): the
            // text is what the entry knew, without the separator left for the exit's arguments.
            StringBuilder sb = t.text;
            int end = sb.length();
            if (end >= 2 && sb.charAt(end - 2) == ',' && sb.charAt(end - 1) == ' ') end -= 2;
            sb.setLength(end);
            writeSyscall(t, end, 0, -1, false);
        }
        t.open = false;
        if (task.supersededBy() != 0) {
            head("superseded", task.tid()).number("by", task.supersededBy());
        } else if ((status & 0x7f) == 0) {
            head("exit", task.tid()).number("code", (status >> 8) & 0xff);
        } else {
            int signo = status & 0x7f;
            head("killed", task.tid()).number("signo", signo).string("name", Signals.name(signo))
                    .bool("core", (status & 0x80) != 0);
        }
        emit();
        if (task.tid() == mainTid && task.supersededBy() == 0) mainStatus = status;
        return Action.DETACH;
    }

    /** Begins an object with the members every event has. */
    private JsonWriter head(String type, int tid) {
        return head(type, tid, System.nanoTime());
    }

    /** Begins an object about something that happened at {@code when} (System.nanoTime). */
    private JsonWriter head(String type, int tid, long when) {
        long epoch = epochNanosAtStart + (when - monoAtStart);
        return json.begin().number("v", VERSION).string("type", type).number("pid", tid).seconds("ts", epoch);
    }

    private void emit() {
        StringBuilder sb = json.end().buffer();
        out.write(sb, 0, sb.length());
        out.newline();
    }
}
