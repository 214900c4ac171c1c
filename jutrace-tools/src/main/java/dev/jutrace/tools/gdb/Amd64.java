package dev.jutrace.tools.gdb;

import dev.jutrace.sys.Regs;

/**
 * The x86_64 register file as gdb numbers it, and the target description that tells gdb so:
 * the core registers (general, flags, segments, x87), SSE, {@code orig_rax} (without which gdb
 * cannot restart or abort a system call after changing the PC) and {@code fs_base}/{@code gs_base}
 * (thread pointers that Go and Java runtimes need). Values come from two kernel register sets:
 * {@code user_regs_struct} (longs, indexed by {@link Regs}) and the 512-byte FXSAVE area.
 */
final class Amd64 {
    private Amd64() {}

    static final int RIP = 16, RSP = 7, RBP = 6, ORIG_RAX = 57;
    static final int COUNT = 60;

    /** For registers 0..23 and 57..59: where each sits in {@code user_regs_struct}. */
    private static final int[] GPR = {
        Regs.RAX, Regs.RBX, Regs.RCX, Regs.RDX, Regs.RSI, Regs.RDI, Regs.RBP, Regs.RSP,
        Regs.R8, Regs.R9, Regs.R10, Regs.R11, Regs.R12, Regs.R13, Regs.R14, Regs.R15,
        Regs.RIP, Regs.EFLAGS, Regs.CS, Regs.SS, Regs.DS, Regs.ES, Regs.FS, Regs.GS,
    };

    /** FXSAVE offsets of fctrl, fstat, ftag (abridged), fiseg, fioff, foseg, fooff, fop (registers 32..39). */
    private static final int[] FX_CONTROL = {0, 2, 4, 12, 8, 20, 16, 6};

    static int size(int regnum) {
        if (regnum < 16 || regnum == 16) return 8;
        if (regnum < 24) return 4;
        if (regnum < 32) return 10;
        if (regnum < 40) return 4;
        if (regnum < 56) return 16;
        if (regnum == 56) return 4;
        return 8;
    }

    /** Whether the register lives in the FXSAVE area rather than in {@code user_regs_struct}. */
    static boolean isFp(int regnum) {
        return regnum >= 24 && regnum <= 56;
    }

    private static int gprIndex(int regnum) {
        if (regnum < 24) return GPR[regnum];
        return switch (regnum) {
            case 57 -> Regs.ORIG_RAX;
            case 58 -> Regs.FS_BASE;
            case 59 -> Regs.GS_BASE;
            default -> throw new MalformedPacketException("no register " + regnum);
        };
    }

    /** Appends register {@code regnum} in target byte order. */
    static void read(int regnum, long[] gpr, byte[] fx, StringBuilder out) {
        if (!isFp(regnum)) {
            Hex.appendLittleEndian(out, gpr[gprIndex(regnum)], size(regnum));
        } else if (regnum < 32) {
            int at = 32 + 16 * (regnum - 24);
            for (int i = 0; i < 10; i++) Hex.appendByte(out, fx[at + i]);
        } else if (regnum < 40) {
            Hex.appendLittleEndian(out, fpControl(regnum, fx), 4);
        } else if (regnum < 56) {
            int at = 160 + 16 * (regnum - 40);
            for (int i = 0; i < 16; i++) Hex.appendByte(out, fx[at + i]);
        } else {
            Hex.appendLittleEndian(out, le(fx, 24, 4), 4);
        }
    }

