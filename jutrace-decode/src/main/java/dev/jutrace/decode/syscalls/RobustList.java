package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;

/** set_robust_list(2), get_robust_list(2). */
final class RobustList {

    private RobustList() {}

    static void register(Registrar r) {
        r.add("set_robust_list", Decoder.atEntry(RobustList::setRobustList));
        r.add("get_robust_list", Decoder.split(RobustList::pidOnly, RobustList::getRobustList));
    }

    /** set_robust_list(struct robust_list_head *head, size_t len) */
    private static void setRobustList(long[] args, ArgWriter out) {
        long head = args[0], len = args[1];
        out.pointer(head);
        out.unsigned(len);
    }

    private static void pidOnly(long[] args, ArgWriter out) {
        long pid = args[0];
        out.int32(pid);
    }

    /** get_robust_list(int pid, struct robust_list_head **head_ptr, size_t *len_ptr): both filled by the kernel. */
    private static void getRobustList(long[] args, long ret, ArgWriter out) {
        long headPtr = args[1], lenPtr = args[2];
        boolean filled = !Errno.isError(ret);
        if (filled && out.fetch(headPtr, 8)) {
            out.beginArray();
            out.pointer(out.fetchedLong(0));
            out.endArray();
        } else {
            out.pointer(headPtr);
        }
        if (filled && out.fetch(lenPtr, 8)) {
            out.beginArray();
            out.unsigned(out.fetchedLong(0));
            out.endArray();
        } else {
            out.pointer(lenPtr);
        }
    }
}
