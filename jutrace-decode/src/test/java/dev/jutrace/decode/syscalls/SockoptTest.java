package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class SockoptTest {

    private static final long EFAULT = -14, EINVAL = -22, ENOPROTOOPT = -92, EOPNOTSUPP = -95;
    private static final long SOL_IP = 0, SOL_SOCKET = 1, SOL_TCP = 6, SOL_UDP = 17, SOL_IPV6 = 41;
    private static final long SO_REUSEADDR = 2, SO_TYPE = 3, SO_SNDBUF = 7, SO_RCVBUF = 8, SO_KEEPALIVE = 9;
    private static final long SO_LINGER = 13, SO_PEERCRED = 17, SO_RCVTIMEO_OLD = 20, SO_BINDTODEVICE = 25;
    private static final long TCP_NODELAY = 1, TCP_MAXSEG = 2, TCP_CONGESTION = 13;
    private final Lines lines = new Lines();
    /** int big[4] = {1, 2, 3, 4}. */
    private final long big = lines.memory.put(0x7ffd63189350L, Bytes.of(16).u32(0, 1).u32(4, 2).u32(8, 3).u32(12, 4).get());

    @Test
    void setsockoptInts() {
        assertThat(lines.line("setsockopt", 0, 4, SOL_SOCKET, SO_REUSEADDR, big, 4)).isEqualTo("setsockopt(4, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
        assertThat(lines.line("setsockopt", 0, 4, SOL_SOCKET, SO_REUSEADDR, big, 16)).isEqualTo("setsockopt(4, SOL_SOCKET, SO_REUSEADDR, [1], 16) = 0");
        assertThat(lines.line("setsockopt", 0, 4, SOL_TCP, TCP_NODELAY, big, 4)).isEqualTo("setsockopt(4, SOL_TCP, TCP_NODELAY, [1], 4) = 0");
        assertThat(lines.line("setsockopt", 0, 4, SOL_IP, 1, big, 4)).isEqualTo("setsockopt(4, SOL_IP, IP_TOS, [1], 4)   = 0");
        assertThat(lines.line("setsockopt", ENOPROTOOPT, 4, SOL_IPV6, 26, big, 4))
                .isEqualTo("setsockopt(4, SOL_IPV6, IPV6_V6ONLY, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
        assertThat(lines.line("setsockopt", ENOPROTOOPT, 4, SOL_UDP, 1, big, 4))
                .isEqualTo("setsockopt(4, SOL_UDP, UDP_CORK, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
        assertThat(lines.line("setsockopt", ENOPROTOOPT, 4, SOL_SOCKET, 999, big, 4))
                .isEqualTo("setsockopt(4, SOL_SOCKET, 0x3e7 /* SO_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
        assertThat(lines.line("setsockopt", ENOPROTOOPT, 4, 999, 5, big, 4))
                .isEqualTo("setsockopt(4, 0x3e7 /* SOL_?? */, 5, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
        assertThat(lines.line("setsockopt", EINVAL, 3, SOL_SOCKET, SO_RCVTIMEO_OLD, big, 4))
                .isEqualTo("setsockopt(3, SOL_SOCKET, SO_RCVTIMEO_OLD, [1], 4) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void netlinkAndPacketOptions() {
        long one = lines.memory.put(0x1000, Bytes.of(4).u32(0, 1).get());
        long SOL_PACKET = 263, SOL_NETLINK = 270;
        assertThat(lines.line("setsockopt", 0, 3, SOL_NETLINK, 1, one, 4)).isEqualTo("setsockopt(3, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, [1], 4) = 0");
        assertThat(lines.line("setsockopt", 0, 3, SOL_NETLINK, 11, one, 4)).isEqualTo("setsockopt(3, SOL_NETLINK, NETLINK_EXT_ACK, [1], 4) = 0");
        assertThat(lines.line("setsockopt", 0, 3, SOL_NETLINK, 12, one, 4)).isEqualTo("setsockopt(3, SOL_NETLINK, NETLINK_GET_STRICT_CHK, [1], 4) = 0");
        assertThat(lines.line("setsockopt", ENOPROTOOPT, 3, SOL_NETLINK, 99, one, 4))
                .isEqualTo("setsockopt(3, SOL_NETLINK, 0x63 /* NETLINK_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
        assertThat(lines.line("setsockopt", ENOPROTOOPT, 3, SOL_PACKET, 8, one, 4))
                .isEqualTo("setsockopt(3, SOL_PACKET, PACKET_AUXDATA, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
        assertThat(lines.line("setsockopt", ENOPROTOOPT, 3, SOL_PACKET, 99, one, 4))
                .isEqualTo("setsockopt(3, SOL_PACKET, 0x63 /* PACKET_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
    }

    @Test
    void setsockoptOtherLengths() {
        assertThat(lines.line("setsockopt", EINVAL, 3, SOL_SOCKET, SO_SNDBUF, big, 3))
                .isEqualTo("setsockopt(3, SOL_SOCKET, SO_SNDBUF, 0x7ffd63189350, 3) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("setsockopt", EINVAL, 3, SOL_SOCKET, SO_KEEPALIVE, big, 0xffffffffL))
                .isEqualTo("setsockopt(3, SOL_SOCKET, SO_KEEPALIVE, 0x7ffd63189350, -1) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("setsockopt", EINVAL, 3, SOL_SOCKET, SO_REUSEADDR, big, 0))
                .isEqualTo("setsockopt(3, SOL_SOCKET, SO_REUSEADDR, 0x7ffd63189350, 0) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("setsockopt", ENOPROTOOPT, 3, SOL_SOCKET, 999, big, 16)).isEqualTo("setsockopt(3, SOL_SOCKET,"
                + " 0x3e7 /* SO_??? */, \"\\1\\0\\0\\0\\2\\0\\0\\0\\3\\0\\0\\0\\4\\0\\0\\0\", 16) = -1 ENOPROTOOPT (Protocol not available)");
        assertThat(lines.line("setsockopt", EINVAL, 3, SOL_SOCKET, 999, big, 3))
                .isEqualTo("setsockopt(3, SOL_SOCKET, 0x3e7 /* SO_??? */, \"\\1\\0\\0\", 3) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("setsockopt", EINVAL, 3, SOL_SOCKET, 999, big, 0))
                .isEqualTo("setsockopt(3, SOL_SOCKET, 0x3e7 /* SO_??? */, \"\", 0) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("setsockopt", 0, 3, SOL_TCP, TCP_NODELAY, big, 16)).isEqualTo("setsockopt(3, SOL_TCP, TCP_NODELAY,"
                + " \"\\1\\0\\0\\0\\2\\0\\0\\0\\3\\0\\0\\0\\4\\0\\0\\0\", 16) = 0");
        assertThat(lines.line("setsockopt", EFAULT, 4, SOL_SOCKET, SO_REUSEADDR, 1, 4))
                .isEqualTo("setsockopt(4, SOL_SOCKET, SO_REUSEADDR, 0x1, 4) = -1 EFAULT (Bad address)");
        assertThat(lines.line("setsockopt", EINVAL, 4, SOL_SOCKET, SO_REUSEADDR, 0, 0))
                .isEqualTo("setsockopt(4, SOL_SOCKET, SO_REUSEADDR, NULL, 0) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void setsockoptStringsAndStructs() {
        long cubic = lines.memory.putRaw(0x1000, "cubic");
        assertThat(lines.line("setsockopt", 0, 3, SOL_TCP, TCP_CONGESTION, cubic, 5)).isEqualTo("setsockopt(3, SOL_TCP, TCP_CONGESTION, \"cubic\", 5) = 0");
        long lo = lines.memory.putString(0x2000, "lo");
        assertThat(lines.line("setsockopt", 0, 3, SOL_SOCKET, SO_BINDTODEVICE, lo, 3)).isEqualTo("setsockopt(3, SOL_SOCKET, SO_BINDTODEVICE, \"lo\\0\", 3) = 0");
        long linger = lines.memory.put(0x3000, Bytes.of(8).u32(0, 1).u32(4, 5).get());
        assertThat(lines.line("setsockopt", 0, 4, SOL_SOCKET, SO_LINGER, linger, 8))
                .isEqualTo("setsockopt(4, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0");
        assertThat(lines.line("setsockopt", EINVAL, 3, SOL_SOCKET, SO_LINGER, big, 4))
                .isEqualTo("setsockopt(3, SOL_SOCKET, SO_LINGER, 0x7ffd63189350, 4) = -1 EINVAL (Invalid argument)");
        long tv = lines.memory.putLongs(0x4000, 1, 500);
        assertThat(lines.line("setsockopt", 0, 4, SOL_SOCKET, SO_RCVTIMEO_OLD, tv, 16)).isEqualTo("setsockopt(4, SOL_SOCKET,"
                + " SO_RCVTIMEO_OLD, \"\\1\\0\\0\\0\\0\\0\\0\\0\\364\\1\\0\\0\\0\\0\\0\\0\", 16) = 0");
    }

    /** The kernel writes the value and its length; the int and the length change between entry and exit. */
    private String get(long ret, long level, long optname, byte[] value, long lenBefore, long lenAfter) {
        long optval = 0x7ffd63189340L, optlen = 0x7ffd6318933cL;
        lines.memory.put(optval, new byte[16]);
        lines.memory.put(optlen, Bytes.of(4).u32(0, lenBefore).get());
        return lines.line("getsockopt", ret, () -> {
            lines.memory.put(optval, value);
            lines.memory.put(optlen, Bytes.of(4).u32(0, lenAfter).get());
        }, 3, level, optname, optval, optlen);
    }

    @Test
    void getsockopt() {
        byte[] one = Bytes.of(16).u32(0, 1).get();
        assertThat(get(0, SOL_SOCKET, SO_TYPE, one, 16, 4)).isEqualTo("getsockopt(3, SOL_SOCKET, SO_TYPE, [1], [16 => 4]) = 0");
        assertThat(get(0, SOL_SOCKET, SO_TYPE, one, 4, 4)).isEqualTo("getsockopt(3, SOL_SOCKET, SO_TYPE, [1], [4]) = 0");
        assertThat(get(0, SOL_SOCKET, SO_RCVBUF, Bytes.of(8).u32(0, 131072).get(), 8, 4))
                .isEqualTo("getsockopt(3, SOL_SOCKET, SO_RCVBUF, [131072], [8 => 4]) = 0");
        assertThat(get(0, SOL_SOCKET, SO_TYPE, one, 3, 3)).isEqualTo("getsockopt(3, SOL_SOCKET, SO_TYPE, \"\\1\\0\\0\", [3]) = 0");
        assertThat(get(0, SOL_SOCKET, SO_TYPE, one, 0, 0)).isEqualTo("getsockopt(3, SOL_SOCKET, SO_TYPE, 0x7ffd63189340, [0]) = 0");
        assertThat(get(0, SOL_TCP, TCP_MAXSEG, Bytes.of(4).u32(0, 536).get(), 4, 4))
                .isEqualTo("getsockopt(3, SOL_TCP, TCP_MAXSEG, [536], [4]) = 0");
        assertThat(get(0, SOL_IP, 2, Bytes.of(4).u32(0, 64).get(), 16, 4)).isEqualTo("getsockopt(3, SOL_IP, IP_TTL, [64], [16 => 4]) = 0");
        assertThat(get(0, SOL_TCP, TCP_CONGESTION, Bytes.of(16).text(0, "cubic").get(), 16, 16))
                .isEqualTo("getsockopt(3, SOL_TCP, TCP_CONGESTION, \"cubic\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\", [16]) = 0");
        assertThat(get(0, SOL_SOCKET, SO_BINDTODEVICE, Bytes.of(3).text(0, "lo").get(), 16, 3))
                .isEqualTo("getsockopt(3, SOL_SOCKET, SO_BINDTODEVICE, \"lo\\0\", [16 => 3]) = 0");
    }

    @Test
    void getsockoptStructs() {
        byte[] cred = Bytes.of(12).u32(0, 0).u32(4, -1).u32(8, -1).get();
        assertThat(get(0, SOL_SOCKET, SO_PEERCRED, cred, 16, 12))
                .isEqualTo("getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=0, uid=-1, gid=-1}, [16 => 12]) = 0");
        assertThat(get(0, SOL_SOCKET, SO_PEERCRED, cred, 8, 8)).isEqualTo("getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=0, uid=-1}, [8]) = 0");
        byte[] linger = Bytes.of(8).u32(0, 1).u32(4, 5).get();
        assertThat(get(0, SOL_SOCKET, SO_LINGER, linger, 8, 8)).isEqualTo("getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, [8]) = 0");
    }

    @Test
    void getsockoptFailures() {
        byte[] none = new byte[16];
        assertThat(get(EOPNOTSUPP, 999, 5, none, 4, 4))
                .isEqualTo("getsockopt(3, 0x3e7 /* SOL_?? */, 5, 0x7ffd63189340, [4]) = -1 EOPNOTSUPP (Operation not supported)");
        assertThat(get(EINVAL, SOL_IP, 2, none, 0xffffffffL, 0xffffffffL))
                .isEqualTo("getsockopt(3, SOL_IP, IP_TTL, 0x7ffd63189340, [-1]) = -1 EINVAL (Invalid argument)");
        lines.memory.put(0x7ffd6318933cL, Bytes.of(4).u32(0, 4).get());
        assertThat(lines.line("getsockopt", EFAULT, 3, SOL_SOCKET, SO_RCVBUF, 1, 0x7ffd6318933cL))
                .isEqualTo("getsockopt(3, SOL_SOCKET, SO_RCVBUF, 0x1, [4]) = -1 EFAULT (Bad address)");
        assertThat(lines.line("getsockopt", EFAULT, 3, SOL_SOCKET, SO_RCVBUF, 0x7ffd63189340L, 1))
                .isEqualTo("getsockopt(3, SOL_SOCKET, SO_RCVBUF, 0x7ffd63189340, 0x1) = -1 EFAULT (Bad address)");
        assertThat(lines.entry("getsockopt", 3, SOL_SOCKET, SO_RCVBUF, 0x7ffd63189340L, 1)).isEqualTo("getsockopt(3, SOL_SOCKET, SO_RCVBUF, ");
    }
}