    /** Stores register {@code regnum} from {@code hex} at {@code from}. */
    static void write(int regnum, long[] gpr, byte[] fx, CharSequence hex, int from) {
        if (from + 2 * size(regnum) > hex.length()) throw new MalformedPacketException("register value too short");
        if (!isFp(regnum)) {
            long v = Hex.littleEndian(hex, from, size(regnum));
            int i = gprIndex(regnum);
            // eflags and the segment selectors are 32-bit to gdb; keep the kernel's upper half.
            gpr[i] = size(regnum) == 8 ? v : (gpr[i] & 0xffffffff00000000L) | (v & 0xffffffffL);
        } else if (regnum < 32) {
            int at = 32 + 16 * (regnum - 24);
            for (int i = 0; i < 10; i++) fx[at + i] = (byte) Hex.littleEndian(hex, from + 2 * i, 1);
        } else if (regnum < 40) {
            long v = Hex.littleEndian(hex, from, 4);
            int at = FX_CONTROL[regnum - 32];
            if (regnum == 34) {
                // gdb's full tag word (2 bits a register, 3 = empty) becomes FXSAVE's abridged byte.
                int abridged = 0;
                for (int p = 0; p < 8; p++) if (((v >> (2 * p)) & 3) != 3) abridged |= 1 << p;
                fx[4] = (byte) abridged;
            } else {
                int bytes = regnum == 32 || regnum == 33 || regnum == 39 ? 2 : 4;
                for (int i = 0; i < bytes; i++) fx[at + i] = (byte) (v >> (8 * i));
            }
        } else if (regnum < 56) {
            int at = 160 + 16 * (regnum - 40);
            for (int i = 0; i < 16; i++) fx[at + i] = (byte) Hex.littleEndian(hex, from + 2 * i, 1);
        } else {
            long v = Hex.littleEndian(hex, from, 4);
            for (int i = 0; i < 4; i++) fx[24 + i] = (byte) (v >> (8 * i));
        }
    }

    private static long fpControl(int regnum, byte[] fx) {
        return switch (regnum) {
            case 32, 33 -> le(fx, FX_CONTROL[regnum - 32], 2);
            case 34 -> fullTag(fx);
            case 39 -> le(fx, 6, 2) & 0x7ff;
            default -> le(fx, FX_CONTROL[regnum - 32], 4);
        };
    }

    /**
     * FXSAVE keeps one "not empty" bit per physical x87 register; gdb shows the full two-bit tag
     * (valid, zero, special, empty), which follows from the register's value.
     */
    static int fullTag(byte[] fx) {
        int abridged = fx[4] & 0xff;
        int top = (int) (le(fx, 2, 2) >> 11) & 7;
        int tag = 0;
        for (int p = 0; p < 8; p++) {
            int t;
            if ((abridged & (1 << p)) == 0) {
                t = 3;
            } else {
                int at = 32 + 16 * ((p - top) & 7);
                int exponent = (int) le(fx, at + 8, 2) & 0x7fff;
                long fraction = le(fx, at, 8);
                boolean integerBit = (fraction >>> 63) != 0;
                if (exponent == 0x7fff) t = 2;
                else if (exponent == 0) t = fraction == 0 ? 1 : 2;
                else t = integerBit ? 0 : 2;
            }
            tag |= t << (2 * p);
        }
        return tag;
    }

