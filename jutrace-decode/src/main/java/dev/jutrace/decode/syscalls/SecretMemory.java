package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** memfd_secret(2) and userfaultfd(2): descriptors for memory the process keeps to itself or handles itself. */
final class SecretMemory {

    private static final Xlat SECRET_FLAGS = Xlat.load("memfd_secret_flags");
    private static final Xlat UFFD_FLAGS = Xlat.load("userfaultfd_flags");

    private SecretMemory() {}

    static void register(Registrar r) {
        r.add("memfd_secret", Decoder.atEntry(SecretMemory::memfdSecret));
        r.add("userfaultfd", Decoder.atEntry(SecretMemory::userfaultfd));
    }

    /** memfd_secret(unsigned int flags): strace 6.1 puts no comment after bits it cannot name here. */
    private static void memfdSecret(long[] args, ArgWriter out) {
        long flags = args[0] & 0xffff_ffffL;
        out.beginFlags();
        out.flagBitsPlain(SECRET_FLAGS, flags);
        out.endFlags(SECRET_FLAGS);
    }

    /** userfaultfd(int flags) */
    private static void userfaultfd(long[] args, ArgWriter out) {
        long flags = args[0];
        out.flags(UFFD_FLAGS, flags & 0xffff_ffffL);
    }
}
