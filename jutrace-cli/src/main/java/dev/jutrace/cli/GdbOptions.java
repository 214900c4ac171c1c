package dev.jutrace.cli;

import dev.jutrace.core.Task;
import dev.jutrace.core.TraceException;
import dev.jutrace.core.Tracer;
import dev.jutrace.tools.gdb.GdbServer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --gdb HOST:PORT} and {@code --gdb-listen-any}: serve the traced process to gdb as well.
 * A mixin, so that {@link Main} needs only a few lines to wire it: wrap the spawn and attach
 * callbacks, start after the tracer, shut down before it detaches, and wait for gdb at the end.
 */
public final class GdbOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private String host;
    private int port = -1;

    @Option(names = "--gdb-listen-any",
            description = "Let --gdb listen on a non-loopback address. Anyone who can connect can run code as you.")
    boolean listenAny;

    private GdbServer server;

    @Option(names = "--gdb", paramLabel = "[HOST]:PORT",
            description = "Also serve the process to gdb (target remote HOST:PORT); it waits stopped until gdb resumes it."
                    + " HOST defaults to 127.0.0.1; PORT 0 picks a free port.")
    void setGdb(String value) {
        int colon = value.lastIndexOf(':');
        String h = colon < 0 ? "" : value.substring(0, colon);
        String p = colon < 0 ? value : value.substring(colon + 1);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        try {
            port = Integer.parseInt(p);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "invalid --gdb address '" + value + "': expected [HOST]:PORT");
        }
        host = h.isEmpty() ? "127.0.0.1" : h;
    }

    boolean enabled() {
        return port >= 0;
    }

    /** Binds the port and starts waiting for gdb; a no-op without --gdb. */
    void start(Tracer tracer, PrintStream err) {
        if (!enabled()) return;
        try {
            server = GdbServer.listen(host, port, listenAny, err);
        } catch (IllegalArgumentException e) {
            throw new TraceException(e.getMessage());
        } catch (IOException e) {
            throw new TraceException("--gdb " + host + ":" + port + ": " + e.getMessage());
        }
        if (listenAny) {
            err.println("jutrace: warning: the gdb server accepts connections from any host; whoever connects"
                    + " can run code as " + System.getProperty("user.name"));
        }
        err.println("jutrace: gdb server listening on " + server.address());
        server.start();
    }

    /** The spawn callback with the gdb engine attached after {@code other}'s engines. */
    Consumer<Task> spawned(Consumer<Task> other) {
        if (!enabled()) return other;
        return task -> {
            other.accept(task);
            server.attachSpawned(task);
        };
    }

    /** The attach callback with the gdb engine attached after {@code other}'s engines. */
    Consumer<Task> attached(Consumer<Task> other) {
        if (!enabled()) return other;
        return task -> {
            other.accept(task);
            server.attachRunning(task);
        };
    }

    /** Puts breakpoints back and lets the process go (jutrace is being stopped). */
    void shutdown() {
        if (server != null) server.shutdown();
    }

    /** Lets gdb hear of the exit before jutrace exits. */
    void finish() {
        if (server != null) server.awaitEnd(5, TimeUnit.SECONDS);
    }
}
