package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * setsockopt(2), getsockopt(2). The option's name comes from its level's table. Its value
 * prints as strace 6.1 prints it: a struct for the few options it decodes ({@code SO_LINGER},
 * {@code SO_PEERCRED}); {@code [1]} for the SOL_SOCKET options it knows to be ints whenever the
 * length holds an int, and the address when it does not; and for every other option
 * {@code [1]} when the length is exactly an int's, the bytes quoted otherwise.
 */
final class Sockopt {

    private static final Xlat LEVELS = Xlat.load("socket_levels");
    private static final Xlat SOCKET = Xlat.load("sockopt_socket");
    private static final Xlat IP = Xlat.load("sockopt_ip");
    private static final Xlat IPV6 = Xlat.load("sockopt_ipv6");
    private static final Xlat TCP = Xlat.load("sockopt_tcp");
    private static final Xlat UDP = Xlat.load("sockopt_udp");
    private static final Xlat NETLINK = Xlat.load("sockopt_netlink");
    private static final Xlat PACKET = Xlat.load("sockopt_packet");
    private static final long SOL_SOCKET = LEVELS.value("SOL_SOCKET");
    private static final long SO_LINGER = SOCKET.value("SO_LINGER");
    private static final long SO_PEERCRED = SOCKET.value("SO_PEERCRED");
    /** The option tables by level; levels without one print the option as a number. */
    private static final Xlat[] BY_LEVEL = new Xlat[(int) LEVELS.value("SOL_NETLINK") + 1];
    /**
     * SOL_SOCKET options strace 6.1 prints as an int whatever the length: those checked against
     * it, and the other plain int flags and sizes of socket(7).
     */
    private static final String[] INT_OPTIONS = {
        "SO_DEBUG", "SO_REUSEADDR", "SO_TYPE", "SO_ERROR", "SO_DONTROUTE", "SO_BROADCAST", "SO_SNDBUF",
        "SO_RCVBUF", "SO_SNDBUFFORCE", "SO_RCVBUFFORCE", "SO_KEEPALIVE", "SO_OOBINLINE", "SO_NO_CHECK",
        "SO_PRIORITY", "SO_BSDCOMPAT", "SO_REUSEPORT", "SO_PASSCRED", "SO_RCVLOWAT", "SO_SNDLOWAT",
        "SO_TIMESTAMP_OLD", "SO_ACCEPTCONN", "SO_PASSSEC", "SO_TIMESTAMPNS_OLD", "SO_MARK", "SO_PROTOCOL",
        "SO_DOMAIN", "SO_RXQ_OVFL", "SO_PEEK_OFF", "SO_BUSY_POLL", "SO_INCOMING_CPU", "SO_ZEROCOPY",
    };
    private static final boolean[] IS_INT = new boolean[128];
    /** struct linger: two ints; struct ucred: pid, uid, gid, ints too. */
    private static final int LINGER_SIZE = 8, INT_SIZE = 4;
    private static final String[] UCRED_FIELDS = {"pid", "uid", "gid"};

    static {
        BY_LEVEL[(int) LEVELS.value("SOL_IP")] = IP;
        BY_LEVEL[(int) SOL_SOCKET] = SOCKET;
        BY_LEVEL[(int) LEVELS.value("SOL_TCP")] = TCP;
        BY_LEVEL[(int) LEVELS.value("SOL_UDP")] = UDP;
        BY_LEVEL[(int) LEVELS.value("SOL_IPV6")] = IPV6;
        BY_LEVEL[(int) LEVELS.value("SOL_PACKET")] = PACKET;
        BY_LEVEL[(int) LEVELS.value("SOL_NETLINK")] = NETLINK;
        for (String name : INT_OPTIONS) {
            IS_INT[(int) SOCKET.value(name)] = true;
        }
    }

    private Sockopt() {}

    static void register(Registrar r) {
        r.add("setsockopt", Decoder.atEntry(Sockopt::setsockopt));
        r.add("getsockopt", Decoder.split(Sockopt::getsockoptEntry, Sockopt::getsockopt));
    }

