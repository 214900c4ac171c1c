package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * A struct sockaddr of a given length, as strace prints it: the family, then the fields of the
 * families it knows when the length covers them ({@code sin_port=htons(8080)},
 * {@code sun_path=@"abstract"}), and otherwise the bytes after the family as {@code sa_data}.
 */
final class SockAddr {

    static final Xlat FAMILIES = Xlat.load("address_families");
    static final int AF_UNIX = (int) FAMILIES.value("AF_UNIX");
    static final int AF_INET = (int) FAMILIES.value("AF_INET");
    static final int AF_INET6 = (int) FAMILIES.value("AF_INET6");
    static final int AF_NETLINK = (int) FAMILIES.value("AF_NETLINK");
    /** struct sockaddr_storage: no address is longer. */
    private static final int MAX = 128;
    /** sizeof(struct sockaddr_in), sockaddr_in6 without and with sin6_scope_id, sockaddr_nl. */
    private static final int IN_SIZE = 16, IN6_SIZE = 24, IN6_SCOPED_SIZE = 28, NL_SIZE = 12;
    /** sa_family_t comes first in every family. */
    private static final int DATA = 2;

    /** The saved slot's mark for a length that could not be read at entry. */
    private static final long UNREAD = Long.MIN_VALUE;

    private SockAddr() {}

    /**
     * Keeps the socklen_t at {@code lenAddress} in {@code args[Decoder.SAVED]} at entry: the
     * kernel overwrites it, and strace prints both values, {@code [128 => 16]}.
     */
    static void saveLength(long[] args, long lenAddress, ArgWriter out) {
        args[Decoder.SAVED] = lenAddress != 0 && out.fetch(lenAddress, 4) ? out.fetchedUint32(0) : UNREAD;
    }

    /**
     * The length saved at entry and the kernel's at exit: {@code [128 => 16]}, {@code [16]} when
     * unchanged or when the call failed, or the address when unreadable. Returns the length
     * at exit, or -1 when there is none.
     */
    static long printLength(long[] args, long ret, long lenAddress, ArgWriter out) {
        long before = args[Decoder.SAVED];
        if (lenAddress == 0 || before == UNREAD) {
            out.pointer(lenAddress);
            return -1;
        }
        long after = before;
        if (!Errno.isError(ret)) {
            if (!out.fetch(lenAddress, 4)) {
                out.pointer(lenAddress);
                return -1;
            }
            after = out.fetchedUint32(0);
        }
        out.beginArray();
        out.inOut(before, after);
        out.endArray();
        return Errno.isError(ret) ? -1 : after;
    }

    /**
     * An address the kernel filled, and its in-out length: accept's, getsockname's, recvfrom's.
     * It prints as long as both lengths allow; a failed call shows only the pointer.
     */
    static void printFilled(long[] args, long ret, long address, long lenAddress, ArgWriter out) {
        long before = args[Decoder.SAVED];
        long after = -1;
        if (!Errno.isError(ret) && lenAddress != 0 && before != UNREAD && out.fetch(lenAddress, 4)) {
            after = out.fetchedUint32(0);
        }
        if (after < 0) {
            out.pointer(address);
        } else {
            print(address, Math.min((int) before, (int) after), out);
        }
        printLength(args, ret, lenAddress, out);
    }

    /** The address at {@code address} of {@code len} bytes (C's int): NULL, the struct, or the address when too short or unreadable. */
    static void print(long address, long len, ArgWriter out) {
        int n = (int) Math.min((int) len, MAX);
        if (address == 0 || n < DATA || !out.fetch(address, n)) {
            out.pointer(address);
            return;
        }
        int family = out.fetchedUint16(0);
        out.beginStruct();
        out.field("sa_family");
        out.value(FAMILIES, family);
        if (family == AF_UNIX) {
            unix(n, out);
        } else if (family == AF_INET && n >= IN_SIZE) {
            inet(out);
        } else if (family == AF_INET6 && n >= IN6_SIZE) {
            inet6(n, out);
        } else if (family == AF_NETLINK && n >= NL_SIZE) {
            netlink(out);
        } else if (n > DATA) {
            out.field("sa_data");
            out.fetchedBytes(null, DATA, n - DATA);
        }
        out.endStruct();
    }

    /** A path up to its NUL, or an abstract name (a leading NUL), which strace prints whole after {@code @}. */
    private static void unix(int n, ArgWriter out) {
        if (n == DATA) {
            return;
        }
        out.field("sun_path");
        if (out.fetchedByte(DATA) == 0) {
            out.fetchedBytes("@", DATA + 1, n - DATA - 1);
            return;
        }
        int end = DATA;
        while (end < n && out.fetchedByte(end) != 0) {
            end++;
        }
        out.fetchedBytes(null, DATA, end - DATA);
    }

    /** struct sockaddr_in: port and address in network order. */
    private static void inet(ArgWriter out) {
        out.field("sin_port");
        out.wrapped("htons", out.fetchedNetUint16(2));
        out.field("sin_addr");
        out.fetchedInetAddr(4);
    }

    /** struct sockaddr_in6; strace names the address by the call that would fill it, so it has no field name. */
    private static void inet6(int n, ArgWriter out) {
        long flowinfo = (long) out.fetchedNetUint16(4) << 16 | out.fetchedNetUint16(6);
        out.field("sin6_port");
        out.wrapped("htons", out.fetchedNetUint16(2));
        out.field("sin6_flowinfo");
        out.wrapped("htonl", flowinfo);
        out.fetchedInet6Addr(8, "sin6_addr");
        if (n >= IN6_SCOPED_SIZE) {
            out.field("sin6_scope_id");
            out.uint32(out.fetchedUint32(24));
        }
    }

    /** struct sockaddr_nl: strace prints the groups mask as C's {@code %#08x}. */
    private static void netlink(ArgWriter out) {
        long pid = out.fetchedUint32(4), groups = out.fetchedUint32(8);
        out.field("nl_pid");
        out.uint32(pid);
        out.field("nl_groups");
        out.hexPadded(groups, 6);
    }
}
