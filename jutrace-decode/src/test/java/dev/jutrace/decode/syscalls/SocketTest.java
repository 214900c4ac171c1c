package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class SocketTest {

    private static final long EFAULT = -14, EINVAL = -22, EISCONN = -106, EAFNOSUPPORT = -97, ENOTCONN = -107;
    private static final long AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;
    private static final long SOCK_CLOEXEC = 02000000, SOCK_NONBLOCK = 04000;
    private final Lines lines = new Lines();

    /** 127.0.0.1:8080, in a mapping longer than the struct as on a stack. */
    private long loopback(long address) {
        return lines.memory.put(address, Bytes.of(32).u16(0, 2).net16(2, 8080).bytes(4, 127, 0, 0, 1).get());
    }

    @Test
    void socket() {
        assertThat(lines.line("socket", 3, AF_INET, 1 | SOCK_CLOEXEC | SOCK_NONBLOCK, 6))
                .isEqualTo("socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_TCP) = 3");
        assertThat(lines.line("socket", 4, AF_INET6, 2, 0)).isEqualTo("socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 4");
        assertThat(lines.line("socket", 5, AF_UNIX, 5, 0)).isEqualTo("socket(AF_UNIX, SOCK_SEQPACKET, 0)      = 5");
        assertThat(lines.line("socket", 6, AF_NETLINK, 3, 0)).isEqualTo("socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 6");
        assertThat(lines.line("socket", 7, AF_INET, 3, 1)).isEqualTo("socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) = 7");
        assertThat(lines.line("socket", EINVAL, 99, 15 | 0x100, 77))
                .isEqualTo("socket(0x63 /* AF_??? */, 0x10f /* SOCK_??? */, 77) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("socket", -93, AF_INET, 1, 200))
                .isEqualTo("socket(AF_INET, SOCK_STREAM, 0xc8 /* IPPROTO_??? */) = -1 EPROTONOSUPPORT (Protocol not supported)");
        assertThat(lines.line("socket", -97, 0x1ffff, 1, 5))
                .isEqualTo("socket(0x1ffff /* AF_??? */, SOCK_STREAM, 5) = -1 EAFNOSUPPORT (Address family not supported by protocol)");
        assertThat(lines.line("socket", 3, AF_INET, 10, 0)).isEqualTo("socket(AF_INET, SOCK_PACKET, IPPROTO_IP) = 3");
    }

    @Test
    void packetSocketsTakeAnEthernetProtocolInNetworkOrder() {
        long AF_PACKET = 17;
        assertThat(lines.line("socket", 8, AF_PACKET, 3, 0x300)).isEqualTo("socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 8");
        assertThat(lines.line("socket", 3, AF_PACKET, 2, 0x0008)).isEqualTo("socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IP)) = 3");
        assertThat(lines.line("socket", 4, AF_PACKET, 2, 0x3412)).isEqualTo("socket(AF_PACKET, SOCK_DGRAM, htons(0x1234 /* ETH_P_??? */)) = 4");
        assertThat(lines.line("socket", 5, AF_PACKET, 2, 0xdd86)).isEqualTo("socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IPV6)) = 5");
        assertThat(lines.line("socket", 6, AF_PACKET, 2, 0x0608)).isEqualTo("socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ARP)) = 6");
        assertThat(lines.line("socket", 7, AF_PACKET, 2, 0)).isEqualTo("socket(AF_PACKET, SOCK_DGRAM, htons(0 /* ETH_P_??? */)) = 7");
    }

    @Test
    void socketTypeBitsNoTableNames() {
        assertThat(lines.line("socket", EINVAL, AF_INET, 15 | SOCK_CLOEXEC, 0))
                .isEqualTo("socket(AF_INET, SOCK_CLOEXEC|0xf, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("socket", EINVAL, AF_INET, 1 | 0x100, 0))
                .isEqualTo("socket(AF_INET, SOCK_STREAM|0x100 /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("socket", EINVAL, AF_INET, 1 | 0x100 | SOCK_CLOEXEC, 0))
                .isEqualTo("socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC|0x100, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void socketpair() {
        long sv = lines.memory.put(0x7ffd1000L, Bytes.of(8).u32(0, 11).u32(4, 12).get());
        assertThat(lines.line("socketpair", 0, AF_UNIX, 1, 0, sv)).isEqualTo("socketpair(AF_UNIX, SOCK_STREAM, 0, [11, 12]) = 0");
        assertThat(lines.entry("socketpair", AF_UNIX, 1, 0, sv)).isEqualTo("socketpair(AF_UNIX, SOCK_STREAM, 0, ");
        assertThat(lines.line("socketpair", EFAULT, AF_UNIX, 1, 0, 1))
                .isEqualTo("socketpair(AF_UNIX, SOCK_STREAM, 0, 0x1) = -1 EFAULT (Bad address)");
    }

    @Test
    void inetAddresses() {
        long in = loopback(0x7ffd10532ae0L);
        assertThat(lines.line("bind", 0, 3, in, 16))
                .isEqualTo("bind(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0");
        assertThat(lines.line("connect", 0, 3, in, 8)).isEqualTo("connect(3, {sa_family=AF_INET, sa_data=\"\\37\\220\\177\\0\\0\\1\"}, 8) = 0");
        assertThat(lines.line("connect", EISCONN, 3, in, 4))
                .isEqualTo("connect(3, {sa_family=AF_INET, sa_data=\"\\37\\220\"}, 4) = -1 EISCONN (Transport endpoint is already connected)");
        assertThat(lines.line("connect", EISCONN, 3, in, 20)).isEqualTo("connect(3, {sa_family=AF_INET, sin_port=htons(8080),"
                + " sin_addr=inet_addr(\"127.0.0.1\")}, 20) = -1 EISCONN (Transport endpoint is already connected)");
    }

    @Test
    void addressesThatDoNotPrint() {
        long in = loopback(0x7ffd10532ae0L);
        assertThat(lines.line("connect", EFAULT, 3, 1, 16)).isEqualTo("connect(3, 0x1, 16)                     = -1 EFAULT (Bad address)");
        assertThat(lines.line("connect", EINVAL, 3, 0, 0)).isEqualTo("connect(3, NULL, 0)                     = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("connect", EINVAL, 3, in, 1)).isEqualTo("connect(3, 0x7ffd10532ae0, 1)           = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("connect", EINVAL, 3, in, 0)).isEqualTo("connect(3, 0x7ffd10532ae0, 0)           = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("connect", EINVAL, 3, in, -1)).isEqualTo("connect(3, 0x7ffd10532ae0, -1)          = -1 EINVAL (Invalid argument)");
    }

    @Test
    void inet6Addresses() {
        Bytes base = Bytes.of(28).u16(0, 10).net16(2, 443).bytes(4, 0, 0, 0, 5).u32(24, 2);
        long loop = lines.memory.put(0x1000, base.bytes(8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1).get());
        assertThat(lines.line("connect", EISCONN, 3, loop, 28)).isEqualTo("connect(3, {sa_family=AF_INET6, sin6_port=htons(443),"
                + " sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=2}, 28)"
                + " = -1 EISCONN (Transport endpoint is already connected)");
        long mapped = lines.memory.put(0x2000, base.bytes(8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4).get());
        assertThat(lines.line("connect", EISCONN, 3, mapped, 28)).isEqualTo("connect(3, {sa_family=AF_INET6, sin6_port=htons(443),"
                + " sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"::ffff:1.2.3.4\", &sin6_addr), sin6_scope_id=2}, 28)"
                + " = -1 EISCONN (Transport endpoint is already connected)");
        assertThat(lines.line("connect", EISCONN, 3, mapped, 24)).isEqualTo("connect(3, {sa_family=AF_INET6, sin6_port=htons(443),"
                + " sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"::ffff:1.2.3.4\", &sin6_addr)}, 24)"
                + " = -1 EISCONN (Transport endpoint is already connected)");
        assertThat(lines.line("connect", EISCONN, 3, mapped, 20)).isEqualTo("connect(3, {sa_family=AF_INET6,"
                + " sa_data=\"\\1\\273\\0\\0\\0\\5\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\377\\377\"}, 20)"
                + " = -1 EISCONN (Transport endpoint is already connected)");
    }

    /** inet_ntop(3)'s forms, which strace prints: the longest zero run compressed, IPv4-compatible tails dotted. */
    @Test
    void inet6Text() {
        assertThat(inet6(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)).isEqualTo("fe80::1");
        assertThat(inet6(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1)).isEqualTo("2001:db8::1:0:0:1");
        assertThat(inet6(0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1)).isEqualTo("2001:db8:1:1:1:1:1:1");
        assertThat(inet6(0x20, 0x01, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1)).isEqualTo("2001:0:1:1:1:1:1:1");
        assertThat(inet6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).isEqualTo("::");
        assertThat(inet6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 4, 5)).isEqualTo("::2.3.4.5");
        assertThat(inet6(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).isEqualTo("1::");
        assertThat(inet6(0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1)).isEqualTo("1:0:0:1::1");
    }

    private String inet6(int... address) {
        long at = lines.memory.put(0x3000, Bytes.of(24).u16(0, 10).bytes(8, address).get());
        String line = lines.line("connect", 0, 3, at, 24);
        return line.substring(line.indexOf("AF_INET6, \"") + 11, line.indexOf("\", &"));
    }

    @Test
    void unixAddresses() {
        long path = lines.memory.put(0x7ffd1000L, Bytes.of(110).u16(0, 1).text(2, "/tmp/sock").get());
        assertThat(lines.line("connect", 0, 3, path, 110)).isEqualTo("connect(3, {sa_family=AF_UNIX, sun_path=\"/tmp/sock\"}, 110) = 0");
        assertThat(lines.line("connect", 0, 3, path, 11)).isEqualTo("connect(3, {sa_family=AF_UNIX, sun_path=\"/tmp/sock\"}, 11) = 0");
        assertThat(lines.line("connect", 0, 3, path, 12)).isEqualTo("connect(3, {sa_family=AF_UNIX, sun_path=\"/tmp/sock\"}, 12) = 0");
        assertThat(lines.line("connect", 0, 3, path, 2)).isEqualTo("connect(3, {sa_family=AF_UNIX}, 2)      = 0");
        long abstractName = lines.memory.put(0x7ffd2000L, Bytes.of(110).u16(0, 1).text(3, "abstract\n").get());
        assertThat(lines.line("connect", 0, 3, abstractName, 12))
                .isEqualTo("connect(3, {sa_family=AF_UNIX, sun_path=@\"abstract\\n\"}, 12) = 0");
        assertThat(lines.line("connect", 0, 3, abstractName, 110))
                .isEqualTo("connect(3, {sa_family=AF_UNIX, sun_path=@\"abstract\\n" + "\\0".repeat(98) + "\"}, 110) = 0");
        long full = lines.memory.put(0x7ffd3000L, Bytes.of(110).u16(0, 1).text(2, "x".repeat(108)).get());
        assertThat(lines.line("connect", 0, 3, full, 110))
                .isEqualTo("connect(3, {sa_family=AF_UNIX, sun_path=\"" + "x".repeat(108) + "\"}, 110) = 0");
    }

    @Test
    void netlinkAndUnknownFamilies() {
        long nl = lines.memory.put(0x1000, Bytes.of(12).u16(0, 16).u32(4, 123).u32(8, 5).get());
        assertThat(lines.line("bind", EINVAL, 3, nl, 12))
                .isEqualTo("bind(3, {sa_family=AF_NETLINK, nl_pid=123, nl_groups=0x000005}, 12) = -1 EINVAL (Invalid argument)");
        long odd = lines.memory.put(0x2000, Bytes.of(16).u16(0, 99).bytes(2, 1, 2, 'a', 'b', 'c').get());
        assertThat(lines.line("bind", EAFNOSUPPORT, 3, odd, 16)).isEqualTo("bind(3, {sa_family=0x63 /* AF_??? */,"
                + " sa_data=\"\\1\\2abc\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16) = -1 EAFNOSUPPORT (Address family not supported by protocol)");
        assertThat(lines.line("bind", EINVAL, 3, odd, 4))
                .isEqualTo("bind(3, {sa_family=0x63 /* AF_??? */, sa_data=\"\\1\\2\"}, 4) = -1 EINVAL (Invalid argument)");
        long unspec = lines.memory.put(0x3000, Bytes.of(16).bytes(2, 1, 2, 'a', 'b', 'c').get());
        assertThat(lines.line("bind", EAFNOSUPPORT, 3, unspec, 16)).isEqualTo("bind(3, {sa_family=AF_UNSPEC,"
                + " sa_data=\"\\1\\2abc\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16) = -1 EAFNOSUPPORT (Address family not supported by protocol)");
    }

    @Test
    void listenAndShutdown() {
        assertThat(lines.line("listen", 0, 4, 128)).isEqualTo("listen(4, 128)                          = 0");
        assertThat(lines.line("listen", EINVAL, 3, 0xffffffffL)).isEqualTo("listen(3, -1)                           = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("shutdown", 0, 3, 0)).isEqualTo("shutdown(3, SHUT_RD)                    = 0");
        assertThat(lines.line("shutdown", 0, 3, 2)).isEqualTo("shutdown(3, SHUT_RDWR)                  = 0");
        assertThat(lines.line("shutdown", EINVAL, 3, 7)).isEqualTo("shutdown(3, 0x7 /* SHUT_??? */)         = -1 EINVAL (Invalid argument)");
    }

    @Test
    void acceptPrintsTheAddressAndBothLengths() {
        long ss = 0x7fff23b328a0L, len = 0x7fff23b3289cL;
        lines.memory.put(len, Bytes.of(4).u32(0, 128).get());
        Runnable peer = () -> {
            lines.memory.put(ss, Bytes.of(128).u16(0, 2).net16(2, 55118).bytes(4, 127, 0, 0, 1).get());
            lines.memory.put(len, Bytes.of(4).u32(0, 16).get());
        };
        assertThat(lines.line("accept", 6, peer, 4, ss, len)).isEqualTo("accept(4, {sa_family=AF_INET, sin_port=htons(55118),"
                + " sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16]) = 6");
        assertThat(lines.entry("accept", 4, ss, len)).isEqualTo("accept(4, ");
        lines.memory.put(len, Bytes.of(4).u32(0, 8).get());
        assertThat(lines.line("accept4", 8, peer, 4, ss, len, SOCK_CLOEXEC))
                .isEqualTo("accept4(4, {sa_family=AF_INET, sa_data=\"\\327N\\177\\0\\0\\1\"}, [8 => 16], SOCK_CLOEXEC) = 8");
        lines.memory.put(len, Bytes.of(4).u32(0, 16).get());
        assertThat(lines.line("getpeername", 0, peer, 6, ss, len)).isEqualTo("getpeername(6, {sa_family=AF_INET, sin_port=htons(55118),"
                + " sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0");
    }

    @Test
    void acceptFailures() {
        long ss = 0x7ffd105329b0L, len = lines.memory.put(0x7ffd105329acL, Bytes.of(4).u32(0, 128).get());
        assertThat(lines.line("accept", EINVAL, 3, ss, len)).isEqualTo("accept(3, 0x7ffd105329b0, [128])        = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("accept", EINVAL, 3, 0, 0)).isEqualTo("accept(3, NULL, NULL)                   = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("accept4", EINVAL, 3, ss, len, SOCK_CLOEXEC | SOCK_NONBLOCK))
                .isEqualTo("accept4(3, 0x7ffd105329b0, [128], SOCK_CLOEXEC|SOCK_NONBLOCK) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("accept4", EINVAL, 3, ss, len, 0)).isEqualTo("accept4(3, 0x7ffd105329b0, [128], 0)    = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("accept4", EINVAL, 3, ss, len, 1))
                .isEqualTo("accept4(3, 0x7ffd105329b0, [128], 0x1 /* SOCK_??? */) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("getpeername", ENOTCONN, 4, ss, len))
                .isEqualTo("getpeername(4, 0x7ffd105329b0, [128])   = -1 ENOTCONN (Transport endpoint is not connected)");
        assertThat(lines.line("getsockname", EFAULT, 4, 1, len)).isEqualTo("getsockname(4, 0x1, [128])              = -1 EFAULT (Bad address)");
        assertThat(lines.line("getsockname", EFAULT, 4, ss, 1)).isEqualTo("getsockname(4, 0x7ffd105329b0, 0x1)     = -1 EFAULT (Bad address)");
    }

    @Test
    void aShortLengthPrintsWhatFits() {
        long ss = 0x7fff23b328a0L, len = lines.memory.put(0x7fff23b3289cL, Bytes.of(4).u32(0, 4).get());
        Runnable bound = () -> {
            lines.memory.put(ss, Bytes.of(128).u16(0, 2).net16(2, 38677).bytes(4, 127, 0, 0, 1).get());
            lines.memory.put(len, Bytes.of(4).u32(0, 16).get());
        };
        assertThat(lines.line("getsockname", 0, bound, 4, ss, len))
                .isEqualTo("getsockname(4, {sa_family=AF_INET, sa_data=\"\\227\\25\"}, [4 => 16]) = 0");
    }
}
