package dev.jutrace.cli;

import dev.jutrace.core.Tracer;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * {@code --seccomp-bpf} and {@code --no-seccomp}: whether a spawned command runs under a seccomp
 * filter that stops it only at the traced calls. On by default; it takes effect with {@code -f}
 * and a {@code -e trace=} (or {@code --inject}) set smaller than all calls, and never for
 * {@code -p}.
 */
final class SeccompOptions {

    @Option(names = "--seccomp-bpf",
            description = "Stop spawned processes only at the traced calls, with a seccomp filter (the default; needs -f).")
    boolean force;

    @Option(names = "--no-seccomp", description = "Never use a seccomp filter: stop at every call, as without -f.")
    boolean forbid;

    /**
     * Tells the tracer; warns, as strace does, where an explicit --seccomp-bpf can have no effect.
     * {@code detaches}: -b or --syscall-limit, which let a process go while it lives on, and a
     * process under a filter cannot be let go (its traced calls would fail with ENOSYS).
     */
    void apply(Tracer tracer, boolean follow, boolean attaching, boolean detaches, PrintStream err) {
        if (force && forbid) throw new Main.UsageError("--seccomp-bpf and --no-seccomp are mutually exclusive");
        if (force && attaching) err.println("jutrace: --seccomp-bpf is not enabled for processes attached with -p");
        else if (force && !follow) err.println("jutrace: --seccomp-bpf has no effect without -f");
        else if (force && detaches) err.println("jutrace: --seccomp-bpf is not enabled with -b or --syscall-limit");
        tracer.useSeccomp(!forbid && follow && !attaching && !detaches);
    }
}
