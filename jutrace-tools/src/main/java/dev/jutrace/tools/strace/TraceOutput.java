package dev.jutrace.tools.strace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The trace's output stream: a byte buffer filled from the tracer thread and emptied when full,
 * at every line when the output is interactive, and on {@link #flush} from a timer, so a file being
 * tailed never lags far. Trace text is ASCII (strace escapes everything else), so characters are
 * written as bytes without an encoder.
 */
public final class TraceOutput implements AutoCloseable {
    private final OutputStream out;
    private final boolean flushEachLine;
    private final byte[] buffer = new byte[1 << 16];
    private int length;

    public TraceOutput(OutputStream out, boolean flushEachLine) {
        this.out = out;
        this.flushEachLine = flushEachLine;
    }

    /** Appends {@code text[from, to)}. */
    public synchronized void write(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (length == buffer.length) drain();
            char c = text.charAt(i);
            buffer[length++] = (byte) (c < 0x80 ? c : '?');
        }
    }

    public void write(CharSequence text) {
        write(text, 0, text.length());
    }

    /** Ends a line. */
    public synchronized void newline() {
        if (length == buffer.length) drain();
        buffer[length++] = '\n';
        if (flushEachLine) drain();
    }

    public synchronized void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain() {
        if (length == 0) return;
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            length = 0;
        }
    }

    @Override
    public synchronized void close() {
        flush();
        try {
            if (out != System.err && out != System.out) out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