    private static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = v << 8 | (b[off + i] & 0xff);
        return v;
    }

    /** The whole register file in register order, as the {@code g} packet answers. */
    static String all(long[] gpr, byte[] fx) {
        StringBuilder sb = new StringBuilder(1120);
        for (int r = 0; r < COUNT; r++) read(r, gpr, fx, sb);
        return sb.toString();
    }

    /** Bytes of the whole register file, so a {@code G} packet's length can be checked. */
    static int totalBytes() {
        int n = 0;
        for (int r = 0; r < COUNT; r++) n += size(r);
        return n;
    }

    private static final String[] NAMES = {
        "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13", "r14",
        "r15", "rip", "eflags", "cs", "ss", "ds", "es", "fs", "gs",
    };

    /** gdb's description of this register file, served as {@code qXfer:features:read:target.xml}. */
    static final String TARGET_XML = buildTargetXml();

    private static String buildTargetXml() {
        StringBuilder x = new StringBuilder(8192);
        x.append("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target>\n")
                .append("<architecture>i386:x86-64</architecture>\n<osabi>GNU/Linux</osabi>\n")
                .append("<feature name=\"org.gnu.gdb.i386.core\">\n<flags id=\"i386_eflags\" size=\"4\">\n");
        String[][] eflags = {{"CF", "0"}, {"", "1"}, {"PF", "2"}, {"AF", "4"}, {"ZF", "6"}, {"SF", "7"}, {"TF", "8"},
            {"IF", "9"}, {"DF", "10"}, {"OF", "11"}, {"NT", "14"}, {"RF", "16"}, {"VM", "17"}, {"AC", "18"},
            {"VIF", "19"}, {"VIP", "20"}, {"ID", "21"}};
        for (String[] f : eflags) field(x, f[0], f[1]);
        x.append("</flags>\n");
        for (int r = 0; r < 24; r++) {
            String type = r == 6 || r == 7 ? "data_ptr" : r == 16 ? "code_ptr" : r == 17 ? "i386_eflags"
                    : r < 16 ? "int64" : "int32";
            reg(x, NAMES[r], r < 17 ? 64 : 32, type, r, null);
        }
        for (int i = 0; i < 8; i++) reg(x, "st" + i, 80, "i387_ext", 24 + i, null);
        String[] control = {"fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop"};
        for (int i = 0; i < 8; i++) reg(x, control[i], 32, "int", 32 + i, "float");
        x.append("</feature>\n<feature name=\"org.gnu.gdb.i386.sse\">\n")
                .append("<vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>\n")
                .append("<vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>\n")
                .append("<vector id=\"v16i8\" type=\"int8\" count=\"16\"/>\n")
                .append("<vector id=\"v8i16\" type=\"int16\" count=\"8\"/>\n")
                .append("<vector id=\"v4i32\" type=\"int32\" count=\"4\"/>\n")
                .append("<vector id=\"v2i64\" type=\"int64\" count=\"2\"/>\n")
                .append("<union id=\"vec128\">\n<field name=\"v4_float\" type=\"v4f\"/>\n")
                .append("<field name=\"v2_double\" type=\"v2d\"/>\n<field name=\"v16_int8\" type=\"v16i8\"/>\n")
                .append("<field name=\"v8_int16\" type=\"v8i16\"/>\n<field name=\"v4_int32\" type=\"v4i32\"/>\n")
                .append("<field name=\"v2_int64\" type=\"v2i64\"/>\n<field name=\"uint128\" type=\"uint128\"/>\n")
                .append("</union>\n<flags id=\"i386_mxcsr\" size=\"4\">\n");
        String[] mxcsr = {"IE", "DE", "ZE", "OE", "UE", "PE", "DAZ", "IM", "DM", "ZM", "OM", "UM", "PM"};
        for (int i = 0; i < mxcsr.length; i++) field(x, mxcsr[i], String.valueOf(i));
        field(x, "FZ", "15");
        x.append("</flags>\n");
        for (int i = 0; i < 16; i++) reg(x, "xmm" + i, 128, "vec128", 40 + i, null);
        reg(x, "mxcsr", 32, "i386_mxcsr", 56, "vector");
        x.append("</feature>\n<feature name=\"org.gnu.gdb.i386.linux\">\n");
        reg(x, "orig_rax", 64, "int", 57, null);
        x.append("</feature>\n<feature name=\"org.gnu.gdb.i386.segments\">\n");
        // In the general group, so that info registers shows them as it does natively.
        reg(x, "fs_base", 64, "int", 58, "general");
        reg(x, "gs_base", 64, "int", 59, "general");
        x.append("</feature>\n</target>\n");
        return x.toString();
    }

    private static void field(StringBuilder x, String name, String bit) {
        x.append("<field name=\"").append(name).append("\" start=\"").append(bit).append("\" end=\"").append(bit)
                .append("\" type=\"bool\"/>\n");
    }

    private static void reg(StringBuilder x, String name, int bits, String type, int regnum, String group) {
        x.append("<reg name=\"").append(name).append("\" bitsize=\"").append(bits).append("\" type=\"").append(type)
                .append("\" regnum=\"").append(regnum).append('"');
        if (group != null) x.append(" group=\"").append(group).append('"');
        x.append("/>\n");
    }
}
