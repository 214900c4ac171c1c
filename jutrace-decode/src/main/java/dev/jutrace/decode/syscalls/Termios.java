package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * struct termios, as ioctl(2)'s TCGETS and TCSETS carry it, abbreviated as strace prints it by
 * default: the four flag words, then {@code ...} for the line discipline and control characters.
 * Flag words pack value fields (the delays, the speed, the character size) before their bits.
 */
final class Termios {

    private static final Xlat IFLAGS = Xlat.load("termios_iflags");
    private static final Xlat OFLAGS = Xlat.load("termios_oflags");
    private static final Xlat NLDLY = Xlat.load("termios_nldly");
    private static final Xlat CRDLY = Xlat.load("termios_crdly");
    private static final Xlat TABDLY = Xlat.load("termios_tabdly");
    private static final Xlat BSDLY = Xlat.load("termios_bsdly");
    private static final Xlat VTDLY = Xlat.load("termios_vtdly");
    private static final Xlat FFDLY = Xlat.load("termios_ffdly");
    private static final Xlat BAUD = Xlat.load("termios_baud");
    private static final Xlat CSIZE = Xlat.load("termios_csize");
    private static final Xlat CFLAGS = Xlat.load("termios_cflags");
    private static final Xlat LFLAGS = Xlat.load("termios_lflags");

    /** The masks of the fields, asm-generic/termbits.h's NLDLY, CRDLY, TABDLY, BSDLY, VTDLY, FFDLY, CBAUD, CSIZE. */
    private static final long NL_MASK = 0x00100, CR_MASK = 0x00600, TAB_MASK = 0x01800, BS_MASK = 0x02000,
            VT_MASK = 0x04000, FF_MASK = 0x08000, BAUD_MASK = 0x0000100f, CSIZE_MASK = 0x00000030;
    /** CIBAUD, the input speed, is CBAUD shifted by IBSHIFT; 0 means the output speed. */
    private static final int IBSHIFT = 16;
    private static final long OFIELDS = NL_MASK | CR_MASK | TAB_MASK | BS_MASK | VT_MASK | FF_MASK;
    /** The kernel's struct termios: four tcflag_t, the line discipline, 19 control characters. */
    private static final int SIZE = 36;

    private Termios() {}

    static void termios(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, SIZE)) {
            out.pointer(address);
            return;
        }
        long iflag = out.fetchedUint32(0), oflag = out.fetchedUint32(4), cflag = out.fetchedUint32(8), lflag = out.fetchedUint32(12);
        out.beginStruct();
        out.field("c_iflag");
        out.beginFlags();
        out.flagBits(IFLAGS, iflag);
        out.field("c_oflag");
        out.beginFlags();
        out.flagField(NLDLY, oflag & NL_MASK);
        out.flagField(CRDLY, oflag & CR_MASK);
        out.flagField(TABDLY, oflag & TAB_MASK);
        out.flagField(BSDLY, oflag & BS_MASK);
        out.flagField(VTDLY, oflag & VT_MASK);
        out.flagField(FFDLY, oflag & FF_MASK);
        out.flagBits(OFLAGS, oflag & ~OFIELDS);
        out.field("c_cflag");
        out.beginFlags();
        out.flagField(BAUD, cflag & BAUD_MASK);
        long inputSpeed = (cflag >>> IBSHIFT) & BAUD_MASK;
        if (inputSpeed != 0) {
            out.flagField(BAUD, inputSpeed, "IBSHIFT");
        }
        out.flagField(CSIZE, cflag & CSIZE_MASK);
        out.flagBits(CFLAGS, cflag & ~(BAUD_MASK | CSIZE_MASK | (BAUD_MASK << IBSHIFT)));
        out.field("c_lflag");
        out.beginFlags();
        out.flagBits(LFLAGS, lflag);
        out.ellipsis();
        out.endStruct();
    }
}
