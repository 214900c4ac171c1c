package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * readv(2), writev(2), preadv(2), pwritev(2), preadv2(2), pwritev2(2). An iovec array prints
 * each buffer with its length; what was read is known only at exit, and only as many bytes as
 * the call returned, spread over the buffers in order.
 */
final class Readv {

    private static final Xlat RWF = Xlat.load("rwf_flags");
    /** struct iovec: base and length. */
    private static final int IOVEC_SIZE = 16;

    private Readv() {}

    static void register(Registrar r) {
        r.add("readv", Decoder.split(Readv::fdOnly, Readv::readv));
        r.add("preadv", Decoder.split(Readv::fdOnly, Readv::preadv));
        r.add("preadv2", Decoder.split(Readv::fdOnly, Readv::preadv2));
        r.add("writev", Decoder.atEntry(Readv::writev));
        r.add("pwritev", Decoder.atEntry(Readv::pwritev));
        r.add("pwritev2", Decoder.atEntry(Readv::pwritev2));
    }

    private static void fdOnly(long[] args, ArgWriter out) {
        long fd = args[0];
        out.fd(fd);
    }

    /** readv(int fd, const struct iovec *iov, int iovcnt), after the fd. */
    private static void readv(long[] args, long ret, ArgWriter out) {
        long iov = args[1], iovcnt = args[2];
        received(iov, iovcnt, ret, out);
        out.int32(iovcnt);
    }

    /** preadv(int fd, const struct iovec *iov, int iovcnt, off_t offset), after the fd. */
    private static void preadv(long[] args, long ret, ArgWriter out) {
        long offset = args[3];
        readv(args, ret, out);
        out.signed(offset);
    }

    /** preadv2(int fd, const struct iovec *iov, int iovcnt, off_t offset, int flags): flags sit in the sixth register. */
    private static void preadv2(long[] args, long ret, ArgWriter out) {
        long flags = args[5];
        preadv(args, ret, out);
        out.flags(RWF, flags & 0xffff_ffffL);
    }

    /** writev(int fd, const struct iovec *iov, int iovcnt) */
    private static void writev(long[] args, ArgWriter out) {
        long fd = args[0], iov = args[1], iovcnt = args[2];
        out.fd(fd);
        iovec(iov, iovcnt, -1, out);
        out.int32(iovcnt);
    }

    /** pwritev(int fd, const struct iovec *iov, int iovcnt, off_t offset) */
    private static void pwritev(long[] args, ArgWriter out) {
        long offset = args[3];
        writev(args, out);
        out.signed(offset);
    }

    /** pwritev2(int fd, const struct iovec *iov, int iovcnt, off_t offset, int flags) */
    private static void pwritev2(long[] args, ArgWriter out) {
        long flags = args[5];
        pwritev(args, out);
        out.flags(RWF, flags & 0xffff_ffffL);
    }

    private static void received(long iov, long iovcnt, long ret, ArgWriter out) {
        if (Errno.isError(ret)) {
            out.pointer(iov);
        } else {
            iovec(iov, iovcnt, ret, out);
        }
    }

    /**
     * An iovec array of {@code iovcnt} elements, at most -s of them; {@code data} is how many
     * bytes the buffers hold in all (what a read returned), or -1 for each buffer's length.
     */
    static void iovec(long iov, long iovcnt, long data, ArgWriter out) {
        int count = (int) iovcnt;
        if (iov == 0 || count < 0 || (count > 0 && !out.fetch(iov, IOVEC_SIZE))) {
            out.pointer(iov);
            return;
        }
        long left = data;
        int limit = out.options().stringLimit();
        out.beginArray();
        for (int i = 0; i < count; i++) {
            if (i == limit) {
                out.ellipsis();
                break;
            }
            if (!out.fetch(iov + (long) i * IOVEC_SIZE, IOVEC_SIZE)) {
                out.ellipsis();
                break;
            }
            long base = out.fetchedLong(0), len = out.fetchedLong(8);
            long shown = left < 0 ? len : Math.min(len, left);
            out.beginStruct();
            out.field("iov_base");
            out.buffer(base, shown);
            out.field("iov_len");
            out.unsigned(len);
            out.endStruct();
            if (left >= 0) {
                left -= shown;
            }
        }
        out.endArray();
    }
}
