package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** lseek(2), and fadvise64(2), the other call about how a file will be walked. */
final class Lseek {

    private static final Xlat WHENCE = Xlat.load("seek_whence");
    private static final Xlat ADVICE = Xlat.load("fadvise_advice");

    private Lseek() {}

    static void register(Registrar r) {
        r.add("lseek", Decoder.atEntry(Lseek::lseek));
        r.add("fadvise64", Decoder.atEntry(Lseek::fadvise64));
    }

    /** lseek(int fd, off_t offset, int whence); the kernel takes whence as unsigned int. */
    private static void lseek(long[] args, ArgWriter out) {
        long fd = args[0], offset = args[1], whence = args[2];
        out.fd(fd);
        out.signed(offset);
        out.value(WHENCE, whence & 0xffff_ffffL);
    }

    /** fadvise64(int fd, loff_t offset, size_t len, int advice) */
    private static void fadvise64(long[] args, ArgWriter out) {
        long fd = args[0], offset = args[1], len = args[2], advice = args[3];
        out.fd(fd);
        out.signed(offset);
        out.signed(len);
        out.value(ADVICE, advice & 0xffff_ffffL);
    }
}
