package dev.jutrace.tools.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;

/**
 * One gdb connection: a reader thread that decodes what gdb sends and queues it for the session,
 * and a writer used only by the session thread. In acknowledgement mode every good packet is
 * answered {@code +} and a damaged one {@code -}, and a {@code -} from gdb sends the last packet
 * again; after {@code QStartNoAckMode} neither side acknowledges.
 */
final class RspConnection implements AutoCloseable {

    /** The end of the connection, queued after the last input. */
    record Closed(String reason) {}

    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable resource;
    private volatile boolean noAck;
    private byte[] lastSent;
    private final boolean log = System.getenv("JUTRACE_GDB_DEBUG") != null;

    RspConnection(InputStream in, OutputStream out, AutoCloseable resource) {
        this.in = in;
        this.out = out;
        this.resource = resource;
    }

    /**
     * Starts the reader thread. It queues every {@link Rsp.Packet} and {@link Rsp.Interrupt}, then a
     * {@link Closed} when the stream ends; acknowledgements it handles itself.
     */
    Thread startReader(BlockingQueue<Object> inbox) {
        return Thread.ofPlatform().daemon(true).name("jutrace-gdb-reader").start(() -> {
            Rsp.Decoder decoder = new Rsp.Decoder();
            String reason = "gdb closed the connection";
            try {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) {
                        Rsp.Input input = decoder.feed(buf[i]);
                        if (input == null) continue;
                        switch (input) {
                            case Rsp.Packet p -> {
                                if (log) System.err.println("gdb> " + p);
                                if (!noAck) writeRaw(new byte[] {'+'});
                                inbox.add(p);
                            }
                            case Rsp.Corrupt c -> {
                                if (!noAck) writeRaw(new byte[] {'-'});
                            }
                            case Rsp.Nak n2 -> resend();
                            case Rsp.Ack a -> { }
                            case Rsp.Interrupt x -> inbox.add(x);
                        }
                    }
                }
            } catch (IOException e) {
                reason = "connection lost: " + e.getMessage();
            }
            inbox.add(new Closed(reason));
        });
    }

    /** Sends one packet. */
    void send(String payload) throws IOException {
        if (log) System.err.println("gdb< $" + (payload.length() > 200 ? payload.substring(0, 200) + "..." : payload));
        byte[] framed = Rsp.frame(payload);
        synchronized (this) {
            lastSent = framed;
        }
        writeRaw(framed);
    }

    /** Stops acknowledging, after the OK to {@code QStartNoAckMode} went out. */
    void noAckMode() {
        noAck = true;
    }

    private void resend() throws IOException {
        byte[] last;
        synchronized (this) {
            last = lastSent;
        }
        if (last != null && !noAck) writeRaw(last);
    }

    private synchronized void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception e) {
            // Closing a socket that is already gone.
        }
    }
}
