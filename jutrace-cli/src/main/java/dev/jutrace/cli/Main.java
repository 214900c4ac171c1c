package dev.jutrace.cli;

import dev.jutrace.core.Task;
import dev.jutrace.core.TraceException;
import dev.jutrace.core.Tracer;
import dev.jutrace.decode.SyscallTable;
import dev.jutrace.sys.Libc;
import dev.jutrace.tools.strace.StraceEngine;
import dev.jutrace.tools.strace.StraceOptions;
import dev.jutrace.tools.strace.TraceOutput;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jutrace [-f] [-p PID]... [-o FILE] [-s N] [-e trace=NAME,...] [--] CMD [ARGS]}: strace's
 * command line over the engine layer. Exits with the traced command's status, re-raising its
 * fatal signal as strace does.
 */
@Command(name = "jutrace", mixinStandardHelpOptions = true, version = "jutrace 0.1.0",
        usageHelpWidth = 100, footer = "%nSubcommand: jutrace selftest  runs the conformance cases on this machine.",
        description = "Trace system calls and signals of a command or of running processes, in strace's format.")
public final class Main implements Callable<Integer> {

    @Option(names = "-f", description = "Follow forks, vforks, clones and threads.")
    boolean follow;

    @Option(names = "-p", paramLabel = "PID", split = ",",
            description = "Attach to the process PID and all its threads (repeatable, or a comma list).")
    List<String> pids = new ArrayList<>();

    @Option(names = "-o", paramLabel = "FILE", description = "Write the trace to FILE instead of stderr.")
    String output;

    @Option(names = "-s", paramLabel = "N", description = "Print at most N bytes of each string (default 32).")
    String stringLimit = "32";

    @Option(names = "-e", paramLabel = "EXPR",
            description = "Qualifying expression; trace=NAME[,NAME...] limits the trace to those syscalls.")
    List<String> expressions = new ArrayList<>();

    @Mixin
    InjectOptions inject = new InjectOptions();

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command to run and trace, with its arguments.")
    List<String> command = new ArrayList<>();

    @CommandLine.Mixin
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
        cl.setStopAtPositional(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            main.err.println("jutrace: " + ex.getMessage());
            main.err.println("Try 'jutrace -h' for more information.");
            return 1;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UsageError || ex instanceof TraceException) {
                main.err.println("jutrace: " + ex.getMessage());
            } else {
                main.err.println("jutrace: internal error: " + ex);
                if (System.getenv("JUTRACE_DEBUG") != null) ex.printStackTrace(main.err);
            }
            return 1;
        });
        return cl.execute(args);
    }

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
        int limit = parseStringLimit(stringLimit);
        BitSet traced = parseExpressions(expressions);
        inject.parse(follow);
        List<Integer> attachPids = parsePids(pids);
        Path program = command.isEmpty() ? null : resolve(command.get(0));

        OutputStream sink = output == null ? System.err : open(output);
        TraceOutput out = new TraceOutput(sink, output == null);
        StraceEngine engine = new StraceEngine(
                new StraceOptions(follow, traced, limit, follow && output != null), out);
        Tracer tracer = Tracer.start();
        gdb.start(tracer, err);
        Thread flusher = periodicFlush(out);

        boolean[] finished = {false};
        List<Integer> attached = java.util.Collections.synchronizedList(new ArrayList<>());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (finished) {
                if (finished[0]) return;
            }
            // SIGTERM, SIGHUP, or SIGINT while attached: leave every tracee running as it was.
            gdb.shutdown();
            tracer.detachAll();
            out.flush();
            synchronized (attached) {
                for (int pid : attached) err.println("jutrace: Process " + pid + " detached");
            }
        }, "jutrace-detach"));

        if (program != null) {
            // The terminal's Ctrl-C goes to the tracee too; its death is what ends the trace.
            Libc.setSignalDisposition(Libc.SIGINT, true);
            Libc.setSignalDisposition(Libc.SIGQUIT, true);
            tracer.spawn(program, command, System.getenv(), gdb.spawned(inject.attachFirst(engine::attachToSpawned)));
        } else {
            for (int pid : attachPids) {
                List<Task> tasks = tracer.attach(pid, gdb.attached(inject.attachFirst(engine::attachTo)));
                attached.add(pid);
                err.println("jutrace: Process " + pid + " attached"
                        + (tasks.size() > 1 ? " with " + tasks.size() + " threads" : ""));
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
        out.close();

        int status = engine.mainStatus();
        if (program == null || status < 0) return 0;
        if ((status & 0x7f) == 0) return (status >> 8) & 0xff;
        return reraise(status & 0x7f);
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

    private static Thread periodicFlush(TraceOutput out) {
        return Thread.ofPlatform().daemon(true).name("jutrace-flush").start(() -> {
            try {
                while (true) {
                    Thread.sleep(200);
                    out.flush();
                }
            } catch (InterruptedException e) {
                // Done.
            } catch (RuntimeException e) {
                // The output went away (a closed pipe); the final flush reports it.
            }
        });
    }

    static int parseStringLimit(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageError("invalid -s argument: '" + value + "'");
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

    /** {@code -e trace=...}; returns the syscall numbers to print, or null for all. */
    static BitSet parseExpressions(List<String> expressions) {
        BitSet traced = null;
        SyscallTable table = SyscallTable.x86_64();
        for (String expr : expressions) {
            String value = expr;
            int eq = expr.indexOf('=');
            if (eq >= 0) {
                String qualifier = expr.substring(0, eq);
                if (!qualifier.equals("trace") && !qualifier.equals("t")) {
                    throw new UsageError("invalid -e argument: '" + expr + "'");
                }
                value = expr.substring(eq + 1);
            }
            if (value.equals("all")) {
                traced = null;
                continue;
            }
            BitSet set = new BitSet();
            for (String name : value.split(",")) {
                if (name.equals("none")) continue;
                int nr = table.number(name);
                if (nr < 0) throw new UsageError("invalid system call '" + name + "'");
                set.set(nr);
            }
            traced = set;
        }
        return traced;
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

    private static OutputStream open(String file) {
        try {
            return new FileOutputStream(file);
        } catch (IOException e) {
            throw new UsageError("Can't fopen '" + file + "': " + e.getMessage().replaceFirst("^.*\\((.*)\\)$", "$1"));
        }
    }
}