    /** setsockopt(int sockfd, int level, int optname, const void *optval, socklen_t optlen) */
    private static void setsockopt(long[] args, ArgWriter out) {
        long sockfd = args[0], level = args[1], optname = args[2], optval = args[3], optlen = args[4];
        out.fd(sockfd);
        name(level, optname, out);
        value((int) level, (int) optname, optval, (int) optlen, true, out);
        out.int32(optlen);
    }

    /** getsockopt(int sockfd, int level, int optname, void *optval, socklen_t *optlen), up to the value the kernel fills. */
    private static void getsockoptEntry(long[] args, ArgWriter out) {
        long sockfd = args[0], level = args[1], optname = args[2], optlen = args[4];
        out.fd(sockfd);
        name(level, optname, out);
        SockAddr.saveLength(args, optlen, out);
    }

    private static void getsockopt(long[] args, long ret, ArgWriter out) {
        long level = args[1], optname = args[2], optval = args[3], optlen = args[4];
        if (Errno.isError(ret) || optlen == 0 || !out.fetch(optlen, 4)) {
            out.pointer(optval);
        } else {
            value((int) level, (int) optname, optval, (int) out.fetchedUint32(0), false, out);
        }
        SockAddr.printLength(args, ret, optlen, out);
    }

    private static void name(long level, long optname, ArgWriter out) {
        int lvl = (int) level;
        out.value(LEVELS, lvl & 0xffff_ffffL);
        Xlat names = lvl >= 0 && lvl < BY_LEVEL.length ? BY_LEVEL[lvl] : null;
        if (names != null) {
            out.value(names, optname & 0xffff_ffffL);
        } else {
            out.int32(optname);
        }
    }

    /**
     * The option value of {@code optlen} bytes. An int option too short for an int prints as its
     * address when set, and as the bytes the kernel wrote when got.
     */
    private static void value(int level, int optname, long optval, int optlen, boolean set, ArgWriter out) {
        boolean socket = level == SOL_SOCKET;
        if (socket && optname == SO_LINGER) {
            linger(optval, optlen, out);
        } else if (socket && optname == SO_PEERCRED) {
            ucred(optval, optlen, out);
        } else if (socket && optname >= 0 && optname < IS_INT.length && IS_INT[optname]) {
            if (optlen >= INT_SIZE) {
                intValue(optval, out);
            } else if (set || optlen <= 0) {
                out.pointer(optval);
            } else {
                out.buffer(optval, optlen);
            }
        } else if (optlen == INT_SIZE) {
            intValue(optval, out);
        } else {
            out.buffer(optval, optlen & 0xffff_ffffL);
        }
    }

    private static void intValue(long optval, ArgWriter out) {
        if (!out.fetch(optval, INT_SIZE)) {
            out.pointer(optval);
            return;
        }
        out.beginArray();
        out.int32(out.fetchedUint32(0));
        out.endArray();
    }

    private static void linger(long optval, int optlen, ArgWriter out) {
        if (optlen < LINGER_SIZE || !out.fetch(optval, LINGER_SIZE)) {
            out.pointer(optval);
            return;
        }
        out.beginStruct();
        out.field("l_onoff");
        out.int32(out.fetchedUint32(0));
        out.field("l_linger");
        out.int32(out.fetchedUint32(4));
        out.endStruct();
    }

    /** struct ucred, as many of its ints as the length holds. */
    private static void ucred(long optval, int optlen, ArgWriter out) {
        int n = Math.min(optlen, 3 * INT_SIZE) / INT_SIZE;
        if (n == 0 || !out.fetch(optval, n * INT_SIZE)) {
            out.pointer(optval);
            return;
        }
        out.beginStruct();
        for (int i = 0; i < n; i++) {
            out.field(UCRED_FIELDS[i]);
            out.int32(out.fetchedUint32(i * INT_SIZE));
        }
        out.endStruct();
    }
}
