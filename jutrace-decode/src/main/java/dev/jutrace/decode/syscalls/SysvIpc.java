package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * What System V shared memory, semaphores and message queues share: keys, creation flags with
 * permission bits, commands that may carry IPC_64, and struct ipc64_perm.
 */
final class SysvIpc {

    private static final Xlat KEYS = Xlat.load("ipc_keys");
    private static final Xlat CMD_FLAGS = Xlat.load("ipc_cmd_flags");
    private static final long IPC_64 = CMD_FLAGS.value("IPC_64");
    static final long IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2;
    /** x86_64 struct ipc64_perm: key, uid, gid, cuid, cgid (ints), mode (unsigned short), padded to 48 bytes. */
    static final int PERM_SIZE = 48;
    private static final int PERMISSIONS = 0777;

    private SysvIpc() {}

    /** A key_t: {@code IPC_PRIVATE}, or hex. */
    static void key(long key, ArgWriter out) {
        long k = key & 0xffff_ffffL;
        if (KEYS.name(k) != null) {
            out.value(KEYS, k);
        } else {
            out.hex(k);
        }
    }

    /** Creation flags and permission bits: {@code IPC_CREAT|0600}, {@code 000}. */
    static void getFlags(Xlat table, long flags, ArgWriter out) {
        long f = flags & 0xffff_ffffL;
        out.beginFlags();
        out.flagBitsPlain(table, f & ~PERMISSIONS);
        out.flagMode(f & PERMISSIONS);
    }

    /** A *ctl command: {@code IPC_STAT}, {@code IPC_64|IPC_STAT}, or hex with the table's comment. */
    static void command(Xlat table, long cmd, ArgWriter out) {
        long c = cmd & 0xffff_ffffL;
        out.beginFlags();
        if ((c & IPC_64) != 0) {
            out.flagBits(CMD_FLAGS, IPC_64);
        }
        out.flagValue(table, c & ~IPC_64);
    }

    /** The command without IPC_64, to choose how its argument prints. */
    static long commandOf(long cmd) {
        return cmd & 0xffff_ffffL & ~IPC_64;
    }

    /**
     * The fetched struct ipc64_perm at {@code offset}; a struct for IPC_SET prints only the
     * fields that call changes.
     */
    static void perm(int offset, boolean set, ArgWriter out) {
        long key = out.fetchedUint32(offset), uid = out.fetchedUint32(offset + 4), gid = out.fetchedUint32(offset + 8);
        long cuid = out.fetchedUint32(offset + 12), cgid = out.fetchedUint32(offset + 16), mode = out.fetchedUint16(offset + 20);
        out.beginStruct();
        out.field("uid");
        out.uint32(uid);
        out.field("gid");
        out.uint32(gid);
        out.field("mode");
        out.mode(mode);
        if (!set) {
            out.field("key");
            out.int32(key);
            out.field("cuid");
            out.uint32(cuid);
            out.field("cgid");
            out.uint32(cgid);
        }
        out.endStruct();
    }

    /**
     * An info struct of {@code fields.length} fields of {@code width} bytes each (4 for int, 8 for
     * unsigned long), filled by IPC_INFO and its kin; its address when the call failed or it is
     * unreadable. A {@code last} field of 2 bytes may follow, as msginfo's msgseg.
     */
    static void info(long address, long ret, String[] fields, int width, String last, ArgWriter out) {
        int size = fields.length * width + (last != null ? 2 : 0);
        if (Errno.isError(ret) || address == 0 || !out.fetch(address, size)) {
            out.pointer(address);
            return;
        }
        out.beginStruct();
        for (int i = 0; i < fields.length; i++) {
            out.field(fields[i]);
            if (width == 4) {
                out.int32(out.fetchedUint32(i * width));
            } else {
                out.unsigned(out.fetchedLong(i * width));
            }
        }
        if (last != null) {
            out.field(last);
            out.uint32(out.fetchedUint16(fields.length * width));
        }
        out.endStruct();
    }
}
