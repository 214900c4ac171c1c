package dev.jutrace.tools.gdb;

import dev.jutrace.core.Task;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A GDB remote-protocol server over the engine layer: {@code jutrace --gdb HOST:PORT -- CMD}.
 * It listens for one gdb; the debugged process is held at its start (or, attached with -p, where
 * it was) until gdb resumes it. When gdb detaches or goes away, or jutrace is told to stop, every
 * breakpoint byte is put back and the process runs on untouched, traced by whatever other
 * engines remain.
 *
 * <p>Threads: the tracer thread runs the engine's callbacks ({@link GdbTarget}); one session
 * thread accepts the connection and answers packets ({@link Session}); a reader thread decodes
 * what gdb sends. They meet in one queue, the session's inbox.
 */
public final class GdbServer {
    private final ServerSocket listener;
    private final PrintStream err;
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final GdbTarget target = new GdbTarget(inbox);
    private final Monitor monitor;
    private volatile Thread sessionThread;
    private volatile boolean shuttingDown;
    private volatile Socket socket;

    private GdbServer(ServerSocket listener, PrintStream err) {
        this.listener = listener;
        this.err = err;
        this.monitor = new Monitor(target, err);
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one). Only a loopback address is accepted unless
     * {@code anyAddress}: a gdb server runs any code its client sends, as the traced user.
     *
     * @throws IOException when the address cannot be bound
     * @throws IllegalArgumentException for a non-loopback host without {@code anyAddress}
     */
    public static GdbServer listen(String host, int port, boolean anyAddress, PrintStream err) throws IOException {
        InetAddress address = InetAddress.getByName(host.isEmpty() ? "127.0.0.1" : host);
        if (!anyAddress && !address.isLoopbackAddress()) {
            throw new IllegalArgumentException("--gdb " + host + ": not a loopback address; a gdb server lets"
                    + " anyone who connects run code as you (use --gdb-listen-any to allow it)");
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(address, port), 1);
        return new GdbServer(s, err);
    }

    /** The port it listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    public String address() {
        return listener.getInetAddress().getHostAddress() + ":" + port();
    }

    /** Attaches the gdb engine to a spawned process at its start; call on the tracer thread (spawn callback). */
    public void attachSpawned(Task task) {
        target.attachSpawned(task);
    }

    /** Attaches the gdb engine to a thread of a process seized with -p; call on the tracer thread. */
    public void attachRunning(Task task) {
        target.attachRunning(task);
    }

    /** Starts waiting for gdb. */
    public void start() {
        sessionThread = Thread.ofPlatform().daemon(true).name("jutrace-gdb").start(this::serve);
    }

    private void serve() {
        RspConnection conn = null;
        try {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (!shuttingDown) err.println("jutrace: gdb server: " + e.getMessage());
                release();
                return;
            } finally {
                closeListener();
            }
            s.setTcpNoDelay(true);
            socket = s;
            if (shuttingDown) {
                s.close();
                release();
                return;
            }
            err.println("jutrace: gdb connected from " + s.getInetAddress().getHostAddress());
            conn = new RspConnection(s.getInputStream(), s.getOutputStream(), s);
            conn.startReader(inbox);
            new Session(target, conn, inbox, monitor, err).run();
        } catch (IOException | RuntimeException e) {
            err.println("jutrace: gdb session failed: " + e);
            if (System.getenv("JUTRACE_DEBUG") != null) e.printStackTrace(err);
            release();
        } catch (InterruptedException e) {
            release();
        } finally {
            if (conn != null) conn.close();
        }
    }

    /** Puts every breakpoint back and lets the process go; safe to call more than once. */
    private void release() {
        if (System.getenv("JUTRACE_GDB_DEBUG") != null) err.println("jutrace: gdb server: releasing the process");
        try {
            Session.restoreAndDetach(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeListener() {
        try {
            listener.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    /**
     * Ends the session (jutrace was interrupted or terminated): breakpoints are removed and the
     * process runs on. Returns once that is done, or after a few seconds.
     */
    public void shutdown() {
        if (System.getenv("JUTRACE_GDB_DEBUG") != null) err.println("jutrace: gdb server: shutting down");
        shuttingDown = true;
        closeListener();
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Gone already.
            }
        }
        awaitEnd(10, TimeUnit.SECONDS);
    }

    /** Waits for the session to end: gdb saw the exit and hung up, or detached. */
    public void awaitEnd(long timeout, TimeUnit unit) {
        Thread t = sessionThread;
        if (t == null) return;
        try {
            t.join(unit.toMillis(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
