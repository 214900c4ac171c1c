package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;

/**
 * read(2), write(2), pread64(2), pwrite64(2). What was written is known at entry; what was read
 * only at exit, and only as much as the call returned.
 */
final class ReadWrite {

    private ReadWrite() {}

    static void register(Registrar r) {
        r.add("read", Decoder.split(ReadWrite::fdOnly, ReadWrite::read));
        r.add("write", Decoder.atEntry(ReadWrite::write));
        r.add("pread64", Decoder.split(ReadWrite::fdOnly, ReadWrite::pread64));
        r.add("pwrite64", Decoder.atEntry(ReadWrite::pwrite64));
    }

    private static void fdOnly(long[] args, ArgWriter out) {
        long fd = args[0];
        out.fd(fd);
    }

    /** read(int fd, void *buf, size_t count), after the fd. */
    private static void read(long[] args, long ret, ArgWriter out) {
        long buf = args[1], count = args[2];
        received(buf, ret, out);
        out.unsigned(count);
    }

    /** write(int fd, const void *buf, size_t count) */
    private static void write(long[] args, ArgWriter out) {
        long fd = args[0], buf = args[1], count = args[2];
        out.fd(fd);
        out.buffer(buf, count);
        out.unsigned(count);
    }

    /** pread64(int fd, void *buf, size_t count, off_t offset), after the fd. */
    private static void pread64(long[] args, long ret, ArgWriter out) {
        long buf = args[1], count = args[2], offset = args[3];
        received(buf, ret, out);
        out.unsigned(count);
        out.signed(offset);
    }

    /** pwrite64(int fd, const void *buf, size_t count, off_t offset) */
    private static void pwrite64(long[] args, ArgWriter out) {
        long fd = args[0], buf = args[1], count = args[2], offset = args[3];
        out.fd(fd);
        out.buffer(buf, count);
        out.unsigned(count);
        out.signed(offset);
    }

    /**
     * A buffer the kernel filled with {@code ret} bytes. A failed call filled nothing, so only
     * its address means anything.
     */
    static void received(long buf, long ret, ArgWriter out) {
        if (Errno.isError(ret)) {
            out.pointer(buf);
        } else {
            out.buffer(buf, ret);
        }
    }
}
