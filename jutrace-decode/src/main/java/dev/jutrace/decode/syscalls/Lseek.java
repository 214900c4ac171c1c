package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** lseek(2). */
final class Lseek {

    private static final Xlat WHENCE = Xlat.load("seek_whence");

    private Lseek() {}

    static void register(Registrar r) {
        r.add("lseek", Decoder.atEntry(Lseek::lseek));
    }

    /** lseek(int fd, off_t offset, int whence); the kernel takes whence as unsigned int. */
    private static void lseek(long[] args, ArgWriter out) {
        long fd = args[0], offset = args[1], whence = args[2];
        out.fd(fd);
        out.signed(offset);
        out.value(WHENCE, whence & 0xffff_ffffL);
    }
}
