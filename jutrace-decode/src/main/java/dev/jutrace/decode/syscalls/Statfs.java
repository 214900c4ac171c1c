package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** statfs(2), fstatfs(2): struct statfs, which the kernel fills, prints whole at exit. */
final class Statfs {

    private static final Xlat MAGIC = Xlat.load("fs_magic");
    private static final Xlat FLAGS = Xlat.load("statfs_flags");
    /** x86_64 struct statfs: eleven longs but f_fsid, two ints, then spare room; 120 bytes. */
    private static final int SIZE = 120;

    private Statfs() {}

    static void register(Registrar r) {
        r.add("statfs", Decoder.split(Statfs::pathOnly, Statfs::statfs));
        r.add("fstatfs", Decoder.split(Statfs::fdOnly, Statfs::statfs));
    }

    private static void pathOnly(long[] args, ArgWriter out) {
        long path = args[0];
        out.path(path);
    }

    private static void fdOnly(long[] args, ArgWriter out) {
        long fd = args[0];
        out.fd(fd);
    }

    /** statfs(const char *path, struct statfs *buf), and fstatfs's alike, after the first. */
    private static void statfs(long[] args, long ret, ArgWriter out) {
        long buf = args[1];
        if (Errno.isError(ret) || buf == 0 || !out.fetch(buf, SIZE)) {
            out.pointer(buf);
            return;
        }
        long type = out.fetchedLong(0), bsize = out.fetchedLong(8), blocks = out.fetchedLong(16);
        long bfree = out.fetchedLong(24), bavail = out.fetchedLong(32), files = out.fetchedLong(40);
        long ffree = out.fetchedLong(48), fsid0 = out.fetchedUint32(56), fsid1 = out.fetchedUint32(60);
        long namelen = out.fetchedLong(64), frsize = out.fetchedLong(72), flags = out.fetchedLong(80);
        out.beginStruct();
        out.field("f_type");
        out.value(MAGIC, type);
        out.field("f_bsize");
        out.signed(bsize);
        out.field("f_blocks");
        out.unsigned(blocks);
        out.field("f_bfree");
        out.unsigned(bfree);
        out.field("f_bavail");
        out.unsigned(bavail);
        out.field("f_files");
        out.unsigned(files);
        out.field("f_ffree");
        out.unsigned(ffree);
        out.field("f_fsid");
        out.beginStruct();
        out.field("val");
        out.beginArray();
        out.hex(fsid0);
        out.hex(fsid1);
        out.endArray();
        out.endStruct();
        out.field("f_namelen");
        out.signed(namelen);
        out.field("f_frsize");
        out.signed(frsize);
        out.field("f_flags");
        out.flags(FLAGS, flags);
        out.endStruct();
    }
}
