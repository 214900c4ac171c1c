package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** pipe(2), pipe2(2): the two descriptors are the kernel's to fill, so everything prints at exit. */
final class Pipe {

    private static final Xlat FLAGS = Xlat.load("open_flags");

    private Pipe() {}

    static void register(Registrar r) {
        r.add("pipe", Decoder.split((args, out) -> {}, Pipe::pipe));
        r.add("pipe2", Decoder.split((args, out) -> {}, Pipe::pipe2));
    }

    /** pipe(int pipefd[2]) */
    private static void pipe(long[] args, long ret, ArgWriter out) {
        long pipefd = args[0];
        descriptors(pipefd, ret, out);
    }

    /** pipe2(int pipefd[2], int flags) */
    private static void pipe2(long[] args, long ret, ArgWriter out) {
        long pipefd = args[0], flags = args[1];
        descriptors(pipefd, ret, out);
        out.flags(FLAGS, flags & 0xffff_ffffL);
    }

    private static void descriptors(long pipefd, long ret, ArgWriter out) {
        if (Errno.isError(ret) || pipefd == 0 || !out.fetch(pipefd, 8)) {
            out.pointer(pipefd);
            return;
        }
        int read = out.fetchedInt32(0), write = out.fetchedInt32(4);
        out.beginArray();
        out.fd(read);
        out.fd(write);
        out.endArray();
    }
}
