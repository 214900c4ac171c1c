package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.text.ReturnStyle;
import dev.jutrace.decode.xlat.Xlat;

/**
 * madvise(2), msync(2), mremap(2), mincore(2). mincore's vector, one byte a page, is the
 * kernel's to fill and prints at exit, as many pages as -s allows.
 */
final class Madvise {

    private static final Xlat ADVICE = Xlat.load("madvise_advice");
    private static final Xlat MSYNC = Xlat.load("msync_flags");
    private static final Xlat MREMAP = Xlat.load("mremap_flags");
    private static final long MREMAP_FIXED = MREMAP.value("MREMAP_FIXED");
    private static final long PAGE_SIZE = 4096;

    private Madvise() {}

    static void register(Registrar r) {
        r.add("madvise", Decoder.atEntry(Madvise::madvise));
        r.add("msync", Decoder.atEntry(Madvise::msync));
        r.add("mremap", Decoder.atEntry(ReturnStyle.HEX, Madvise::mremap));
        r.add("mincore", Decoder.split(Madvise::mincoreEntry, Madvise::mincoreExit));
    }

    /** madvise(void *addr, size_t length, int advice) */
    private static void madvise(long[] args, ArgWriter out) {
        long addr = args[0], length = args[1], advice = args[2];
        out.pointer(addr);
        out.unsigned(length);
        out.value(ADVICE, advice & 0xffff_ffffL);
    }

    /** msync(void *addr, size_t length, int flags) */
    private static void msync(long[] args, ArgWriter out) {
        long addr = args[0], length = args[1], flags = args[2];
        out.pointer(addr);
        out.unsigned(length);
        out.flags(MSYNC, flags & 0xffff_ffffL);
    }

    /** mremap(void *old_address, size_t old_size, size_t new_size, int flags, void *new_address): the last only with MREMAP_FIXED. */
    private static void mremap(long[] args, ArgWriter out) {
        long oldAddress = args[0], oldSize = args[1], newSize = args[2], flags = args[3] & 0xffff_ffffL, newAddress = args[4];
        out.pointer(oldAddress);
        out.unsigned(oldSize);
        out.unsigned(newSize);
        out.flags(MREMAP, flags);
        if ((flags & MREMAP_FIXED) != 0) {
            out.pointer(newAddress);
        }
    }

    private static void mincoreEntry(long[] args, ArgWriter out) {
        long addr = args[0], length = args[1];
        out.pointer(addr);
        out.unsigned(length);
    }

    /** mincore(void *addr, size_t length, unsigned char *vec), after the length: the residency bit of each page. */
    private static void mincoreExit(long[] args, long ret, ArgWriter out) {
        long length = args[1], vec = args[2];
        long pages = Long.divideUnsigned(length + PAGE_SIZE - 1, PAGE_SIZE);
        int limit = out.options().stringLimit();
        int shown = (int) Math.min(pages, limit);
        if (Errno.isError(ret) || vec == 0 || !out.fetch(vec, shown)) {
            out.pointer(vec);
            return;
        }
        out.beginArray();
        for (int i = 0; i < shown; i++) {
            out.int32(out.fetchedByte(i) & 1);
        }
        if (pages > shown) {
            out.ellipsis();
        }
        out.endArray();
    }
}
