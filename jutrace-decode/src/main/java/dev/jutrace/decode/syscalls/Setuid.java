package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;

/**
 * The credential calls: setuid(2) and setgid(2) with their re, res and fs variants,
 * getresuid(2), getresgid(2), setgroups(2), getgroups(2). Ids print as C's int, so "unchanged"
 * shows as -1, as strace shows it.
 */
final class Setuid {

    private Setuid() {}

    static void register(Registrar r) {
        for (String name : new String[] {"setuid", "setgid", "setfsuid", "setfsgid"}) {
            r.add(name, Decoder.atEntry(Setuid::one));
        }
        r.add("setreuid", Decoder.atEntry(Setuid::two));
        r.add("setregid", Decoder.atEntry(Setuid::two));
        r.add("setresuid", Decoder.atEntry(Setuid::three));
        r.add("setresgid", Decoder.atEntry(Setuid::three));
        r.add("getresuid", Decoder.split((args, out) -> {}, Setuid::getres));
        r.add("getresgid", Decoder.split((args, out) -> {}, Setuid::getres));
        r.add("setgroups", Decoder.atEntry(Setuid::setgroups));
        r.add("getgroups", Decoder.split(Setuid::sizeOnly, Setuid::getgroups));
    }

    /** setuid(uid_t uid), setgid(gid_t gid), setfsuid(uid_t fsuid), setfsgid(gid_t fsgid) */
    private static void one(long[] args, ArgWriter out) {
        long id = args[0];
        out.int32(id);
    }

    /** setreuid(uid_t ruid, uid_t euid), setregid(gid_t rgid, gid_t egid) */
    private static void two(long[] args, ArgWriter out) {
        long real = args[0], effective = args[1];
        out.int32(real);
        out.int32(effective);
    }

    /** setresuid(uid_t ruid, uid_t euid, uid_t suid), setresgid's alike */
    private static void three(long[] args, ArgWriter out) {
        long real = args[0], effective = args[1], saved = args[2];
        out.int32(real);
        out.int32(effective);
        out.int32(saved);
    }

    /** getresuid(uid_t *ruid, uid_t *euid, uid_t *suid), getresgid's alike: each filled by the kernel. */
    private static void getres(long[] args, long ret, ArgWriter out) {
        for (int i = 0; i < 3; i++) {
            long address = args[i];
            if (Errno.isError(ret) || address == 0 || !out.fetch(address, 4)) {
                out.pointer(address);
            } else {
                int id = out.fetchedInt32(0);
                out.beginArray();
                out.int32(id);
                out.endArray();
            }
        }
    }

    /** setgroups(size_t size, const gid_t *list) */
    private static void setgroups(long[] args, ArgWriter out) {
        long size = args[0], list = args[1];
        out.int32(size);
        groups(list, (int) size, out);
    }

    private static void sizeOnly(long[] args, ArgWriter out) {
        long size = args[0];
        out.int32(size);
    }

    /** getgroups(int size, gid_t list[]), after the size: as many groups as it returned, none when size is 0. */
    private static void getgroups(long[] args, long ret, ArgWriter out) {
        long size = args[0], list = args[1];
        if (Errno.isError(ret) || ((int) size == 0 && list == 0)) {
            out.pointer(list);
        } else if ((int) size == 0) {
            // Asked only for the count: nothing was written, and strace shows the empty array.
            out.beginArray();
            out.endArray();
        } else {
            groups(list, (int) ret, out);
        }
    }

    /** A gid_t array, at most -s of its elements. */
    private static void groups(long list, int count, ArgWriter out) {
        if (list == 0 || count < 0 || (count > 0 && !out.fetch(list, 4))) {
            out.pointer(list);
            return;
        }
        int shown = Math.min(count, out.options().stringLimit());
        if (shown > 0 && !out.fetch(list, 4 * shown)) {
            out.pointer(list);
            return;
        }
        out.beginArray();
        for (int i = 0; i < shown; i++) {
            out.int32(out.fetchedInt32(4 * i));
        }
        if (count > shown) {
            out.ellipsis();
        }
        out.endArray();
    }
}
