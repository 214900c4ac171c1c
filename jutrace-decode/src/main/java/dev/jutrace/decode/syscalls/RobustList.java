package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;

/** set_robust_list(2). */
final class RobustList {

    private RobustList() {}

    static void register(Registrar r) {
        r.add("set_robust_list", Decoder.atEntry(RobustList::setRobustList));
    }

    /** set_robust_list(struct robust_list_head *head, size_t len) */
    private static void setRobustList(long[] args, ArgWriter out) {
        long head = args[0], len = args[1];
        out.pointer(head);
        out.unsigned(len);
    }
}
