package dev.jutrace.cli;

import dev.jutrace.core.Task;
import dev.jutrace.core.TraceException;
import dev.jutrace.core.Tracer;
import dev.jutrace.decode.SyscallTable;
import dev.jutrace.sys.Libc;
import dev.jutrace.tools.strace.BadFilterException;
import dev.jutrace.tools.strace.StraceEngine;
import dev.jutrace.tools.strace.StraceOptions;
import dev.jutrace.tools.strace.TraceOutput;
import dev.jutrace.tools.strace.TraceTool;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jutrace [OPTIONS] [-p PID]... [--] CMD [ARGS]}: strace's command line over the engine
 * layer. The trace's options live in {@link TraceArgs}; tools with options of their own join as
 * further mixins. Exits with the traced command's status, re-raising its
 * fatal signal as strace does.
 */
@Command(name = "jutrace", mixinStandardHelpOptions = true, version = "jutrace 0.1.0",
        usageHelpWidth = 100, footer = "%nSubcommand: jutrace selftest  runs the conformance cases on this machine.",
        description = "Trace system calls and signals of a command or of running processes, in strace's format.")
public final class Main implements Callable<Integer> {

    /** What is traced and how it prints: strace's filtering, output and summary options. */
    @Mixin
    TraceArgs trace = new TraceArgs();

    @Mixin
    InjectOptions inject = new InjectOptions();

    @Mixin
    SeccompOptions seccomp = new SeccompOptions();

    @Mixin
    JsonOptions json = new JsonOptions();

    @Option(names = {"-p", "--attach"}, paramLabel = "PID", split = ",",
            description = "Attach to the process PID and all its threads (repeatable, or a comma list).")
    List<String> pids = new ArrayList<>();

    @Option(names = {"-E", "--env"}, paramLabel = "VAR[=VAL]",
            description = "Run the command with VAR set to VAL, or with VAR removed (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER",
            description = "Run the command as USER (a name, or UID:GID), with USER's groups; root only.")
    String user;

    @Option(names = "--kill-on-exit", description = "Kill the tracees, -p ones too, when jutrace exits.")
    boolean killOnExit;

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command to run and trace, with its arguments.")
    List<String> command = new ArrayList<>();

    @Mixin
    GdbOptions gdb = new GdbOptions();

    private final PrintStream err;

    Main(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        Main main = new Main(System.err);
        int rc = run(main, args);
        System.exit(rc);
    }

