package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;

/**
 * sendto(2), recvfrom(2), sendmsg(2), recvmsg(2), sendmmsg(2), recvmmsg(2). What is sent
 * prints at entry; what is received, and sendmmsg's per-message counts, only at exit.
 */
final class SendRecv {

    /** x86_64 struct mmsghdr: a msghdr, then msg_len, padded to 64 bytes. */
    private static final int MMSGHDR_SIZE = 64;
    private static final int MSG_LEN = 56;
    private static final int MSG_NAMELEN = 8;
    /** A saved tv_nsec no readable timespec holds: the timeout could not be read at entry. */
    private static final long UNREAD = Long.MIN_VALUE;

    private SendRecv() {}

    static void register(Registrar r) {
        r.add("sendto", Decoder.atEntry(SendRecv::sendto));
        r.add("recvfrom", Decoder.split(SendRecv::recvfromEntry, SendRecv::recvfrom));
        r.add("sendmsg", Decoder.atEntry(SendRecv::sendmsg));
        r.add("recvmsg", Decoder.split(SendRecv::recvmsgEntry, SendRecv::recvmsg));
        r.add("sendmmsg", Decoder.split(SendRecv::fdOnly, SendRecv::sendmmsg));
        r.add("recvmmsg", Decoder.annotated(SendRecv::recvmmsgEntry, SendRecv::recvmmsg, SendRecv::recvmmsgLeft));
    }

    private static void fdOnly(long[] args, ArgWriter out) {
        long sockfd = args[0];
        out.fd(sockfd);
    }

    /** sendto(int sockfd, const void *buf, size_t len, int flags, const struct sockaddr *dest_addr, socklen_t addrlen) */
    private static void sendto(long[] args, ArgWriter out) {
        long sockfd = args[0], buf = args[1], len = args[2], flags = args[3], destAddr = args[4], addrlen = args[5];
        out.fd(sockfd);
        out.buffer(buf, len);
        out.unsigned(len);
        out.flags(Msghdr.MSG_FLAGS, flags & 0xffff_ffffL);
        SockAddr.print(destAddr, addrlen, out);
        out.int32(addrlen);
    }

    /** recvfrom(int sockfd, void *buf, size_t len, int flags, struct sockaddr *src_addr, socklen_t *addrlen) */
    private static void recvfromEntry(long[] args, ArgWriter out) {
        long sockfd = args[0], addrlen = args[5];
        out.fd(sockfd);
        SockAddr.saveLength(args, addrlen, out);
    }

    private static void recvfrom(long[] args, long ret, ArgWriter out) {
        long buf = args[1], len = args[2], flags = args[3], srcAddr = args[4], addrlen = args[5];
        ReadWrite.received(buf, ret, out);
        out.unsigned(len);
        out.flags(Msghdr.MSG_FLAGS, flags & 0xffff_ffffL);
        SockAddr.printFilled(args, ret, srcAddr, addrlen, out);
    }

    /** sendmsg(int sockfd, const struct msghdr *msg, int flags) */
    private static void sendmsg(long[] args, ArgWriter out) {
        long sockfd = args[0], msg = args[1], flags = args[2];
        out.fd(sockfd);
        Msghdr.print(msg, -1, -1, out);
        out.flags(Msghdr.MSG_FLAGS, flags & 0xffff_ffffL);
    }

    /** recvmsg(int sockfd, struct msghdr *msg, int flags): msg_namelen is kept, as the kernel rewrites it. */
    private static void recvmsgEntry(long[] args, ArgWriter out) {
        long sockfd = args[0], msg = args[1];
        out.fd(sockfd);
        args[Decoder.SAVED] = msg != 0 && out.fetch(msg + MSG_NAMELEN, 4) ? out.fetchedUint32(0) : -1;
    }

    private static void recvmsg(long[] args, long ret, ArgWriter out) {
        long msg = args[1], flags = args[2];
        long namelen = args[Decoder.SAVED];
        if (!Errno.isError(ret)) {
            Msghdr.print(msg, ret, namelen, out);
        } else if (namelen < 0) {
            out.pointer(msg);
        } else {
            // The kernel filled nothing; strace shows the one field it read, {msg_namelen=0}.
            out.beginStruct();
            out.field("msg_namelen");
            out.uint32(namelen);
            out.endStruct();
        }
        out.flags(Msghdr.MSG_FLAGS, flags & 0xffff_ffffL);
    }

    /** sendmmsg(int sockfd, struct mmsghdr *msgvec, unsigned int vlen, int flags): the messages sent, with their msg_len. */
    private static void sendmmsg(long[] args, long ret, ArgWriter out) {
        long msgvec = args[1], vlen = args[2], flags = args[3];
        messages(msgvec, ret, false, out);
        out.uint32(vlen);
        out.flags(Msghdr.MSG_FLAGS, flags & 0xffff_ffffL);
    }

    /**
     * recvmmsg(int sockfd, struct mmsghdr *msgvec, unsigned int vlen, int flags, struct timespec *timeout).
     * The kernel counts the timeout down; strace shows it as passed, so it is kept at entry,
     * and what is left follows the return value.
     */
    private static void recvmmsgEntry(long[] args, ArgWriter out) {
        long sockfd = args[0], timeout = args[4];
        out.fd(sockfd);
        boolean readable = timeout != 0 && out.fetch(timeout, 16);
        args[Decoder.SAVED] = readable ? out.fetchedLong(0) : 0;
        args[Decoder.SAVED + 1] = readable ? out.fetchedLong(8) : UNREAD;
    }

    private static void recvmmsg(long[] args, long ret, ArgWriter out) {
        long msgvec = args[1], vlen = args[2], flags = args[3], timeout = args[4];
        messages(msgvec, ret, true, out);
        out.uint32(vlen);
        out.flags(Msghdr.MSG_FLAGS, flags & 0xffff_ffffL);
        if (timeout == 0 || args[Decoder.SAVED + 1] == UNREAD) {
            out.pointer(timeout);
        } else {
            Times.timespecFields(args[Decoder.SAVED], args[Decoder.SAVED + 1], out);
        }
    }

    private static void recvmmsgLeft(long[] args, long ret, ArgWriter out) {
        long timeout = args[4];
        if (timeout != 0) {
            out.label("left");
            Times.timespec(timeout, out);
        }
    }

    /** The {@code ret} messages the call handled; a received message's buffers show its msg_len bytes. */
    private static void messages(long msgvec, long ret, boolean received, ArgWriter out) {
        if (Errno.isError(ret) || msgvec == 0) {
            out.pointer(msgvec);
            return;
        }
        int limit = out.options().stringLimit();
        out.beginArray();
        for (long i = 0; i < ret; i++) {
            long address = msgvec + i * MMSGHDR_SIZE;
            if (i == limit || !out.fetch(address + MSG_LEN, 4)) {
                out.ellipsis();
                break;
            }
            long msgLen = out.fetchedUint32(0);
            out.beginStruct();
            out.field("msg_hdr");
            Msghdr.print(address, received ? msgLen : -1, -1, out);
            out.field("msg_len");
            out.uint32(msgLen);
            out.endStruct();
        }
        out.endArray();
    }
}
