package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * socket(2), socketpair(2), bind(2), connect(2), listen(2), accept(2), accept4(2),
 * getsockname(2), getpeername(2), shutdown(2): making, naming and ending sockets.
 */
final class Socket {

    private static final Xlat TYPES = Xlat.load("socket_types");
    private static final Xlat FLAGS = Xlat.load("socket_flags");
    private static final Xlat INET_PROTOCOLS = Xlat.load("inet_protocols");
    private static final Xlat NETLINK_PROTOCOLS = Xlat.load("netlink_protocols");
    private static final Xlat ETHERNET_PROTOCOLS = Xlat.load("ethernet_protocols");
    private static final int AF_PACKET = (int) SockAddr.FAMILIES.value("AF_PACKET");
    private static final Xlat HOW = Xlat.load("shutdown_modes");
    /** The socket type is the low four bits of the type argument; flags share the rest (linux/net.h SOCK_TYPE_MASK). */
    private static final int TYPE_MASK = 0xf;

    private Socket() {}

    static void register(Registrar r) {
        r.add("socket", Decoder.atEntry(Socket::socket));
        r.add("socketpair", Decoder.split(Socket::socket, Socket::socketpairExit));
        r.add("bind", Decoder.atEntry(Socket::addressed));
        r.add("connect", Decoder.atEntry(Socket::addressed));
        r.add("listen", Decoder.atEntry(Socket::listen));
        r.add("accept", Decoder.split(Socket::acceptEntry, Socket::accept));
        r.add("accept4", Decoder.split(Socket::acceptEntry, Socket::accept4));
        r.add("getsockname", Decoder.split(Socket::acceptEntry, Socket::accept));
        r.add("getpeername", Decoder.split(Socket::acceptEntry, Socket::accept));
        r.add("shutdown", Decoder.atEntry(Socket::shutdown));
    }

    /** socket(int domain, int type, int protocol) */
    private static void socket(long[] args, ArgWriter out) {
        long domain = args[0], type = args[1], protocol = args[2];
        out.value(SockAddr.FAMILIES, domain & 0xffff_ffffL);
        type(type, out);
        protocol((int) domain, protocol, out);
    }

    /** socketpair(int domain, int type, int protocol, int sv[2]): the pair the kernel fills. */
    private static void socketpairExit(long[] args, long ret, ArgWriter out) {
        long sv = args[3];
        if (Errno.isError(ret) || !out.fetch(sv, 8)) {
            out.pointer(sv);
            return;
        }
        long first = out.fetchedUint32(0), second = out.fetchedUint32(4);
        out.beginArray();
        out.fd(first);
        out.fd(second);
        out.endArray();
    }

    /**
     * The type and its flags: {@code SOCK_STREAM|SOCK_CLOEXEC}. An unknown type is not named, so
     * its bits join the flags' hex remainder: {@code SOCK_CLOEXEC|0xf}.
     */
    private static void type(long type, ArgWriter out) {
        long value = type & 0xffff_ffffL;
        long base = value & TYPE_MASK;
        out.beginFlags();
        if (TYPES.name(base) != null) {
            out.flagValue(TYPES, base);
            out.flagBitsCommented(FLAGS, value & ~TYPE_MASK);
        } else {
            out.flagBits(FLAGS, value);
        }
        out.endFlags(FLAGS);
    }

    /** The protocol, named from the table of the domain's protocols when there is one. */
    private static void protocol(int domain, long protocol, ArgWriter out) {
        if (domain == SockAddr.AF_INET || domain == SockAddr.AF_INET6) {
            out.value(INET_PROTOCOLS, protocol & 0xffff_ffffL);
        } else if (domain == SockAddr.AF_NETLINK) {
            out.value(NETLINK_PROTOCOLS, protocol & 0xffff_ffffL);
        } else if (domain == AF_PACKET) {
            // A packet socket takes an Ethernet protocol id in network order: the low 16 bits, byte-swapped.
            out.wrappedValue("htons", ETHERNET_PROTOCOLS, Short.reverseBytes((short) protocol) & 0xffff);
        } else {
            out.int32(protocol);
        }
    }

    /** bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen), and connect's, the same. */
    private static void addressed(long[] args, ArgWriter out) {
        long sockfd = args[0], addr = args[1], addrlen = args[2];
        out.fd(sockfd);
        SockAddr.print(addr, addrlen, out);
        out.int32(addrlen);
    }

    /** listen(int sockfd, int backlog) */
    private static void listen(long[] args, ArgWriter out) {
        long sockfd = args[0], backlog = args[1];
        out.fd(sockfd);
        out.int32(backlog);
    }

    /** accept(int sockfd, struct sockaddr *addr, socklen_t *addrlen), getsockname and getpeername the same. */
    private static void acceptEntry(long[] args, ArgWriter out) {
        long sockfd = args[0], addrlen = args[2];
        out.fd(sockfd);
        SockAddr.saveLength(args, addrlen, out);
    }

    private static void accept(long[] args, long ret, ArgWriter out) {
        long addr = args[1], addrlen = args[2];
        SockAddr.printFilled(args, ret, addr, addrlen, out);
    }

    /** accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags) */
    private static void accept4(long[] args, long ret, ArgWriter out) {
        long flags = args[3];
        accept(args, ret, out);
        out.flags(FLAGS, flags & 0xffff_ffffL);
    }

    /** shutdown(int sockfd, int how) */
    private static void shutdown(long[] args, ArgWriter out) {
        long sockfd = args[0], how = args[1];
        out.fd(sockfd);
        out.value(HOW, how & 0xffff_ffffL);
    }
}
