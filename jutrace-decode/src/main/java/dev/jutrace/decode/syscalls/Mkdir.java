package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;

/**
 * mkdir(2), mkdirat(2), mknod(2), mknodat(2). mknod's device number only prints for the file
 * types that have one, character and block devices.
 */
final class Mkdir {

    private Mkdir() {}

    static void register(Registrar r) {
        r.add("mkdir", Decoder.atEntry(Mkdir::mkdir));
        r.add("mkdirat", Decoder.atEntry(Mkdir::mkdirat));
        r.add("mknod", Decoder.atEntry(Mkdir::mknod));
        r.add("mknodat", Decoder.atEntry(Mkdir::mknodat));
    }

    /** mkdir(const char *pathname, mode_t mode) */
    private static void mkdir(long[] args, ArgWriter out) {
        long pathname = args[0], mode = args[1];
        out.path(pathname);
        out.mode(Open.umode(mode));
    }

    /** mkdirat(int dirfd, const char *pathname, mode_t mode) */
    private static void mkdirat(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1], mode = args[2];
        out.dirfd(dirfd);
        out.path(pathname);
        out.mode(Open.umode(mode));
    }

    /** mknod(const char *pathname, mode_t mode, dev_t dev) */
    private static void mknod(long[] args, ArgWriter out) {
        long pathname = args[0], mode = args[1], dev = args[2];
        out.path(pathname);
        modeAndDevice(Open.umode(mode), dev, out);
    }

    /** mknodat(int dirfd, const char *pathname, mode_t mode, dev_t dev) */
    private static void mknodat(long[] args, ArgWriter out) {
        long dirfd = args[0], pathname = args[1], mode = args[2], dev = args[3];
        out.dirfd(dirfd);
        out.path(pathname);
        modeAndDevice(Open.umode(mode), dev, out);
    }

    private static void modeAndDevice(long mode, long dev, ArgWriter out) {
        Stat.printMode(mode, out);
        long type = mode & Stat.S_IFMT;
        if (type == Stat.S_IFCHR || type == Stat.S_IFBLK) {
            // The kernel takes an unsigned int and splits it as new_decode_dev does, like glibc.
            long d = dev & 0xffff_ffffL;
            out.makedev(d, Stat.major(d), Stat.minor(d));
        }
    }
}
