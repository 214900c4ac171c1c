package dev.jutrace.testing.bench;

import dev.jutrace.core.AttachFlag;
import dev.jutrace.core.Task;
import dev.jutrace.core.Tracer;
import dev.jutrace.testing.Tracees;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The per-stop cost of the report pass with 1, 2 and 8 engines attached.
 *
 * <p>One JVM, one {@link Tracer}. Each run spawns {@code syscall_loop N} (N raw getppid calls, two
 * syscall stops each) with K {@link CountingEngine}s attached before its exec, each asking for
 * SYSCALL_ENTRY and SYSCALL_EXIT (and, in the QUIESCE variant, QUIESCE too) and answering RESUME,
 * and waits until the tracee is gone. Every configuration also runs with N = 0, and the cost of a
 * stop is {@code (T(N) - T(0)) / 2N}: spawning, exec, start-up syscalls and exit cancel out. The
 * bytes the tracer thread allocated, read exactly from the JVM, and its CPU time are taken the same
 * way, so a hot path that allocates nothing shows 0 bytes per stop.
 *
 * <p>Wall time per stop is mostly the kernel's: two context switches, waitpid and two ptrace
 * calls. On a machine whose speed drifts it hides what an engine adds, so the engines also time the
 * pass from inside ({@link CountingEngine.PassClock}): the engine called first and the one called
 * last read the clock, and the span, less the same span with one engine (the clock's own cost),
 * divided by K - 1, is the cost of one more engine. {@code --no-clock} leaves the clock out.
 *
 * <p>There is no "0 engines" configuration: with no engine asking for syscall events the tracer
 * restarts the thread with PTRACE_CONT and there are no syscall stops to time. One engine is the
 * baseline, the least work that makes a syscall stop; 2 and 8 show what each further engine adds.
 * For reference, each round also times the program untraced and under
 * {@code strace -f -o /dev/null}, as external processes, the same way (T(N) - T(0)).
 *
 * <p>A warm-up round, not counted, comes first, so the measured rounds run JIT-compiled code. The
 * configurations run in a different order every round (a rotation), so drift in the machine's
 * speed spreads over all of them. Increments over one engine are taken within a round and then the
 * median over rounds.
 *
 * <p>Usage: {@code EnginePassBench [--n N] [--rounds R] [--engines 1,2,8] [--no-quiesce]
 * [--no-clock] [--alloc-control] [--strace CMD|none] [--tsv FILE] [--jfr FILE]}. The tracee comes
 * from {@link Tracees} ({@code -Djutrace.tracees=DIR}). {@code --alloc-control} adds a run whose one
 * engine allocates 32 bytes per stop, which shows that the allocation measurements see allocation
 * on the per-stop path when there is some. {@code --jfr} records the measured rounds (not the
 * warm-up). Run through {@code bench/engines.sh}.
 */
public final class EnginePassBench {
    /** The tracer thread's name, which {@code bench/engines.sh --jfr} filters on. */
    public static final String TRACER_THREAD = "jutrace-bench-tracer";

    private enum Kind { UNTRACED, STRACE, ENGINES }

    /** {@code allocating}: the control, whose one engine allocates 32 bytes per stop. */
    private record Config(Kind kind, int engines, boolean quiesce, boolean allocating) {
        static Config engines(int k, boolean quiesce) {
            return new Config(Kind.ENGINES, k, quiesce, false);
        }

        String label() {
            return switch (kind) {
                case UNTRACED -> "untraced";
                case STRACE -> "strace";
                case ENGINES -> engines + (quiesce ? "q" : "") + (allocating ? "a" : "");
            };
        }
    }

    /**
     * One run: wall nanoseconds; for traced runs, the syscall stops the engines saw, the bytes the
     * tracer thread allocated and its CPU nanoseconds, and the pass clock's total and span count.
     */
    private record Run(long nanos, int exit, long stops, long tracerBytes, long tracerCpu, long spanNanos, long spans) {
        static Run external(long nanos, int exit) {
            return new Run(nanos, exit, 0, 0, 0, 0, 0);
        }
    }

    private record Options(int n, int rounds, int[] engines, boolean quiesce, boolean clock, boolean control,
            List<String> strace, Path tsv, Path jfr) {}

    private final Options o;
    private final int n;
    private final List<Config> configs = new ArrayList<>();
    private final Path program;
    private final Tracer tracer;
    private final Thread tracerThread;
    private final JvmProbes.ThreadCounters counters = JvmProbes.ThreadCounters.open();
    private final PrintStream log = System.err;
    private final StringBuilder raw = new StringBuilder();
    private int failures;

    /** Per config: per measured round, {T(N), T(0)} runs. */
    private final Map<Config, List<Run[]>> results = new LinkedHashMap<>();

    private EnginePassBench(Options o) {
        this.o = o;
        this.n = o.n;
        this.program = Tracees.path("syscall_loop");
        for (int k : o.engines) configs.add(Config.engines(k, false));
        if (o.quiesce) for (int k : o.engines) configs.add(Config.engines(k, true));
        if (o.control) configs.add(new Config(Kind.ENGINES, 1, false, true));
        if (o.strace != null) configs.add(new Config(Kind.STRACE, 0, false, false));
        configs.add(new Config(Kind.UNTRACED, 0, false, false));
        for (Config c : configs) results.put(c, new ArrayList<>());
        this.tracer = Tracer.start(TRACER_THREAD);
        this.tracerThread = findThread(TRACER_THREAD);
    }

    public static void main(String[] args) throws Exception {
        int n = 200_000;
        int rounds = 5;
        int[] engines = {1, 2, 8};
        boolean quiesce = true, clock = true, control = false;
        List<String> strace = List.of("strace");
        Path tsv = null, jfr = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--n" -> n = positive(a, value(args, ++i, a));
                case "--rounds" -> rounds = positive(a, value(args, ++i, a));
                case "--engines" -> engines = Arrays.stream(value(args, ++i, a).split(","))
                        .mapToInt(s -> positive("--engines", s.trim())).distinct().sorted().toArray();
                case "--no-quiesce" -> quiesce = false;
                case "--no-clock" -> clock = false;
                case "--alloc-control" -> control = true;
                case "--strace" -> {
                    String s = value(args, ++i, a).trim();
                    strace = s.isEmpty() || s.equals("none") ? null : List.of(s.split("\\s+"));
                }
                case "--tsv" -> tsv = Path.of(value(args, ++i, a));
                case "--jfr" -> jfr = Path.of(value(args, ++i, a));
                case "-h", "--help" -> {
                    System.out.println("usage: EnginePassBench [--n N] [--rounds R] [--engines 1,2,8] [--no-quiesce]"
                            + " [--no-clock] [--alloc-control] [--strace CMD|none] [--tsv FILE] [--jfr FILE]");
                    return;
                }
                default -> usageError("unknown option " + a);
            }
        }
        if (Arrays.stream(engines).noneMatch(k -> k == 1)) {
            engines = IntStream.concat(IntStream.of(1), Arrays.stream(engines)).toArray();
        }
        EnginePassBench bench = new EnginePassBench(
                new Options(n, rounds, engines, quiesce, clock, control, strace, tsv, jfr));
        System.exit(bench.run());
    }

    private static void usageError(String message) {
        System.err.println("EnginePassBench: " + message);
        System.exit(2);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) usageError(option + " needs a value");
        return args[i];
    }

    private static int positive(String option, String s) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) return v;
        } catch (NumberFormatException e) {
            // Reported below.
        }
        usageError(option + " needs a positive number, not \"" + s + "\"");
        return 0;
    }

    private static Thread findThread(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) return t;
        }
        throw new IllegalStateException("no thread named " + name);
    }

    // ==== running ====================================================================================

    private int run() throws Exception {
        raw.append("# jutrace EnginePassBench: syscall_loop ").append(n).append(", ").append(o.rounds)
                .append(" rounds after a warm-up (round 0); java ").append(Runtime.version()).append('\n');
        raw.append("round\tconfig\tn\tseconds\texit\tstops\ttracer_bytes\ttracer_cpu_ns\tpass_span_ns\tpass_spans\n");
        log.printf("bench: syscall_loop %d, %d configurations, a warm-up round then %d rounds%n", n, configs.size(), o.rounds);
        round(0);
        JvmProbes.Recording recording = o.jfr == null ? null : JvmProbes.Recording.start();
        for (int r = 1; r <= o.rounds; r++) round(r);
        if (recording != null) {
            recording.stopAndDump(o.jfr);
            log.printf("bench: the measured rounds are recorded in %s (tracer thread: %s)%n", o.jfr, TRACER_THREAD);
        }
        tracer.close();
        if (o.tsv != null) {
            try {
                Files.writeString(o.tsv, raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        report(System.out);
        if (failures > 0) {
            log.println("bench: " + failures + " run(s) failed; see above");
            return 1;
        }
        return 0;
    }

    /** Runs every configuration once with N and once with 0; round 0 is the warm-up. */
    private void round(int r) throws Exception {
        int size = configs.size();
        for (int i = 0; i < size; i++) {
            Config c = configs.get((i + r) % size);
            log.printf("bench: %s %d/%d: %s%n", r == 0 ? "warm-up" : "round", r, o.rounds, c.label());
            Run full = runOnce(c, n);
            Run empty = runOnce(c, 0);
            record(r, c, n, full);
            record(r, c, 0, empty);
            if (r > 0) results.get(c).add(new Run[] {full, empty});
        }
    }

    private void record(int r, Config c, int size, Run run) {
        raw.append(r).append('\t').append(c.label()).append('\t').append(size).append('\t')
                .append(String.format(Locale.ROOT, "%.6f", run.nanos / 1e9)).append('\t').append(run.exit)
                .append('\t').append(run.stops).append('\t').append(run.tracerBytes).append('\t').append(run.tracerCpu)
                .append('\t').append(run.spanNanos).append('\t').append(run.spans).append('\n');
        if (run.exit != 0) {
            failures++;
            log.printf("bench: round %d, %s, N=%d: exit status 0x%x%n", r, c.label(), size, run.exit);
        }
        if (c.kind == Kind.ENGINES && run.stops < 2L * size) {
            failures++;
            log.printf("bench: round %d, %s, N=%d: the engines saw %d syscall stops, fewer than 2N%n", r, c.label(), size, run.stops);
        }
    }

    private Run runOnce(Config c, int size) throws Exception {
        return switch (c.kind) {
            case UNTRACED -> external(List.of(program.toString(), Integer.toString(size)));
            case STRACE -> {
                List<String> cmd = new ArrayList<>(o.strace);
                cmd.addAll(List.of("-f", "-o", "/dev/null", program.toString(), Integer.toString(size)));
                yield external(cmd);
            }
            case ENGINES -> traced(c, size);
        };
    }

    private static Run external(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        long t0 = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        long t1 = System.nanoTime();
        return Run.external(t1 - t0, exit << 8);
    }

    private Run traced(Config c, int size) throws Exception {
        int k = c.engines;
        int mask = c.quiesce ? CountingEngine.QUIESCE_MASK : CountingEngine.SYSCALL_MASK;
        CountingEngine.PassClock clock = o.clock ? new CountingEngine.PassClock() : null;
        CountingEngine[] engines = new CountingEngine[k];
        for (int i = 0; i < k; i++) engines[i] = new CountingEngine(i, k, clock, c.allocating);
        List<String> argv = List.of("syscall_loop", Integer.toString(size));
        Map<String, String> env = System.getenv();
        tracer.tasks(); // the tracer thread is idle and its one-off work is done before counting starts
        long b0 = counters.allocated(tracerThread), c0 = counters.cpu(tracerThread);
        long t0 = System.nanoTime();
        Task task = tracer.spawn(program, argv, env, t -> {
            for (CountingEngine e : engines) tracer.attach(t, e, null, AttachFlag.CREATE).setEvents(mask);
        });
        if (!tracer.awaitNoTasks(300, TimeUnit.SECONDS)) throw new IllegalStateException("syscall_loop " + size + " did not end in 300 s");
        long t1 = System.nanoTime();
        // The death pass may still be finishing when the last task is counted out: let the tracer
        // thread come round to its request queue before reading its counters. This request's own
        // allocation is the same in every run, so it cancels out of bytes(N) - bytes(0).
        tracer.tasks();
        long b1 = counters.allocated(tracerThread), c1 = counters.cpu(tracerThread);
        for (CountingEngine e : engines) {
            if (e.stops() != engines[0].stops()) {
                log.printf("bench: %d engines saw different numbers of stops: %d and %d%n", k, engines[0].stops(), e.stops());
                failures++;
            }
            if (c.quiesce && e.quiesces < e.stops()) {
                log.printf("bench: a QUIESCE engine had %d quiesce reports for %d stops%n", e.quiesces, e.stops());
                failures++;
            }
        }
        return new Run(t1 - t0, task.exitStatus(), engines[0].stops(), b1 < 0 || b0 < 0 ? -1 : b1 - b0,
                c1 < 0 || c0 < 0 ? -1 : c1 - c0, clock == null ? 0 : clock.total, clock == null ? 0 : clock.spans);
    }

    // ==== the report =================================================================================

    /** Per measured round, {@code (f(run with N) - f(run with 0)) / 2N}. */
    private double[] perStop(Config c, ToDoubleFunction<Run> f) {
        List<Run[]> runs = results.get(c);
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            double full = f.applyAsDouble(runs.get(i)[0]), empty = f.applyAsDouble(runs.get(i)[1]);
            v[i] = full < 0 || empty < 0 ? Double.NaN : (full - empty) / (2.0 * n);
        }
        return v;
    }

    private double[] wall(Config c) {
        return perStop(c, r -> r.nanos);
    }

    /** Per measured round, the pass clock's mean span per stop in the run with N. */
    private double[] span(Config c) {
        List<Run[]> runs = results.get(c);
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            Run full = runs.get(i)[0];
            v[i] = full.spans == 0 ? Double.NaN : (double) full.spanNanos / full.spans;
        }
        return v;
    }

    private static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int m = v.length;
        if (m == 0) return Double.NaN;
        return m % 2 == 1 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    private static String fmt(String format, double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }

    /** Bytes per stop to three places; a difference that rounds to nothing is 0.000, not -0.000. */
    private static String bytes(double v) {
        String s = fmt("%.3f", v);
        return s.equals("-0.000") ? "0.000" : s;
    }

    private void report(PrintStream out) {
        out.println();
        out.printf("syscall_loop %d: %d syscall stops a run, %d rounds. Per stop: (T(N) - T(0)) / 2N, the median over rounds"
                + " (min-max in brackets).%n", n, 2L * n, o.rounds);
        out.println("\"over 1 engine\": the median of per-round differences with 1 engine of the same kind. \"In the pass\":"
                + " timed by the engines, the span from the first engine called to the last, less that span with 1 engine.");
        out.println();
        out.println("| engines | events | ns per stop | over 1 engine | in the pass: over 1 engine | in the pass: per added engine"
                + " | tracer CPU ns per stop | tracer bytes per stop |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        Config plainOne = Config.engines(1, false);
        for (Config c : configs) {
            if (c.kind == Kind.UNTRACED) continue;
            double[] v = wall(c);
            double[] sorted = Arrays.stream(v).sorted().toArray();
            String cost = fmt("%.0f", median(v)) + " (" + fmt("%.0f", sorted[0]) + "–" + fmt("%.0f", sorted[sorted.length - 1]) + ")";
            String who, events, over = "", inPass = "", perEngine = "", cpu = "", bytes = "";
            if (c.kind == Kind.STRACE) {
                who = "`" + String.join(" ", o.strace) + " -f`";
                events = "—";
                over = fmt("%+.0f", median(minus(v, wall(plainOne))));
            } else {
                who = Integer.toString(c.engines);
                events = c.allocating ? "SYSCALL, allocating 32 B a stop (control)" : c.quiesce ? "SYSCALL + QUIESCE" : "SYSCALL";
                Config one = Config.engines(1, c.quiesce);
                if (c.allocating || (c.quiesce && c.engines == 1)) {
                    over = fmt("%+.0f", median(minus(v, wall(plainOne)))) + " (vs plain)";
                } else if (c.engines == 1) {
                    over = "—";
                } else {
                    over = fmt("%+.0f", median(minus(v, wall(one))));
                    if (o.clock) {
                        double d = median(minus(span(c), span(one)));
                        inPass = fmt("%+.1f", d);
                        perEngine = fmt("%.1f", d / (c.engines - 1));
                    }
                }
                cpu = fmt("%.0f", median(perStop(c, r -> r.tracerCpu)));
                double[] bs = perStop(c, r -> r.tracerBytes);
                String lo = bytes(Arrays.stream(bs).min().orElse(Double.NaN));
                String hi = bytes(Arrays.stream(bs).max().orElse(Double.NaN));
                bytes = bytes(median(bs)) + (lo.equals(hi) ? "" : " (" + lo + " to " + hi + ")");
            }
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", who, events, cost, over, inPass, perEngine, cpu, bytes);
        }
        out.println();
        out.printf("Untraced, the program takes %s ns per getppid (no stops).%n",
                fmt("%.0f", 2 * median(wall(new Config(Kind.UNTRACED, 0, false, false)))));
        if (o.clock) {
            out.printf("The pass clock with 1 engine (two clock reads, the clock's own cost): %s ns a stop.%n",
                    fmt("%.1f", median(span(plainOne))));
        }
        if (!counters.available()) {
            out.println("The tracer thread's allocation and CPU time were not measured: run with --add-modules jdk.management.");
        }
    }
}
