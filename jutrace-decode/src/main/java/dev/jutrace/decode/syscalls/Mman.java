package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.text.ReturnStyle;
import dev.jutrace.decode.xlat.Xlat;

/** mmap(2), mprotect(2), munmap(2), brk(2): the calls that map memory and return addresses. */
final class Mman {

    private static final Xlat PROT = Xlat.load("mmap_prot");
    private static final Xlat TYPE = Xlat.load("mmap_type");
    private static final Xlat FLAGS = Xlat.load("mmap_flags");
    /** MAP_TYPE, asm-generic/mman-common.h: the low bits hold the mapping type, a value. */
    private static final int MAP_TYPE = 0x0f;
    /** MAP_HUGE_SHIFT and MAP_HUGE_MASK, linux/mman.h: log2 of the huge page size sits in bits 26..31. */
    private static final int MAP_HUGE_SHIFT = 26;
    private static final int MAP_HUGE_MASK = 0x3f;

    private Mman() {}

    static void register(Registrar r) {
        r.add("mmap", Decoder.atEntry(ReturnStyle.HEX, Mman::mmap));
        r.add("mprotect", Decoder.atEntry(Mman::mprotect));
        r.add("munmap", Decoder.atEntry(Mman::munmap));
        r.add("brk", Decoder.atEntry(ReturnStyle.HEX, Mman::brk));
    }

    /** mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset) */
    private static void mmap(long[] args, ArgWriter out) {
        long addr = args[0], length = args[1], prot = args[2], flags = args[3], fd = args[4], offset = args[5];
        out.pointer(addr);
        out.unsigned(length);
        prot(prot, out);
        mapFlags((int) flags, out);
        out.fd(fd);
        out.hex(offset);
    }

    /** mprotect(void *addr, size_t len, int prot) */
    private static void mprotect(long[] args, ArgWriter out) {
        long addr = args[0], len = args[1], prot = args[2];
        out.pointer(addr);
        out.unsigned(len);
        prot(prot, out);
    }

    /** munmap(void *addr, size_t length) */
    private static void munmap(long[] args, ArgWriter out) {
        long addr = args[0], length = args[1];
        out.pointer(addr);
        out.unsigned(length);
    }

    /** brk(void *addr); the raw syscall returns the new break, not 0. */
    private static void brk(long[] args, ArgWriter out) {
        long addr = args[0];
        out.pointer(addr);
    }

    /** prot is an int: the bits above 31 are not the caller's. */
    private static void prot(long prot, ArgWriter out) {
        out.flags(PROT, prot & 0xffff_ffffL);
    }

    private static void mapFlags(int flags, ArgWriter out) {
        out.beginFlags(Integer.toUnsignedLong(flags));
        out.flagValue(TYPE, flags & MAP_TYPE);
        out.flagBits(FLAGS, Integer.toUnsignedLong(flags & ~MAP_TYPE & ~(MAP_HUGE_MASK << MAP_HUGE_SHIFT)));
        out.flagShifted((flags >>> MAP_HUGE_SHIFT) & MAP_HUGE_MASK, "MAP_HUGE_SHIFT");
        out.endFlags(FLAGS);
    }
}
