package dev.jutrace.cli;

import dev.jutrace.core.Task;
import dev.jutrace.decode.SyscallTable;
import dev.jutrace.tools.inject.InjectEngine;
import dev.jutrace.tools.inject.InjectSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --inject} and {@code --fault}: strace's tampering options, applied by an
 * {@link InjectEngine} attached to each traced thread before the strace engine, so that the trace
 * shows the injected results.
 */
final class InjectOptions {

    @Option(names = "--inject", paramLabel = "SET:OPTS",
            description = "Tamper with the calls in SET (as -e trace=): error=ERRNO|retval=N, signal=SIG, "
                    + "delay_enter=T, delay_exit=T, when=FIRST[..LAST][+STEP]; jutrace adds path=GLOB and "
                    + "argN=VALUE predicates. Repeatable.")
    List<String> inject = new ArrayList<>();

    @Option(names = "--fault", paramLabel = "SET:OPTS",
            description = "As --inject, failing the calls with ENOSYS unless error= says otherwise. Repeatable.")
    List<String> fault = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** In the order given on the command line, which decides which spec wins a shared syscall. */
    private final List<InjectSpec> specs = new ArrayList<>();
    private InjectEngine engine;

    /** Parses the specs: a bad one is a one-line {@link Main.UsageError}. */
    void parse(boolean follow) {
        SyscallTable table = SyscallTable.x86_64();
        List<String> original = mixee == null || mixee.commandLine() == null
                || mixee.commandLine().getParseResult() == null ? List.of()
                : mixee.commandLine().getParseResult().originalArgs();
        for (String arg : inOrder(original)) {
            try {
                specs.add(arg.startsWith("--fault=") ? InjectSpec.parseFault(arg.substring(8), table)
                        : InjectSpec.parseInject(arg.substring(9), table));
            } catch (InjectSpec.BadSpecException e) {
                throw new Main.UsageError(e.getMessage());
            }
        }
        if (!specs.isEmpty()) engine = new InjectEngine(specs, follow, table);
    }

    /** The given values as {@code --inject=X}/{@code --fault=X} words, in command-line order. */
    private List<String> inOrder(List<String> args) {
        List<String> order = new ArrayList<>();
        int i = 0;
        int f = 0;
        for (String a : args) {
            if (a.equals("--")) break;
            boolean isInject = a.equals("--inject") || a.startsWith("--inject=");
            boolean isFault = a.equals("--fault") || a.startsWith("--fault=");
            if (isInject && i < inject.size()) order.add("--inject=" + inject.get(i++));
            else if (isFault && f < fault.size()) order.add("--fault=" + fault.get(f++));
        }
        // Anything not found above (an unusual spelling) keeps inject-then-fault order.
        while (i < inject.size()) order.add("--inject=" + inject.get(i++));
        while (f < fault.size()) order.add("--fault=" + fault.get(f++));
        return order;
    }

    /** A spawn or attach callback attaching the injector (if any spec was given) before {@code then}. */
    Consumer<Task> attachFirst(Consumer<Task> then) {
        return engine == null ? then : engine.attachFirst(then);
    }
}
