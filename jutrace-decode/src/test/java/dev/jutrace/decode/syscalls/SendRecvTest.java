package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class SendRecvTest {

    private static final long EFAULT = -14, EAGAIN = -11, EBADF = -9, ENOENT = -2;
    private static final long MSG_PEEK = 2, MSG_DONTWAIT = 0x40, MSG_NOSIGNAL = 0x4000, MSG_TRUNC = 0x20;
    private static final long MSG_CMSG_CLOEXEC = 0x40000000;
    private final Lines lines = new Lines();

    @Test
    void sendtoAndRecvfrom() {
        long hello = lines.memory.putRaw(0x5000, "hello");
        long in = lines.memory.put(0x6000, Bytes.of(16).u16(0, 2).net16(2, 38677).bytes(4, 127, 0, 0, 1).get());
        assertThat(lines.line("sendto", 5, 5, hello, 5, MSG_DONTWAIT | MSG_NOSIGNAL, 0, 0))
                .isEqualTo("sendto(5, \"hello\", 5, MSG_DONTWAIT|MSG_NOSIGNAL, NULL, 0) = 5");
        assertThat(lines.line("sendto", 5, 5, hello, 5, 0, in, 16)).isEqualTo("sendto(5, \"hello\", 5, 0, {sa_family=AF_INET,"
                + " sin_port=htons(38677), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 5");
        assertThat(lines.line("sendto", 5, 5, hello, 5, 0x40000, 0, 0)).isEqualTo("sendto(5, \"hello\", 5, MSG_BATCH, NULL, 0) = 5");
        long buf = lines.memory.putRaw(0x7fff23b32850L, "hellohellohello");
        assertThat(lines.line("recvfrom", 15, 6, buf, 64, 0, 0, 0)).isEqualTo("recvfrom(6, \"hellohellohello\", 64, 0, NULL, NULL) = 15");
        assertThat(lines.entry("recvfrom", 6, buf, 64, 0, 0, 0)).isEqualTo("recvfrom(6, ");
    }

    @Test
    void recvfromOnAStreamLeavesTheAddressEmpty() {
        long buf = lines.memory.putRaw(0x7fff23b32850L, "world");
        long ss = 0x7fff23b328a0L, len = lines.memory.put(0x7fff23b3289cL, Bytes.of(4).u32(0, 128).get());
        Runnable nothing = () -> lines.memory.put(len, Bytes.of(4).u32(0, 0).get());
        assertThat(lines.line("recvfrom", 5, nothing, 6, buf, 64, MSG_PEEK, ss, len))
                .isEqualTo("recvfrom(6, \"world\", 64, MSG_PEEK, 0x7fff23b328a0, [128 => 0]) = 5");
        assertThat(lines.line("recvfrom", EAGAIN, 6, buf, 3, 0, ss, len))
                .isEqualTo("recvfrom(6, 0x7fff23b32850, 3, 0, 0x7fff23b328a0, [0]) = -1 EAGAIN (Resource temporarily unavailable)");
    }

    /**
     * strace 6.1 also names the kernel-internal bits no installed header defines (MSG_PROBE for
     * 0x10, MSG_SENDPAGE_NOTLAST, MSG_NO_SHARED_FRAGS, MSG_CMSG_COMPAT); jutrace names 0x10 by
     * the header's MSG_PROXY and leaves the rest in the hex remainder.
     */
    @Test
    void everyMsgFlag() {
        assertThat(lines.line("sendto", EBADF, -1, 0x5000, 0, 0xffffffffL, 0, 0)).isEqualTo("sendto(-1, \"\", 0, MSG_OOB|MSG_PEEK"
                + "|MSG_DONTROUTE|MSG_CTRUNC|MSG_PROXY|MSG_TRUNC|MSG_DONTWAIT|MSG_EOR|MSG_WAITALL|MSG_FIN|MSG_SYN|MSG_CONFIRM|MSG_RST"
                + "|MSG_ERRQUEUE|MSG_NOSIGNAL|MSG_MORE|MSG_WAITFORONE|MSG_BATCH|MSG_ZEROCOPY|MSG_FASTOPEN|MSG_CMSG_CLOEXEC|0x9bfa0000,"
                + " NULL, 0) = -1 EBADF (Bad file descriptor)");
    }

    /** Two iovecs "abc" and "defgh" at 0x5000 and 0x5010. */
    private long iovecs() {
        lines.memory.putRaw(0x5000, "abc");
        lines.memory.putRaw(0x5010, "defgh");
        return lines.memory.put(0x6000, Bytes.of(32).u64(0, 0x5000).u64(8, 3).u64(16, 0x5010).u64(24, 5).get());
    }

    private long msghdr(long address, long name, long namelen, long iov, long iovlen, long control, long controllen, long flags) {
        return lines.memory.put(address, Bytes.of(56).u64(0, name).u32(8, namelen).u64(16, iov).u64(24, iovlen)
                .u64(32, control).u64(40, controllen).u32(48, flags).get());
    }

    @Test
    void sendmsgWithDescriptorsAndCredentials() {
        long iov = iovecs();
        long control = lines.memory.put(0x7000, Bytes.of(56).u64(0, 24).u32(8, 1).u32(12, 1).u32(16, 0).u32(20, 1)
                .u64(24, 28).u32(32, 1).u32(36, 2).u32(40, 4789).u32(44, 0).u32(48, 0).get());
        long rights = msghdr(0x8000, 0, 0, iov, 2, control, 24, 0);
        assertThat(lines.line("sendmsg", 8, 3, rights, MSG_DONTWAIT)).isEqualTo("sendmsg(3, {msg_name=NULL, msg_namelen=0,"
                + " msg_iov=[{iov_base=\"abc\", iov_len=3}, {iov_base=\"defgh\", iov_len=5}], msg_iovlen=2, msg_control=[{cmsg_len=24,"
                + " cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}], msg_controllen=24, msg_flags=0}, MSG_DONTWAIT) = 8");
        long both = msghdr(0x9000, 0, 0, iov, 2, control, 56, 0);
        assertThat(lines.line("sendmsg", 8, 3, both, 0)).isEqualTo("sendmsg(3, {msg_name=NULL, msg_namelen=0,"
                + " msg_iov=[{iov_base=\"abc\", iov_len=3}, {iov_base=\"defgh\", iov_len=5}], msg_iovlen=2, msg_control=[{cmsg_len=24,"
                + " cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}, {cmsg_len=28, cmsg_level=SOL_SOCKET,"
                + " cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=4789, uid=0, gid=0}}], msg_controllen=56, msg_flags=0}, 0) = 8");
    }

    @Test
    void sendmsgEdges() {
        long iov = iovecs();
        long empty = msghdr(0x8000, 0, 0, 0, 0, 0, 0, 0);
        assertThat(lines.line("sendmsg", 0, 3, empty, 0)).isEqualTo("sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL,"
                + " msg_iovlen=0, msg_controllen=0, msg_flags=0}, 0) = 0");
        assertThat(lines.line("sendmsg", EFAULT, 3, 1, 0)).isEqualTo("sendmsg(3, 0x1, 0)                      = -1 EFAULT (Bad address)");
        long un = lines.memory.put(0xa000, Bytes.of(110).u16(0, 1).text(2, "/nonexistent").get());
        long named = msghdr(0x9000, un, 110, iov, 1, 0, 0, MSG_TRUNC);
        assertThat(lines.line("sendmsg", ENOENT, 3, named, 0)).isEqualTo("sendmsg(3, {msg_name={sa_family=AF_UNIX,"
                + " sun_path=\"/nonexistent\"}, msg_namelen=110, msg_iov=[{iov_base=\"abc\", iov_len=3}], msg_iovlen=1,"
                + " msg_controllen=0, msg_flags=MSG_TRUNC}, 0) = -1 ENOENT (No such file or directory)");
        long badIov = msghdr(0xb000, 0, 0, 1, 2, 0, 0, 0);
        assertThat(lines.line("sendmsg", EBADF, -1, badIov, 0)).isEqualTo("sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=0x1,"
                + " msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = -1 EBADF (Bad file descriptor)");
        long badControl = msghdr(0xc000, 0, 0, iov, 1, 1, 16, 0);
        assertThat(lines.line("sendmsg", EBADF, -1, badControl, 0)).isEqualTo("sendmsg(-1, {msg_name=NULL, msg_namelen=0,"
                + " msg_iov=[{iov_base=\"abc\", iov_len=3}], msg_iovlen=1, msg_control=0x1, msg_controllen=16, msg_flags=0}, 0)"
                + " = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void onlyMinusSIovecsPrint() {
        lines.memory.putRaw(0x5000, "a");
        Bytes many = Bytes.of(40 * 16);
        for (int i = 0; i < 40; i++) {
            many.u64(16 * i, 0x5000).u64(16 * i + 8, 1);
        }
        long iov = lines.memory.put(0x6000, many.get());
        long msg = msghdr(0x8000, 0, 0, iov, 40, 0, 0, 0);
        assertThat(lines.line("sendmsg", EBADF, -1, msg, 0)).isEqualTo("sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=["
                + "{iov_base=\"a\", iov_len=1}, ".repeat(32) + "...], msg_iovlen=40, msg_controllen=0, msg_flags=0}, 0)"
                + " = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void recvmsgFillsTheIovecsInOrder() {
        lines.memory.putRaw(0x5000, "ab");
        lines.memory.putRaw(0x5010, "cdefgh");
        long iov = lines.memory.put(0x6000, Bytes.of(32).u64(0, 0x5000).u64(8, 2).u64(16, 0x5010).u64(24, 64).get());
        long control = 0x7000, ss = 0x7fff7eda61b0L;
        long msg = msghdr(0x8000, ss, 128, iov, 2, control, 256, 0);
        Runnable kernel = () -> {
            lines.memory.put(control, Bytes.of(56).u64(0, 28).u32(8, 1).u32(12, 2).u32(16, 4789).u32(20, 0).u32(24, 0)
                    .u64(32, 24).u32(40, 1).u32(44, 1).u32(48, 7).u32(52, 8).get());
            msghdr(0x8000, ss, 0, iov, 2, control, 56, MSG_CMSG_CLOEXEC);
        };
        assertThat(lines.line("recvmsg", 8, kernel, 4, msg, MSG_CMSG_CLOEXEC)).isEqualTo("recvmsg(4, {msg_name=0x7fff7eda61b0,"
                + " msg_namelen=128 => 0, msg_iov=[{iov_base=\"ab\", iov_len=2}, {iov_base=\"cdefgh\", iov_len=64}], msg_iovlen=2,"
                + " msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=4789, uid=0, gid=0}},"
                + " {cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[7, 8]}], msg_controllen=56,"
                + " msg_flags=MSG_CMSG_CLOEXEC}, MSG_CMSG_CLOEXEC) = 8");
        assertThat(lines.entry("recvmsg", 4, msg, MSG_CMSG_CLOEXEC)).isEqualTo("recvmsg(4, ");
        long eof = msghdr(0x9000, ss, 0, iov, 2, control, 32, 0);
        assertThat(lines.line("recvmsg", 0, 4, eof, MSG_DONTWAIT)).isEqualTo("recvmsg(4, {msg_name=0x7fff7eda61b0, msg_namelen=0,"
                + " msg_iov=[{iov_base=\"\", iov_len=2}, {iov_base=\"\", iov_len=64}], msg_iovlen=2, msg_control=[{cmsg_len=28,"
                + " cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=4789, uid=0, gid=0}}], msg_controllen=32,"
                + " msg_flags=0}, MSG_DONTWAIT) = 0");
    }

    @Test
    void recvmsgFailures() {
        long iov = lines.memory.put(0x6000, Bytes.of(16).u64(0, 0x5000).u64(8, 8).get());
        long msg = msghdr(0x8000, 0, 0, iov, 1, 0, 0, 0);
        assertThat(lines.line("recvmsg", EAGAIN, 4, msg, MSG_DONTWAIT))
                .isEqualTo("recvmsg(4, {msg_namelen=0}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(lines.line("recvmsg", EFAULT, 4, 1, MSG_DONTWAIT)).isEqualTo("recvmsg(4, 0x1, MSG_DONTWAIT)           = -1 EFAULT (Bad address)");
    }

    @Test
    void mmsg() {
        long iov = iovecs();
        Bytes vec = Bytes.of(128);
        vec.u64(16, iov).u64(24, 1).u32(56, 3);
        vec.u64(64 + 16, iov + 16).u64(64 + 24, 1).u32(64 + 56, 5);
        long msgvec = lines.memory.put(0x9000, vec.get());
        assertThat(lines.line("sendmmsg", 2, 3, msgvec, 2, MSG_DONTWAIT)).isEqualTo("sendmmsg(3, [{msg_hdr={msg_name=NULL,"
                + " msg_namelen=0, msg_iov=[{iov_base=\"abc\", iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3},"
                + " {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"defgh\", iov_len=5}], msg_iovlen=1, msg_controllen=0,"
                + " msg_flags=0}, msg_len=5}], 2, MSG_DONTWAIT) = 2");
        assertThat(lines.line("sendmmsg", EFAULT, 3, 1, 2, 0)).isEqualTo("sendmmsg(3, 0x1, 2, 0)                  = -1 EFAULT (Bad address)");
        lines.memory.putRaw(0x5000, "abc\0\0\0\0\0");
        lines.memory.putRaw(0x5010, "defgh\0\0\0");
        long riov = lines.memory.put(0xa000, Bytes.of(32).u64(0, 0x5000).u64(8, 8).u64(16, 0x5010).u64(24, 8).get());
        Bytes rvec = Bytes.of(192);
        rvec.u64(16, riov).u64(24, 1).u32(48, 8).u32(56, 3);
        rvec.u64(64 + 16, riov + 16).u64(64 + 24, 1).u32(64 + 48, 8).u32(64 + 56, 5);
        long rmsgvec = lines.memory.put(0xb000, rvec.get());
        assertThat(lines.line("recvmmsg", 2, 4, rmsgvec, 3, MSG_DONTWAIT, 0)).isEqualTo("recvmmsg(4, [{msg_hdr={msg_name=NULL,"
                + " msg_namelen=0, msg_iov=[{iov_base=\"abc\", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_CTRUNC},"
                + " msg_len=3}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"defgh\", iov_len=8}], msg_iovlen=1,"
                + " msg_controllen=0, msg_flags=MSG_CTRUNC}, msg_len=5}], 3, MSG_DONTWAIT, NULL) = 2");
        long ts = lines.memory.putLongs(0xc000, 0, 1000);
        assertThat(lines.entry("recvmmsg", 4, rmsgvec, 3, MSG_DONTWAIT, 0)).isEqualTo("recvmmsg(4, ");
        assertThat(lines.line("recvmmsg", EAGAIN, 4, 0x7fff7eda6070L, 3, MSG_DONTWAIT, ts)).isEqualTo("recvmmsg(4, 0x7fff7eda6070, 3,"
                + " MSG_DONTWAIT, {tv_sec=0, tv_nsec=1000}) = -1 EAGAIN (Resource temporarily unavailable)");
    }

    /** Every control message prints, but only -s descriptors of one. */
    @Test
    void controlMessagesAndTheirDescriptors() {
        lines.memory.putRaw(0x5000, "a");
        long iov = lines.memory.put(0x6000, Bytes.of(16).u64(0, 0x5000).u64(8, 1).get());
        Bytes many = Bytes.of(40 * 16);
        for (int i = 0; i < 40; i++) {
            many.u64(16 * i, 16).u32(16 * i + 8, 1).u32(16 * i + 12, 1);
        }
        long control = lines.memory.put(0x7000, many.get());
        long msg = msghdr(0x8000, 0, 0, iov, 1, control, 40 * 16, 0);
        assertThat(lines.line("sendmsg", EBADF, -1, msg, 0)).isEqualTo("sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"a\","
                + " iov_len=1}], msg_iovlen=1, msg_control=[" + "{cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, ".repeat(39)
                + "{cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}], msg_controllen=640, msg_flags=0}, 0) = -1 EBADF (Bad file descriptor)");
        Bytes fds = Bytes.of(16 + 40 * 4).u64(0, 16 + 40 * 4).u32(8, 1).u32(12, 1);
        long wide = lines.memory.put(0x9000, fds.get());
        long rights = msghdr(0xa000, 0, 0, iov, 1, wide, 16 + 40 * 4, 0);
        assertThat(lines.line("sendmsg", EBADF, -1, rights, 0)).isEqualTo("sendmsg(-1, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"a\","
                + " iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=176, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=["
                + "0, ".repeat(32) + "...]}], msg_controllen=176, msg_flags=0}, 0) = -1 EBADF (Bad file descriptor)");
    }

    /** The timeout prints as passed, and what the kernel left of it after the return value. */
    @Test
    void recvmmsgTimeout() {
        lines.memory.putRaw(0x5000, "abc\0\0\0\0\0");
        long riov = lines.memory.put(0xa000, Bytes.of(16).u64(0, 0x5000).u64(8, 8).get());
        long rmsgvec = lines.memory.put(0xb000, Bytes.of(64).u64(16, riov).u64(24, 1).u32(56, 3).get());
        long ts = lines.memory.putLongs(0xc000, 1, 0);
        Runnable kernel = () -> lines.memory.putLongs(0xc000, 0, 999994335);
        assertThat(lines.line("recvmmsg", 1, kernel, 4, rmsgvec, 3, MSG_DONTWAIT, ts)).isEqualTo("recvmmsg(4, [{msg_hdr={msg_name=NULL,"
                + " msg_namelen=0, msg_iov=[{iov_base=\"abc\", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}], 3,"
                + " MSG_DONTWAIT, {tv_sec=1, tv_nsec=0}) = 1 (left {tv_sec=0, tv_nsec=999994335})");
        assertThat(lines.line("recvmmsg", EFAULT, 4, rmsgvec, 3, 0, 1))
                .isEqualTo("recvmmsg(4, 0xb000, 3, 0, 0x1)          = -1 EFAULT (Bad address)");
    }
}
