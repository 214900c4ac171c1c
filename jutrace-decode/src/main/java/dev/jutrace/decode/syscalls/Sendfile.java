package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * sendfile(2), copy_file_range(2), splice(2), tee(2). sendfile's offset is both read and written
 * by the kernel, so strace prints it twice: {@code [2] => [7]}.
 */
final class Sendfile {

    private static final Xlat SPLICE_FLAGS = Xlat.load("splice_flags");

    private Sendfile() {}

    static void register(Registrar r) {
        r.add("sendfile", Decoder.split(Sendfile::sendfileEntry, Sendfile::sendfileExit));
        r.add("copy_file_range", Decoder.atEntry(Sendfile::copyFileRange));
        r.add("splice", Decoder.atEntry(Sendfile::splice));
        r.add("tee", Decoder.atEntry(Sendfile::tee));
    }

    /** sendfile(int out_fd, int in_fd, off_t *offset, size_t count) */
    private static void sendfileEntry(long[] args, ArgWriter out) {
        long outFd = args[0], inFd = args[1], offset = args[2];
        out.fd(outFd);
        out.fd(inFd);
        if (offset == 0 || !offset(offset, out)) {
            out.pointer(offset);
        } else {
            out.completeAtEntry();
        }
    }

    /** After an offset that printed at entry, the kernel's update of it; then the count. */
    private static void sendfileExit(long[] args, long ret, ArgWriter out) {
        long offset = args[2], count = args[3];
        if (offset != 0 && out.fetch(offset, 8)) {
            if (Errno.isError(ret)) {
                out.resumeAtExit();
            } else {
                out.updated();
                offset(offset, out);
            }
        }
        out.unsigned(count);
    }

    /** copy_file_range(int fd_in, off64_t *off_in, int fd_out, off64_t *off_out, size_t len, unsigned int flags) */
    private static void copyFileRange(long[] args, ArgWriter out) {
        long fdIn = args[0], offIn = args[1], fdOut = args[2], offOut = args[3], len = args[4], flags = args[5];
        out.fd(fdIn);
        offsetOrAddress(offIn, out);
        out.fd(fdOut);
        offsetOrAddress(offOut, out);
        out.unsigned(len);
        out.uint32(flags);
    }

    /** splice(int fd_in, off64_t *off_in, int fd_out, off64_t *off_out, size_t len, unsigned int flags) */
    private static void splice(long[] args, ArgWriter out) {
        long fdIn = args[0], offIn = args[1], fdOut = args[2], offOut = args[3], len = args[4], flags = args[5];
        out.fd(fdIn);
        offsetOrAddress(offIn, out);
        out.fd(fdOut);
        offsetOrAddress(offOut, out);
        out.unsigned(len);
        out.flags(SPLICE_FLAGS, flags & 0xffff_ffffL);
    }

    /** tee(int fd_in, int fd_out, size_t len, unsigned int flags) */
    private static void tee(long[] args, ArgWriter out) {
        long fdIn = args[0], fdOut = args[1], len = args[2], flags = args[3];
        out.fd(fdIn);
        out.fd(fdOut);
        out.unsigned(len);
        out.flags(SPLICE_FLAGS, flags & 0xffff_ffffL);
    }

    private static void offsetOrAddress(long address, ArgWriter out) {
        if (address == 0 || !offset(address, out)) {
            out.pointer(address);
        }
    }

    /** An off_t behind a pointer, {@code [2]}; false, printing nothing, when it cannot be read. */
    private static boolean offset(long address, ArgWriter out) {
        if (!out.fetch(address, 8)) {
            return false;
        }
        long value = out.fetchedLong(0);
        out.beginArray();
        out.signed(value);
        out.endArray();
        return true;
    }
}
