package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * ioctl(2), generically. Terminal and file commands print by name with their argument decoded
 * (an int in or out, struct winsize, struct termios); any other command prints as the
 * {@code _IOC(dir, type, nr, size)} that encodes it, with its argument in hex. It never fails.
 */
final class Ioctl {

    private static final Xlat COMMANDS = Xlat.load("ioctl_tty");
    private static final Xlat DIRS = Xlat.load("ioc_dirs");
    private static final Xlat FLUSH_QUEUES = Xlat.load("tcflsh_queues");
    private static final Xlat FLOW_ACTIONS = Xlat.load("tcxonc_actions");

    private static final long TCGETS = cmd("TCGETS"), TCSETS = cmd("TCSETS"), TCSETSW = cmd("TCSETSW"),
            TCSETSF = cmd("TCSETSF"), TCSBRK = cmd("TCSBRK"), TCSBRKP = cmd("TCSBRKP"), TCXONC = cmd("TCXONC"),
            TCFLSH = cmd("TCFLSH"), TIOCSCTTY = cmd("TIOCSCTTY"), TIOCGPGRP = cmd("TIOCGPGRP"), TIOCSPGRP = cmd("TIOCSPGRP"),
            TIOCOUTQ = cmd("TIOCOUTQ"), TIOCGWINSZ = cmd("TIOCGWINSZ"), TIOCSWINSZ = cmd("TIOCSWINSZ"),
            TIOCMGET = cmd("TIOCMGET"), TIOCMBIS = cmd("TIOCMBIS"), TIOCMBIC = cmd("TIOCMBIC"), TIOCMSET = cmd("TIOCMSET"),
            FIONREAD = cmd("FIONREAD"), FIONBIO = cmd("FIONBIO"), TIOCSETD = cmd("TIOCSETD"), TIOCGETD = cmd("TIOCGETD"),
            TIOCGSID = cmd("TIOCGSID"), FIOASYNC = cmd("FIOASYNC"), FIONCLEX = cmd("FIONCLEX"), FIOCLEX = cmd("FIOCLEX"),
            TIOCNOTTY = cmd("TIOCNOTTY"), TIOCEXCL = cmd("TIOCEXCL"), TIOCNXCL = cmd("TIOCNXCL"), TIOCCONS = cmd("TIOCCONS"),
            TIOCSBRK = cmd("TIOCSBRK"), TIOCCBRK = cmd("TIOCCBRK"), TIOCVHANGUP = cmd("TIOCVHANGUP");

    /**
     * The OSS sequencer's timer commands (linux/soundcard.h's SNDCTL_TMR_START and the next two)
     * share their numbers with TCSETS, TCSETSW and TCSETSF, and strace names both.
     */
    private static final String TCSETS_NAME = "SNDCTL_TMR_START or TCSETS", TCSETSW_NAME = "SNDCTL_TMR_STOP or TCSETSW",
            TCSETSF_NAME = "SNDCTL_TMR_CONTINUE or TCSETSF";

    /** asm-generic/ioctl.h's layout of a command: nr in bits 0..7, type 8..15, size 16..29, dir 30..31. */
    private static final int TYPE_SHIFT = 8, SIZE_SHIFT = 16, DIR_SHIFT = 30;
    /** struct winsize: four unsigned shorts. */
    private static final int WINSIZE_SIZE = 8;

    private Ioctl() {}

    private static long cmd(String name) {
        return COMMANDS.value(name);
    }

    static void register(Registrar r) {
        r.add("ioctl", Decoder.split(Ioctl::entry, Ioctl::exit));
    }

    /** Commands whose argument the kernel fills. */
    private static boolean filledAtExit(long request) {
        return request == TCGETS || request == TIOCGWINSZ || request == FIONREAD || request == TIOCOUTQ
                || request == TIOCGPGRP || request == TIOCGSID || request == TIOCGETD || request == TIOCMGET;
    }

