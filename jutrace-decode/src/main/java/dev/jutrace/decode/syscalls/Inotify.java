package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** inotify_init(2), inotify_init1(2), inotify_add_watch(2), inotify_rm_watch(2). */
final class Inotify {

    private static final Xlat INIT_FLAGS = Xlat.load("inotify_init_flags");
    private static final Xlat EVENTS = Xlat.load("inotify_events");

    private Inotify() {}

    static void register(Registrar r) {
        r.add("inotify_init", Decoder.atEntry((args, out) -> {}));
        r.add("inotify_init1", Decoder.atEntry(Inotify::inotifyInit1));
        r.add("inotify_add_watch", Decoder.atEntry(Inotify::inotifyAddWatch));
        r.add("inotify_rm_watch", Decoder.atEntry(Inotify::inotifyRmWatch));
    }

    /** inotify_init1(int flags) */
    private static void inotifyInit1(long[] args, ArgWriter out) {
        long flags = args[0];
        out.flags(INIT_FLAGS, flags & 0xffff_ffffL);
    }

    /** inotify_add_watch(int fd, const char *pathname, uint32_t mask) */
    private static void inotifyAddWatch(long[] args, ArgWriter out) {
        long fd = args[0], pathname = args[1], mask = args[2];
        out.fd(fd);
        out.path(pathname);
        out.flags(EVENTS, mask & 0xffff_ffffL);
    }

    /** inotify_rm_watch(int fd, int wd) */
    private static void inotifyRmWatch(long[] args, ArgWriter out) {
        long fd = args[0], wd = args[1];
        out.fd(fd);
        out.int32(wd);
    }
}
