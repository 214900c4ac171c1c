package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * struct msghdr as sendmsg(2) and recvmsg(2) use it, with its iovec array and its control
 * messages (SCM_RIGHTS descriptors, SCM_CREDENTIALS). Fields are read into locals before any
 * nested read, since every read reuses the writer's scratch buffer.
 */
final class Msghdr {

    static final Xlat MSG_FLAGS = Xlat.load("msg_flags");
    private static final Xlat LEVELS = Xlat.load("socket_levels");
    private static final Xlat SCM_TYPES = Xlat.load("scm_types");
    private static final long SOL_SOCKET = LEVELS.value("SOL_SOCKET");
    private static final long SCM_RIGHTS = SCM_TYPES.value("SCM_RIGHTS");
    private static final long SCM_CREDENTIALS = SCM_TYPES.value("SCM_CREDENTIALS");
    /** x86_64 struct msghdr: name, namelen (4 bytes, padded), iov, iovlen, control, controllen, flags. */
    static final int SIZE = 56;
    private static final int NAME = 0, NAMELEN = 8, IOV = 16, IOVLEN = 24, CONTROL = 32, CONTROLLEN = 40, FLAGS = 48;
    /** struct iovec: base and length. */
    private static final int IOVEC_SIZE = 16;
    /** struct cmsghdr: cmsg_len (size_t), cmsg_level, cmsg_type; data follows, and each header is 8-aligned. */
    private static final int CMSG_HEADER = 16;
    /**
     * How far into the control data messages are walked. strace 6.1 prints every message, not
     * -s of them; a bound still keeps a huge msg_controllen over readable memory from printing
     * without end.
     */
    private static final long CONTROL_LIMIT = 1 << 16;
    /** struct ucred: pid, uid, gid. */
    private static final int UCRED_SIZE = 12;

    private Msghdr() {}

    /**
     * The msghdr at {@code address}, or the address when unreadable. {@code data} is how many
     * bytes the iovecs hold, which for a receive is the call's return value, and -1 for a send,
     * whose buffers print whole. {@code namelenBefore} is msg_namelen as it was at entry, for a
     * receive, or -1.
     */
    static void print(long address, long data, long namelenBefore, ArgWriter out) {
        if (address == 0 || !out.fetch(address, SIZE)) {
            out.pointer(address);
            return;
        }
        long name = out.fetchedLong(NAME), namelen = out.fetchedUint32(NAMELEN);
        long iov = out.fetchedLong(IOV), iovlen = out.fetchedLong(IOVLEN);
        long control = out.fetchedLong(CONTROL), controllen = out.fetchedLong(CONTROLLEN);
        long flags = out.fetchedUint32(FLAGS);
        out.beginStruct();
        out.field("msg_name");
        SockAddr.print(name, namelen, out);
        out.field("msg_namelen");
        out.inOut(namelenBefore < 0 ? namelen : namelenBefore, namelen);
        out.field("msg_iov");
        iovecs(iov, iovlen, data, out);
        out.field("msg_iovlen");
        out.unsigned(iovlen);
        if (controllen != 0) {
            out.field("msg_control");
            controls(control, controllen, out);
        }
        out.field("msg_controllen");
        out.unsigned(controllen);
        out.field("msg_flags");
        out.flags(MSG_FLAGS, flags);
        out.endStruct();
    }

    /**
     * An iovec array; at most -s elements print. With {@code data} at least 0, the buffers
     * print only the bytes received, filled in order.
     */
    static void iovecs(long address, long count, long data, ArgWriter out) {
        if (address == 0 || (count != 0 && !out.fetch(address, IOVEC_SIZE))) {
            out.pointer(address);
            return;
        }
        int limit = out.options().stringLimit();
        long left = data;
        out.beginArray();
        for (long i = 0; Long.compareUnsigned(i, count) < 0; i++) {
            if (i == limit || !out.fetch(address + i * IOVEC_SIZE, IOVEC_SIZE)) {
                out.ellipsis();
                break;
            }
            long base = out.fetchedLong(0), len = out.fetchedLong(8);
            out.beginStruct();
            out.field("iov_base");
            if (data < 0) {
                out.buffer(base, len);
            } else {
                long shown = Long.compareUnsigned(len, left) < 0 ? len : left;
                out.buffer(base, shown);
                left -= shown;
            }
            out.field("iov_len");
            out.unsigned(len);
            out.endStruct();
        }
        out.endArray();
    }

    /** The control messages in {@code length} bytes at {@code address}. */
    private static void controls(long address, long length, ArgWriter out) {
        if (address == 0 || !out.fetch(address, CMSG_HEADER)) {
            out.pointer(address);
            return;
        }
        out.beginArray();
        long offset = 0;
        while (offset + CMSG_HEADER <= length && out.fetch(address + offset, CMSG_HEADER)) {
            if (offset >= CONTROL_LIMIT) {
                out.ellipsis();
                break;
            }
            long cmsgLen = out.fetchedLong(0), level = out.fetchedUint32(8), type = out.fetchedUint32(12);
            out.beginStruct();
            out.field("cmsg_len");
            out.unsigned(cmsgLen);
            out.field("cmsg_level");
            out.value(LEVELS, level);
            out.field("cmsg_type");
            if (level == SOL_SOCKET) {
                out.value(SCM_TYPES, type);
            } else {
                out.hex(type);
            }
            long dataLen = Math.min(cmsgLen, length - offset) - CMSG_HEADER;
            if (level == SOL_SOCKET && dataLen > 0) {
                data(address + offset + CMSG_HEADER, type, (int) Math.min(dataLen, Integer.MAX_VALUE), out);
            }
            out.endStruct();
            if (cmsgLen < CMSG_HEADER) {
                break;
            }
            offset += (cmsgLen + 7) & ~7L;
        }
        out.endArray();
    }

    private static void data(long address, long type, int length, ArgWriter out) {
        int limit = out.options().stringLimit();
        int count = length / 4, shown = Math.min(count, limit);
        if (type == SCM_RIGHTS && out.fetch(address, 4 * shown)) {
            out.field("cmsg_data");
            out.beginArray();
            for (int i = 0; i < shown; i++) {
                out.fd(out.fetchedUint32(4 * i));
            }
            if (count > shown) {
                out.ellipsis();
            }
            out.endArray();
        } else if (type == SCM_CREDENTIALS && length >= UCRED_SIZE && out.fetch(address, UCRED_SIZE)) {
            long pid = out.fetchedUint32(0), uid = out.fetchedUint32(4), gid = out.fetchedUint32(8);
            out.field("cmsg_data");
            out.beginStruct();
            out.field("pid");
            out.int32(pid);
            out.field("uid");
            out.int32(uid);
            out.field("gid");
            out.int32(gid);
            out.endStruct();
        }
    }
}
