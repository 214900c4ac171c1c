package dev.jutrace.cli;

import dev.jutrace.tools.json.JsonEngine;
import dev.jutrace.tools.strace.StraceOptions;
import dev.jutrace.tools.strace.TraceOutput;
import dev.jutrace.tools.strace.TraceTool;
import picocli.CommandLine.Option;

/**
 * {@code --json}: the trace as JSON lines (docs/JSON.md) written by a {@link JsonEngine}, which
 * takes the strace engine's place. The strace options that choose what is traced still apply.
 */
final class JsonOptions {

    @Option(names = "--json",
            description = "Write one JSON object a line per syscall, signal and exit (schema v1, docs/JSON.md) "
                    + "instead of strace's lines; -f, -o, -e trace=/signal=/status= and -s apply.")
    boolean json;

    boolean enabled() {
        return json;
    }

    /** The JSON engine writing to {@code out}; options it cannot honour are a one-line {@link Main.UsageError}. */
    TraceTool engine(StraceOptions options, boolean separateFiles, TraceOutput out) {
        if (options.summary() != StraceOptions.Summary.NONE) {
            throw new Main.UsageError("--json and -c/-C are mutually exclusive");
        }
        if (separateFiles) throw new Main.UsageError("--json and -ff are mutually exclusive");
        // These change which calls are traced; the JSON engine does not implement them, and
        // ignoring them would make a trace look complete that is not.
        if (!options.paths().isEmpty() || options.traceFds() != null) {
            throw new Main.UsageError("--json and -P/--trace-fds are mutually exclusive");
        }
        if (options.detachOnExecve() || options.syscallLimit() > 0) {
            throw new Main.UsageError("--json and -b/--syscall-limit are mutually exclusive");
        }
        return new JsonEngine(options, out);
    }
}
