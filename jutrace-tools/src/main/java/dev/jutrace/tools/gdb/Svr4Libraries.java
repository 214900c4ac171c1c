package dev.jutrace.tools.gdb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code qXfer:libraries-svr4} object: the dynamic linker's list of loaded objects, read from
 * the tracee the way the dynamic linker publishes it for debuggers. auxv's AT_PHDR locates the
 * program headers; PT_PHDR gives the load bias and PT_DYNAMIC the dynamic section, whose
 * DT_DEBUG entry points at {@code struct r_debug}; its {@code r_map} heads the
 * {@code struct link_map} chain ({@code l_addr, l_name, l_ld, l_next}). Before the dynamic
 * linker has filled DT_DEBUG the list is empty, and gdb asks again at the next stop.
 */
final class Svr4Libraries {
    private Svr4Libraries() {}

    /** Reads tracee memory: the bytes read, or -1. */
    interface Memory {
        int read(long address, byte[] buffer, int offset, int length);
    }

    private static final int AT_PHDR = 3, AT_PHNUM = 5, AT_SYSINFO_EHDR = 33;
    private static final int PT_DYNAMIC = 2, PT_PHDR = 6;
    private static final long DT_NULL = 0, DT_DEBUG = 21;
    private static final int MAX_OBJECTS = 4096;

    static String xml(byte[] auxv, Memory memory) {
        long phdr = 0;
        long phnum = 0;
        long vdso = -1;
        for (int i = 0; i + 16 <= auxv.length; i += 16) {
            long type = le(auxv, i);
            if (type == AT_PHDR) phdr = le(auxv, i + 8);
            if (type == AT_PHNUM) phnum = le(auxv, i + 8);
            if (type == AT_SYSINFO_EHDR) vdso = le(auxv, i + 8);
        }
        long rDebug = phdr == 0 ? 0 : rDebug(phdr, (int) Math.min(phnum, 256), memory);
        StringBuilder x = new StringBuilder("<library-list-svr4 version=\"1.0\"");
        long lm = rDebug == 0 ? 0 : word(memory, rDebug + 8);
        if (lm == 0) return x.append("/>").toString();
        x.append(" main-lm=\"0x").append(Long.toHexString(lm)).append("\">");
        boolean first = true;
        for (int n = 0; lm != 0 && n < MAX_OBJECTS; n++) {
            long addr = word(memory, lm);
            long name = word(memory, lm + 8);
            long ld = word(memory, lm + 16);
            String path = name == 0 ? "" : string(memory, name);
            // The first entry is the program itself, which gdb knows already; the vDSO (loaded
            // at AT_SYSINFO_EHDR) has no file, and native gdb leaves it out too.
            if (!first && !path.isEmpty() && addr != vdso) {
                x.append("<library name=\"").append(Session.xmlEscape(path)).append("\" lm=\"0x")
                        .append(Long.toHexString(lm)).append("\" l_addr=\"0x").append(Long.toHexString(addr))
                        .append("\" l_ld=\"0x").append(Long.toHexString(ld)).append("\" lmid=\"0x0\"/>");
            }
            first = false;
            lm = word(memory, lm + 24);
        }
        return x.append("</library-list-svr4>").toString();
    }

    /** The address of {@code struct r_debug} from DT_DEBUG, or 0. */
    private static long rDebug(long phdr, int phnum, Memory memory) {
        byte[] headers = new byte[phnum * 56];
        if (memory.read(phdr, headers, 0, headers.length) != headers.length) return 0;
        long bias = 0;
        long dynamic = 0;
        for (int i = 0; i < phnum; i++) {
            int type = (int) le(headers, i * 56);
            long vaddr = le(headers, i * 56 + 16);
            if (type == PT_PHDR) bias = phdr - vaddr;
            if (type == PT_DYNAMIC) dynamic = vaddr;
        }
        if (dynamic == 0) return 0;
        long at = dynamic + bias;
        byte[] entry = new byte[16];
        for (int n = 0; n < 1024; n++, at += 16) {
            if (memory.read(at, entry, 0, 16) != 16) return 0;
            long tag = le(entry, 0);
            if (tag == DT_NULL) return 0;
            if (tag == DT_DEBUG) return le(entry, 8);
        }
        return 0;
    }

    private static long word(Memory memory, long address) {
        byte[] b = new byte[8];
        return memory.read(address, b, 0, 8) == 8 ? le(b, 0) : 0;
    }

    private static String string(Memory memory, long address) {
        byte[] b = new byte[4096];
        int n = memory.read(address, b, 0, b.length);
        if (n <= 0) return "";
        int end = 0;
        while (end < n && b[end] != 0) end++;
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    private static long le(byte[] b, int off) {
        return ByteBuffer.wrap(b, off, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
