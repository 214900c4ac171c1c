package dev.jutrace.tools.strace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A thread's CPU time, for {@code -c}'s system time: the first field of /proc/TID/schedstat, the
 * nanoseconds the thread has run. Between a syscall's entry and exit stops the thread runs only
 * in the kernel, so the difference of two readings is the call's system time, measured to the
 * nanosecond where strace's rusage ticks mostly read 0.
 *
 * <p>The file stays open and is re-read at offset 0 into one shared buffer: a reading costs one
 * pread and allocates nothing.
 */
final class CpuClock implements AutoCloseable {
    private static final ByteBuffer BUFFER = ByteBuffer.allocateDirect(128);

    private final int tid;
    private FileChannel channel;
    private boolean failed;

    CpuClock(int tid) {
        this.tid = tid;
    }

    /** Nanoseconds run so far, or -1 when the thread's file cannot be read. Tracer thread only. */
    long read() {
        if (failed) return -1;
        try {
            if (channel == null) channel = FileChannel.open(Path.of("/proc/" + tid + "/schedstat"), StandardOpenOption.READ);
            BUFFER.clear();
            int n = channel.read(BUFFER, 0);
            long v = 0;
            for (int i = 0; i < n; i++) {
                byte b = BUFFER.get(i);
                if (b < '0' || b > '9') break;
                v = v * 10 + (b - '0');
            }
            return v;
        } catch (IOException e) {
            failed = true;
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) channel.close();
        } catch (IOException e) {
            // Nothing to do: the thread is gone.
        }
        channel = null;
    }
}
