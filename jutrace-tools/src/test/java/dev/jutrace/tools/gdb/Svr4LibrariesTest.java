package dev.jutrace.tools.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The dynamic linker's list, read from a fake address space laid out as ld.so leaves it. */
class Svr4LibrariesTest {

    /** Sparse memory: writes land in a map of byte values; unwritten bytes do not read. */
    private static final class FakeMemory implements Svr4Libraries.Memory {
        final TreeMap<Long, Byte> bytes = new TreeMap<>();

        void put(long address, byte[] data) {
            for (int i = 0; i < data.length; i++) bytes.put(address + i, data[i]);
        }

        void word(long address, long value) {
            put(address, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
        }

        void string(long address, String s) {
            put(address, (s + "\0").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int read(long address, byte[] buffer, int offset, int length) {
            int n = 0;
            while (n < length && bytes.containsKey(address + n)) {
                buffer[offset + n] = bytes.get(address + n);
                n++;
            }
            return n == 0 ? -1 : n;
        }
    }

    private static byte[] auxv(long... pairs) {
        ByteBuffer b = ByteBuffer.allocate(pairs.length * 8 + 16).order(ByteOrder.LITTLE_ENDIAN);
        for (long p : pairs) b.putLong(p);
        b.putLong(0).putLong(0);
        return b.array();
    }

    private static void phdr(FakeMemory m, long at, int type, long vaddr) {
        m.put(at, ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(0).putLong(0)
                .putLong(vaddr).array());
    }

    @Test
    void walksPhdrDynamicRDebugAndTheLinkMap() {
        FakeMemory m = new FakeMemory();
        long bias = 0x555500000000L;
        phdr(m, bias + 0x40, 6, 0x40); // PT_PHDR
        phdr(m, bias + 0x40 + 56, 2, 0x3000); // PT_DYNAMIC
        m.word(bias + 0x3000, 1); // DT_NEEDED
        m.word(bias + 0x3008, 1);
        m.word(bias + 0x3010, 21); // DT_DEBUG
        m.word(bias + 0x3018, 0x7000);
        m.word(0x7008, 0x8000); // r_debug.r_map
        long[] maps = {0x8000, 0x8100, 0x8200, 0x8300};
        long[] addrs = {0, 0x7fff0000L, 0x7f0000000000L, 0x7f1000000000L};
        String[] names = {"", "linux-vdso.so.1", "/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2"};
        for (int i = 0; i < maps.length; i++) {
            m.word(maps[i], addrs[i]);
            m.word(maps[i] + 8, 0x9000 + 0x100 * i);
            m.string(0x9000 + 0x100 * i, names[i]);
            m.word(maps[i] + 16, 0xa000 + i);
            m.word(maps[i] + 24, i + 1 < maps.length ? maps[i + 1] : 0);
        }
        String xml = Svr4Libraries.xml(auxv(3, bias + 0x40, 5, 2, 33, 0x7fff0000L), m);
        assertThat(xml).isEqualTo("<library-list-svr4 version=\"1.0\" main-lm=\"0x8000\">"
                + "<library name=\"/lib/x86_64-linux-gnu/libc.so.6\" lm=\"0x8200\" l_addr=\"0x7f0000000000\" l_ld=\"0xa002\" lmid=\"0x0\"/>"
                + "<library name=\"/lib64/ld-linux-x86-64.so.2\" lm=\"0x8300\" l_addr=\"0x7f1000000000\" l_ld=\"0xa003\" lmid=\"0x0\"/>"
                + "</library-list-svr4>");
    }

    @Test
    void beforeTheDynamicLinkerRanTheListIsEmpty() {
        FakeMemory m = new FakeMemory();
        phdr(m, 0x1040, 6, 0x40);
        phdr(m, 0x1040 + 56, 2, 0x3000);
        m.word(0x4000, 21);
        m.word(0x4008, 0); // DT_DEBUG not filled yet
        assertThat(Svr4Libraries.xml(auxv(3, 0x1040, 5, 2), m)).isEqualTo("<library-list-svr4 version=\"1.0\"/>");
        assertThat(Svr4Libraries.xml(new byte[0], m)).isEqualTo("<library-list-svr4 version=\"1.0\"/>");
    }
}
