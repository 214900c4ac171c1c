package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * fcntl(2). The command decides what the third argument is, and whether it prints at all. Only
 * F_GETLK, F_OFD_GETLK and F_GETOWN_EX read a struct back, so only they wait for the exit; the
 * F_GET* commands that return flags, a signal or a lease type get strace's note after the value.
 */
final class Fcntl {

    private static final Xlat CMDS = Xlat.load("fcntl_cmds");
    private static final Xlat FD_FLAGS = Xlat.load("fd_flags");
    private static final Xlat LOCK_TYPES = Xlat.load("lock_types");
    private static final Xlat WHENCE = Xlat.load("seek_whence");
    private static final Xlat NOTIFY = Xlat.load("dnotify_flags");
    private static final Xlat SEALS = Xlat.load("seals");
    private static final Xlat OWNER_TYPES = Xlat.load("f_owner_types");

    private static final int F_DUPFD = cmd("F_DUPFD"), F_GETFD = cmd("F_GETFD"), F_SETFD = cmd("F_SETFD"),
            F_GETFL = cmd("F_GETFL"), F_SETFL = cmd("F_SETFL"), F_GETLK = cmd("F_GETLK"), F_SETLK = cmd("F_SETLK"),
            F_SETLKW = cmd("F_SETLKW"), F_SETOWN = cmd("F_SETOWN"), F_GETOWN = cmd("F_GETOWN"),
            F_SETSIG = cmd("F_SETSIG"), F_GETSIG = cmd("F_GETSIG"), F_SETOWN_EX = cmd("F_SETOWN_EX"),
            F_GETOWN_EX = cmd("F_GETOWN_EX"), F_OFD_GETLK = cmd("F_OFD_GETLK"), F_OFD_SETLK = cmd("F_OFD_SETLK"),
            F_OFD_SETLKW = cmd("F_OFD_SETLKW"), F_SETLEASE = cmd("F_SETLEASE"), F_GETLEASE = cmd("F_GETLEASE"),
            F_NOTIFY = cmd("F_NOTIFY"), F_DUPFD_CLOEXEC = cmd("F_DUPFD_CLOEXEC"), F_SETPIPE_SZ = cmd("F_SETPIPE_SZ"),
            F_GETPIPE_SZ = cmd("F_GETPIPE_SZ"), F_ADD_SEALS = cmd("F_ADD_SEALS"), F_GET_SEALS = cmd("F_GET_SEALS");

    /** x86_64 struct flock: l_type and l_whence (shorts), l_start and l_len (longs), l_pid (int). */
    private static final int FLOCK_SIZE = 32;
    /** struct f_owner_ex: type and pid, two ints. */
    private static final int OWNER_EX_SIZE = 8;

    private Fcntl() {}

    private static int cmd(String name) {
        return (int) CMDS.value(name);
    }

    static void register(Registrar r) {
        r.add("fcntl", Decoder.annotated(Fcntl::entry, Fcntl::exit, Fcntl::annotation).printingValue(Fcntl::value));
    }

    private static boolean readsBack(int cmd) {
        return cmd == F_GETLK || cmd == F_OFD_GETLK || cmd == F_GETOWN_EX;
    }

