package dev.jutrace.tools.gdb;

import dev.jutrace.core.Engine;
import dev.jutrace.core.Event;
import dev.jutrace.core.Task;
import dev.jutrace.decode.SyscallTable;
import dev.jutrace.tools.inject.InjectEngine;
import dev.jutrace.tools.inject.InjectSpec;
import dev.jutrace.tools.strace.StraceEngine;
import dev.jutrace.tools.strace.StraceOptions;
import dev.jutrace.tools.strace.SyscallSet;
import dev.jutrace.tools.strace.TraceOutput;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code monitor} commands (gdb's qRcmd): show the engines on each thread and how their answers
 * combine, and switch other engines on and off while gdb holds the process, which is the point
 * of a multi-engine tracer: {@code monitor trace on %file}, {@code monitor inject openat ENOENT}.
 * Commands run while the target is stopped; engines are attached through a held thread's
 * {@link Engine#examine}, on the tracer thread, and hear of the threads' next events.
 */
final class Monitor {
    private static final String HELP = """
            monitor engines              the engines on each thread and what each asks for
            monitor trace on [SET]       start a strace engine (SET as for -e trace=, default all) on stderr
            monitor trace off            stop it
            monitor inject SYSCALL ERRNO [WHEN]
                                         fail SYSCALL with ERRNO (WHEN as for --inject when=)
            monitor inject off           stop injecting
            """;

    private final GdbTarget target;
    private final PrintStream err;
    private final SyscallTable table = SyscallTable.x86_64();
    private final List<Engine> traceEngines = new ArrayList<>();
    private final List<Engine> injectEngines = new ArrayList<>();
    private TraceOutput traceOut;

    Monitor(GdbTarget target, PrintStream err) {
        this.target = target;
        this.err = err;
    }

    /** Runs one command; returns the text to show in gdb's console. */
    String run(String command) {
        String[] w = command.trim().split("\\s+");
        try {
            return switch (w[0]) {
                case "", "help" -> HELP;
                case "engines" -> engines();
                case "trace" -> trace(w);
                case "inject" -> inject(w);
                default -> "unknown monitor command '" + command + "'; monitor help lists them\n";
            };
        } catch (IllegalArgumentException e) {
            return "monitor " + command + ": " + e.getMessage() + "\n";
        } catch (RuntimeException e) {
            return "monitor " + command + " failed: " + e + "\n";
        }
    }

    // ==== engines ===================================================================================

    private String engines() {
        StringBuilder sb = new StringBuilder();
        for (GdbThread t : target.liveThreads()) {
            List<String> rows = t.engine.examine(task -> {
                List<String> out = new ArrayList<>();
                for (Engine e : task.engines()) out.add(describe(e, t));
                return out;
            });
            sb.append("thread ").append(t.tid()).append(":\n");
            for (String r : rows) sb.append("  ").append(r).append('\n');
            sb.append("  => ").append(t.stopped
                    ? "STOP: gdb holds it, and STOP wins over every other engine's RESUME"
                    : "running: no engine holds it").append('\n');
        }
        return sb.toString();
    }

    private static String describe(Engine e, GdbThread gdbThread) {
        String name = e.ops() instanceof GdbTarget ? "gdb" : e.ops().getClass().getSimpleName();
        StringBuilder events = new StringBuilder();
        for (Event ev : Event.values()) {
            if (!ev.in(e.events())) continue;
            if (!events.isEmpty()) events.append(',');
            events.append(ev.name().toLowerCase());
        }
        // Only the gdb engine's standing answer is known here; the others answer event by event.
        String answer = e.data() == gdbThread ? (gdbThread.stopped ? "answers STOP" : "answers RESUME") : "";
        return String.format("%-14s %-15s events %s", name, answer, events);
    }

    // ==== trace =====================================================================================

    private String trace(String[] w) {
        if (w.length >= 2 && w[1].equals("off")) {
            int n = detach(traceEngines);
            if (traceOut != null) traceOut.flush();
            return n == 0 ? "no trace engine is on\n" : "trace engine detached from " + n + " threads\n";
        }
        if (w.length < 2 || !w[1].equals("on")) throw new IllegalArgumentException("expected 'trace on [SET]' or 'trace off'");
        if (!traceEngines.isEmpty()) return "a trace engine is on already; monitor trace off first\n";
        String set = w.length > 2 ? w[2] : "all";
        StraceOptions options = StraceOptions.builder().follow(true).traced(SyscallSet.parse(set, table)).build();
        if (traceOut == null) traceOut = new TraceOutput(err, true);
        StraceEngine strace = new StraceEngine(options, traceOut);
        int n = attachEverywhere(strace::attachTo, traceEngines);
        return "trace engine (" + set + ") attached to " + n + " threads; it prints on jutrace's stderr\n";
    }

    // ==== inject ====================================================================================

    private String inject(String[] w) {
        if (w.length >= 2 && w[1].equals("off")) {
            int n = detach(injectEngines);
            return n == 0 ? "no injector is on\n" : "injector detached from " + n + " threads\n";
        }
        if (w.length < 3) throw new IllegalArgumentException("expected 'inject SYSCALL ERRNO [WHEN]' or 'inject off'");
        String spec = w[1] + ":error=" + w[2] + (w.length > 3 ? ":when=" + w[3] : "");
        InjectSpec parsed = InjectSpec.parseInject(spec, table);
        InjectEngine inject = new InjectEngine(List.of(parsed), true, table);
        int n = attachEverywhere(inject::attachTo, injectEngines);
        return "injector (" + spec + ") attached to " + n + " threads\n";
    }

    // ==== helpers ===================================================================================

    private int attachEverywhere(Function<Task, Engine> attach, List<Engine> into) {
        int n = 0;
        for (GdbThread t : target.liveThreads()) {
            Engine e = t.engine.examine(attach);
            synchronized (into) {
                into.add(e);
            }
            n++;
        }
        return n;
    }

    private static int detach(List<Engine> engines) {
        int n = 0;
        synchronized (engines) {
            for (Engine e : engines) {
                try {
                    e.detach();
                    n++;
                } catch (RuntimeException x) {
                    // Its thread is gone, or it detached itself.
                }
            }
            engines.clear();
        }
        return n;
    }
}