    static int run(Main main, String[] args) {
        CommandLine cl = new CommandLine(main);
        cl.addSubcommand("selftest", new SelfTest(System.out));
        cl.getSubcommands().get("selftest").addSubcommand("ptrace", new SelfTestPtrace(System.out));
        cl.setStopAtPositional(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            main.err.println("jutrace: " + ex.getMessage());
            main.err.println(TRY_HELP);
            return 1;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UsageError || ex instanceof TraceException) {
                main.err.println("jutrace: " + ex.getMessage());
            } else if (ex instanceof BadFilterException bad) {
                main.err.println("jutrace: " + bad.getMessage());
                if (bad.suggestHelp()) main.err.println(TRY_HELP);
            } else {
                main.err.println("jutrace: internal error: " + ex);
                if (System.getenv("JUTRACE_DEBUG") != null) ex.printStackTrace(main.err);
            }
            return 1;
        });
        return cl.execute(args);
    }

    private static final String TRY_HELP = "Try 'jutrace -h' for more information.";

    /** A mistake in what the user asked for: one line, exit status 1. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (command.isEmpty() && pids.isEmpty()) throw new UsageError("must have PROG [ARGS] or -p PID");
        if (!command.isEmpty() && !pids.isEmpty()) throw new UsageError("-p and a command are mutually exclusive");
        StraceOptions options = trace.toOptions(SyscallTable.x86_64(), !pids.isEmpty());
        inject.parse(options.follow());
        List<Integer> attachPids = parsePids(pids);
        Path program = command.isEmpty() ? null : resolve(command.get(0));
        List<String> argv = command;
        int wrappers = 0;
        if (user != null && program != null) {
            argv = RunAs.wrap(user, command);
            program = Path.of(argv.getFirst());
            wrappers = 1;
        }
        Map<String, String> environment = environment(env);
        if (trace.append && trace.output == null) {
            err.println("jutrace: -A/--output-append-mode has no effect without -o/--output");
        }

        boolean separate = trace.separateFiles();
        boolean toStderr = trace.output == null;
        OutputStream sink = toStderr || separate ? System.err : open(trace.output, trace.append);
        TraceOutput out = new TraceOutput(sink, toStderr || separate);
        TraceOutput notices = toStderr ? out : new TraceOutput(System.err, true);
        String base = trace.output;
        boolean append = trace.append;
        TraceTool engine = json.enabled() ? json.engine(options, separate, out) : new StraceEngine(options, out, notices,
                separate ? tid -> new TraceOutput(open(base + "." + tid, append), false) : null);
        Tracer tracer = Tracer.start();
        gdb.start(tracer, err);
        seccomp.apply(tracer, options.follow(), !pids.isEmpty(),
                options.detachOnExecve() || options.syscallLimit() > 0, err);
        Thread flusher = periodicFlush(out, engine);

        boolean[] finished = {false};
        List<Integer> attached = java.util.Collections.synchronizedList(new ArrayList<>());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (finished) {
                if (finished[0]) return;
            }
            if (killOnExit) {
                // --kill-on-exit: what strace's PTRACE_O_EXITKILL does, for -p tracees too.
                for (Task t : tracer.tasks()) Libc.killRaw(t.tid(), Libc.SIGKILL);
                out.flush();
                return;
            }
            // SIGTERM, SIGHUP, or SIGINT while attached: leave every tracee running as it was.
            gdb.shutdown();
            tracer.detachAll();
            engine.endDetached();
            String table = engine.summary();
            if (!table.isEmpty()) out.write(table);
            out.flush();
            engine.flushOutputs();
            if (!options.quietAttach()) {
                synchronized (attached) {
                    for (int pid : attached) err.println("jutrace: Process " + pid + " detached");
                }
            }
        }, "jutrace-detach"));

        if (program != null) {
            // The terminal's Ctrl-C goes to the tracee too; its death is what ends the trace.
            Libc.setSignalDisposition(Libc.SIGINT, true);
            Libc.setSignalDisposition(Libc.SIGQUIT, true);
            int skip = wrappers;
            tracer.spawn(program, argv, environment,
                    gdb.spawned(inject.attachFirst(task -> engine.attachToSpawned(task, skip))));
        } else {
            for (int pid : attachPids) {
                List<Task> tasks = tracer.attach(pid, gdb.attached(inject.attachFirst(engine::attachTo)));
                attached.add(pid);
                if (!options.quietAttach()) {
                    notices.write("jutrace: Process " + pid + " attached"
                            + (tasks.size() > 1 ? " with " + tasks.size() + " threads" : ""));
                    notices.newline();
                }
            }
        }
        while (!tracer.awaitNoTasks(1, TimeUnit.DAYS)) {
            // Traces may run for days; keep waiting.
        }
        gdb.finish();
        synchronized (finished) {
            finished[0] = true;
        }
        flusher.interrupt();
        String table = engine.summary();
        if (!table.isEmpty()) {
            out.write(table);
        }
        engine.closeOutputs();
        out.close();
        if (notices != out) notices.flush();

        int status = engine.mainStatus();
        if (program == null || status < 0) return 0;
        if ((status & 0x7f) == 0) return (status >> 8) & 0xff;
        return reraise(status & 0x7f);
    }

    /** The command's environment: jutrace's own, with -E's changes applied in order. */
    static Map<String, String> environment(List<String> changes) {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        for (String change : changes) {
            int eq = change.indexOf('=');
            if (eq < 0) {
                env.remove(change);
            } else {
                env.put(change.substring(0, eq), change.substring(eq + 1));
            }
        }
        return env;
    }

    /** Dies of the tracee's fatal signal, as strace does, so a shell sees the same status. */
    private static int reraise(int signal) {
        if (signal != Libc.SIGKILL) Libc.setSignalDisposition(signal, false); // SIGKILL's cannot be set
        Libc.kill(Libc.getpid(), signal);
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 128 + signal;
    }

    private static Thread periodicFlush(TraceOutput out, TraceTool engine) {
        return Thread.ofPlatform().daemon(true).name("jutrace-flush").start(() -> {
            try {
                while (true) {
                    Thread.sleep(200);
                    out.flush();
                    engine.flushOutputs();
                }
            } catch (InterruptedException e) {
                // Done.
            } catch (RuntimeException e) {
                // The output went away (a closed pipe); the final flush reports it.
            }
        });
    }

    static List<Integer> parsePids(List<String> values) {
        List<Integer> out = new ArrayList<>();
        for (String v : values) {
            for (String p : v.trim().split("[\\s]+")) {
                if (p.isEmpty()) continue;
                try {
                    int pid = Integer.parseInt(p);
                    if (pid > 0) {
                        out.add(pid);
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // Reported below.
                }
                throw new UsageError("Invalid process id: '" + p + "'");
            }
        }
        return out;
    }

    /** Finds the program as the shell would, so a missing one is one clear line, not a shim failure. */
    static Path resolve(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            if (!Files.exists(p)) throw new UsageError("Can't stat '" + name + "': No such file or directory");
            if (Files.isDirectory(p) || !Files.isExecutable(p)) {
                throw new UsageError("Can't execute '" + name + "': Permission denied");
            }
            return p;
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        }
        throw new UsageError("Can't stat '" + name + "': No such file or directory");
    }

    private static OutputStream open(String file, boolean append) {
        try {
            return new FileOutputStream(file, append);
        } catch (IOException e) {
            throw new UsageError("Can't fopen '" + file + "': " + e.getMessage().replaceFirst("^.*\\((.*)\\)$", "$1"));
        }
    }
}