    /** fcntl(int fd, int cmd, ... arg) */
    private static void entry(long[] args, ArgWriter out) {
        long fd = args[0], arg = args[2];
        int cmd = (int) args[1];
        out.fd(fd);
        out.value(CMDS, cmd & 0xffff_ffffL);
        if (readsBack(cmd)) {
            return;
        }
        out.completeAtEntry();
        if (cmd == F_GETFD || cmd == F_GETFL || cmd == F_GETOWN || cmd == F_GETSIG || cmd == F_GETLEASE
                || cmd == F_GETPIPE_SZ || cmd == F_GET_SEALS) {
            return;
        }
        if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
            out.fd(arg);
        } else if (cmd == F_SETFD) {
            out.flags(FD_FLAGS, arg & 0xffff_ffffL);
        } else if (cmd == F_SETFL) {
            Open.printFlags((int) arg, out);
        } else if (cmd == F_SETLK || cmd == F_SETLKW || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW) {
            flock(arg, false, out);
        } else if (cmd == F_SETOWN || cmd == F_SETPIPE_SZ) {
            out.int32(arg);
        } else if (cmd == F_SETSIG) {
            out.signal((int) arg);
        } else if (cmd == F_SETLEASE) {
            out.value(LOCK_TYPES, arg & 0xffff_ffffL);
        } else if (cmd == F_NOTIFY) {
            out.flags(NOTIFY, arg & 0xffff_ffffL);
        } else if (cmd == F_ADD_SEALS) {
            out.flags(SEALS, arg & 0xffff_ffffL);
        } else if (cmd == F_SETOWN_EX) {
            ownerEx(arg, out);
        } else {
            out.hex(arg);
        }
    }

    private static void exit(long[] args, long ret, ArgWriter out) {
        long arg = args[2];
        int cmd = (int) args[1];
        if (!readsBack(cmd)) {
            return;
        }
        if (Errno.isError(ret)) {
            out.pointer(arg);
        } else if (cmd == F_GETOWN_EX) {
            ownerEx(arg, out);
        } else {
            flock(arg, true, out);
        }
    }

    /** The commands whose result strace explains: they return flags, a signal or a lock type. */
    private static boolean explained(int cmd, long ret) {
        return cmd == F_GETFL || cmd == F_GETLEASE || (ret != 0 && (cmd == F_GETFD || cmd == F_GET_SEALS || cmd == F_GETSIG));
    }

    /** Flags and lock types print in hex, as strace prints a value it explains as bits; the rest in decimal. */
    private static void value(long[] args, long ret, ArgWriter out) {
        int cmd = (int) args[1];
        if (explained(cmd, ret) && cmd != F_GETSIG) {
            out.hex(ret);
        } else {
            out.signed(ret);
        }
    }

    /** The note after the value: {@code (flags O_RDWR|O_LARGEFILE)}, {@code (SIGUSR2)}, {@code (F_UNLCK)}. */
    private static void annotation(long[] args, long ret, ArgWriter out) {
        int cmd = (int) args[1];
        if (!explained(cmd, ret)) {
            return;
        }
        if (cmd == F_GETFL) {
            out.label("flags");
            Open.printFlags((int) ret, out);
        } else if (cmd == F_GETFD) {
            out.label("flags");
            out.flags(FD_FLAGS, ret);
        } else if (cmd == F_GET_SEALS) {
            out.label("seals");
            out.flags(SEALS, ret);
        } else if (cmd == F_GETSIG) {
            out.signal((int) ret);
        } else {
            out.value(LOCK_TYPES, ret);
        }
    }

    /** struct flock; l_pid only means something in what F_GETLK returns. */
    private static void flock(long address, boolean withPid, ArgWriter out) {
        if (address == 0 || !out.fetch(address, FLOCK_SIZE)) {
            out.pointer(address);
            return;
        }
        int type = out.fetchedUint16(0), whence = out.fetchedUint16(2);
        long start = out.fetchedLong(8), len = out.fetchedLong(16);
        int pid = out.fetchedInt32(24);
        out.beginStruct();
        out.field("l_type");
        out.value(LOCK_TYPES, type);
        out.field("l_whence");
        out.value(WHENCE, whence);
        out.field("l_start");
        out.signed(start);
        out.field("l_len");
        out.signed(len);
        if (withPid) {
            out.field("l_pid");
            out.int32(pid);
        }
        out.endStruct();
    }

    private static void ownerEx(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, OWNER_EX_SIZE)) {
            out.pointer(address);
            return;
        }
        long type = out.fetchedUint32(0);
        int pid = out.fetchedInt32(4);
        out.beginStruct();
        out.field("type");
        out.value(OWNER_TYPES, type);
        out.field("pid");
        out.int32(pid);
        out.endStruct();
    }
}