    private static boolean takesNothing(long request) {
        return request == FIOCLEX || request == FIONCLEX || request == TIOCNOTTY || request == TIOCEXCL || request == TIOCNXCL
                || request == TIOCCONS || request == TIOCSBRK || request == TIOCCBRK || request == TIOCVHANGUP;
    }

    private static boolean takesIntPointer(long request) {
        return request == TIOCSPGRP || request == FIONBIO || request == FIOASYNC || request == TIOCSETD || request == TIOCMSET
                || request == TIOCMBIS || request == TIOCMBIC;
    }

    /** ioctl(int fd, unsigned long request, ...): the kernel takes the request as an unsigned int. */
    private static void entry(long[] args, ArgWriter out) {
        long fd = args[0], request = args[1] & 0xffff_ffffL, arg = args[2];
        out.fd(fd);
        command(request, out);
        if (filledAtExit(request)) {
            return;
        }
        out.completeAtEntry();
        if (takesNothing(request)) {
            return;
        }
        if (takesIntPointer(request)) {
            intPointer(arg, out);
        } else if (request == TIOCSWINSZ) {
            winsize(arg, out);
        } else if (request == TCSETS || request == TCSETSW || request == TCSETSF) {
            Termios.termios(arg, out);
        } else if (request == TCFLSH) {
            out.value(FLUSH_QUEUES, arg & 0xffff_ffffL);
        } else if (request == TCXONC) {
            out.value(FLOW_ACTIONS, arg & 0xffff_ffffL);
        } else if (request == TCSBRK || request == TCSBRKP || request == TIOCSCTTY) {
            out.int32(arg);
        } else {
            out.hex(arg);
        }
    }

    private static void exit(long[] args, long ret, ArgWriter out) {
        long request = args[1] & 0xffff_ffffL, arg = args[2];
        if (!filledAtExit(request)) {
            return;
        }
        if (Errno.isError(ret)) {
            out.pointer(arg);
        } else if (request == TCGETS) {
            Termios.termios(arg, out);
        } else if (request == TIOCGWINSZ) {
            winsize(arg, out);
        } else {
            intPointer(arg, out);
        }
    }

    private static void command(long request, ArgWriter out) {
        if (request == TCSETS) {
            out.symbol(TCSETS_NAME);
        } else if (request == TCSETSW) {
            out.symbol(TCSETSW_NAME);
        } else if (request == TCSETSF) {
            out.symbol(TCSETSF_NAME);
        } else if (COMMANDS.name(request) != null) {
            out.value(COMMANDS, request);
        } else {
            // Unknown commands print as the macro call that builds them.
            out.beginCall("_IOC");
            out.beginFlags();
            long dir = request >>> DIR_SHIFT;
            if (dir == 0) {
                out.flagValue(DIRS, 0);
            } else {
                out.flagBits(DIRS, dir);
            }
            out.endFlags(DIRS);
            out.hex((request >>> TYPE_SHIFT) & 0xff);
            out.hex(request & 0xff);
            out.hex((request >>> SIZE_SHIFT) & 0x3fff);
            out.endCall();
        }
    }

    private static void intPointer(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, 4)) {
            out.pointer(address);
            return;
        }
        int value = out.fetchedInt32(0);
        out.beginArray();
        out.int32(value);
        out.endArray();
    }

    private static void winsize(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, WINSIZE_SIZE)) {
            out.pointer(address);
            return;
        }
        int row = out.fetchedUint16(0), col = out.fetchedUint16(2), xpixel = out.fetchedUint16(4), ypixel = out.fetchedUint16(6);
        out.beginStruct();
        out.field("ws_row");
        out.int32(row);
        out.field("ws_col");
        out.int32(col);
        out.field("ws_xpixel");
        out.int32(xpixel);
        out.field("ws_ypixel");
        out.int32(ypixel);
        out.endStruct();
    }
}
