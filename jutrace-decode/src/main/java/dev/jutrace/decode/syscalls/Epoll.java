package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * epoll_create(2), epoll_create1(2), epoll_ctl(2), epoll_wait(2), epoll_pwait(2),
 * epoll_pwait2(2). The events a wait returns are the kernel's to fill, so they print at exit.
 */
final class Epoll {

    private static final Xlat EVENTS = Xlat.load("epoll_events");
    private static final Xlat OPS = Xlat.load("epoll_ctl_ops");
    private static final Xlat CREATE_FLAGS = Xlat.load("epoll_create_flags");
    /** struct epoll_event is packed on x86_64: u32 events, then the u64 data at offset 4. */
    private static final int EVENT_SIZE = 12;

    private Epoll() {}

    static void register(Registrar r) {
        r.add("epoll_create", Decoder.atEntry(Epoll::epollCreate));
        r.add("epoll_create1", Decoder.atEntry(Epoll::epollCreate1));
        r.add("epoll_ctl", Decoder.atEntry(Epoll::epollCtl));
        r.add("epoll_wait", Decoder.split(Epoll::epfdOnly, Epoll::epollWait));
        r.add("epoll_pwait", Decoder.split(Epoll::epfdOnly, Epoll::epollPwait));
        r.add("epoll_pwait2", Decoder.split(Epoll::epfdOnly, Epoll::epollPwait2));
    }

    /** epoll_create(int size) */
    private static void epollCreate(long[] args, ArgWriter out) {
        long size = args[0];
        out.int32(size);
    }

    /** epoll_create1(int flags) */
    private static void epollCreate1(long[] args, ArgWriter out) {
        long flags = args[0];
        out.flags(CREATE_FLAGS, flags & 0xffff_ffffL);
    }

    /** epoll_ctl(int epfd, int op, int fd, struct epoll_event *event) */
    private static void epollCtl(long[] args, ArgWriter out) {
        long epfd = args[0], op = args[1], fd = args[2], event = args[3];
        out.fd(epfd);
        out.value(OPS, op & 0xffff_ffffL);
        out.fd(fd);
        if (event == 0 || !out.fetch(event, EVENT_SIZE)) {
            out.pointer(event);
        } else {
            event(out);
        }
    }

    private static void epfdOnly(long[] args, ArgWriter out) {
        long epfd = args[0];
        out.fd(epfd);
    }

    /** epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout), after epfd. */
    private static void epollWait(long[] args, long ret, ArgWriter out) {
        long events = args[1], maxevents = args[2], timeout = args[3];
        events(events, ret, out);
        out.int32(maxevents);
        out.int32(timeout);
    }

    /** epoll_pwait(int epfd, struct epoll_event *events, int maxevents, int timeout, const sigset_t *sigmask, size_t sigsetsize) */
    private static void epollPwait(long[] args, long ret, ArgWriter out) {
        long sigmask = args[4], sigsetsize = args[5];
        epollWait(args, ret, out);
        Poll.sigset(sigmask, sigsetsize, out);
        out.unsigned(sigsetsize);
    }

    /** epoll_pwait2(int epfd, struct epoll_event *events, int maxevents, const struct timespec *timeout, const sigset_t *sigmask, size_t sigsetsize) */
    private static void epollPwait2(long[] args, long ret, ArgWriter out) {
        long events = args[1], maxevents = args[2], timeout = args[3], sigmask = args[4], sigsetsize = args[5];
        events(events, ret, out);
        out.int32(maxevents);
        Times.timespec(timeout, out);
        Poll.sigset(sigmask, sigsetsize, out);
        out.unsigned(sigsetsize);
    }

    /** The {@code ret} events the kernel wrote; none is {@code []} whatever the pointer. */
    private static void events(long address, long ret, ArgWriter out) {
        if (Errno.isError(ret) || (ret > 0 && !out.fetch(address, EVENT_SIZE))) {
            out.pointer(address);
            return;
        }
        int limit = out.options().stringLimit();
        out.beginArray();
        for (long i = 0; i < ret; i++) {
            if (i == limit || !out.fetch(address + i * EVENT_SIZE, EVENT_SIZE)) {
                out.ellipsis();
                break;
            }
            event(out);
        }
        out.endArray();
    }

    /** The fetched struct epoll_event; strace shows its data both as u32 and u64. */
    private static void event(ArgWriter out) {
        long events = out.fetchedUint32(0), data = out.fetchedLong(4);
        out.beginStruct();
        out.field("events");
        out.flags(EVENTS, events);
        out.field("data");
        out.beginStruct();
        out.field("u32");
        out.uint32(data);
        out.field("u64");
        out.unsigned(data);
        out.endStruct();
        out.endStruct();
    }
}
