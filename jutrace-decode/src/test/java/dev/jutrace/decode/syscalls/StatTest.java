package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class StatTest {

    private static final long AT_FDCWD = -100, ENOENT = -2, EBADF = -9, EFAULT = -14, EINVAL = -22;
    private final Lines lines = new Lines();
    private final long passwd = lines.memory.putString(0x1000, "/etc/passwd");
    private final long empty = lines.memory.putString(0x2000, "");
    private final long tmp = lines.memory.putString(0x3000, "/tmp");
    private final long devNull = lines.memory.putString(0x4000, "/dev/null");

    /** An x86_64 struct stat at {@code address} with this mode, device number and size. */
    private long putStat(long address, int mode, long rdev, long size) {
        ByteBuffer b = ByteBuffer.allocate(144).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 0x803);
        b.putLong(8, 1234567);
        b.putLong(16, 1);
        b.putInt(24, mode);
        b.putLong(40, rdev);
        b.putLong(48, size);
        b.putLong(56, 4096);
        return lines.memory.put(address, b.array());
    }

    @Test
    void theDynamicLinkerStatsAnOpenLibrary() {
        long st = putStat(0x7ffdd39a65a0L, 0100755, 0, 1926232);
        assertThat(lines.line("newfstatat", 0, 3, empty, st, 0x1000))
                .isEqualTo("newfstatat(3, \"\", {st_mode=S_IFREG|0755, st_size=1926232, ...}, AT_EMPTY_PATH) = 0");
        assertThat(lines.entry("newfstatat", 3, empty, st, 0x1000)).isEqualTo("newfstatat(3, \"\", ");
        assertThat(lines.resumed("newfstatat", 0, 3, empty, st, 0x1000))
                .isEqualTo("<... newfstatat resumed>{st_mode=S_IFREG|0755, st_size=1926232, ...}, AT_EMPTY_PATH) = 0");
    }

    @Test
    void newfstatat() {
        long st = putStat(0x7ffdd39a65a0L, 0100644, 0, 1221);
        assertThat(lines.line("newfstatat", 0, AT_FDCWD, passwd, st, 0))
                .isEqualTo("newfstatat(AT_FDCWD, \"/etc/passwd\", {st_mode=S_IFREG|0644, st_size=1221, ...}, 0) = 0");
        assertThat(lines.line("newfstatat", ENOENT, AT_FDCWD, passwd, st, 0))
                .isEqualTo("newfstatat(AT_FDCWD, \"/etc/passwd\", 0x7ffdd39a65a0, 0) = -1 ENOENT (No such file or directory)");
        assertThat(lines.line("newfstatat", EFAULT, AT_FDCWD, tmp, 1, 0))
                .isEqualTo("newfstatat(AT_FDCWD, \"/tmp\", 0x1, 0)    = -1 EFAULT (Bad address)");
        assertThat(lines.line("newfstatat", 0, 0x1_0000_0000L + AT_FDCWD, tmp, st, 0x1_0000_1000L))
                .isEqualTo("newfstatat(AT_FDCWD, \"/tmp\", {st_mode=S_IFREG|0644, st_size=1221, ...}, AT_EMPTY_PATH) = 0");
    }

    @Test
    void atFlags() {
        long st = 0x7ffdd39a65a0L;
        assertThat(lines.line("newfstatat", EINVAL, AT_FDCWD, tmp, st, 0x8000))
                .isEqualTo("newfstatat(AT_FDCWD, \"/tmp\", 0x7ffdd39a65a0, AT_RECURSIVE) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("newfstatat", EINVAL, AT_FDCWD, tmp, st, 0xffffffffL))
                .isEqualTo("newfstatat(AT_FDCWD, \"/tmp\", 0x7ffdd39a65a0, AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|AT_SYMLINK_FOLLOW"
                        + "|AT_NO_AUTOMOUNT|AT_EMPTY_PATH|AT_RECURSIVE|0xffff60ff) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("newfstatat", EINVAL, AT_FDCWD, tmp, st, 0x2000))
                .isEqualTo("newfstatat(AT_FDCWD, \"/tmp\", 0x7ffdd39a65a0, 0x2000 /* AT_??? */) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void devicesPrintTheirNumber() {
        long st = putStat(0x7ffdd39a65a0L, 020666, 0x103, 0);
        assertThat(lines.line("newfstatat", 0, AT_FDCWD, devNull, st, 0x900))
                .isEqualTo("newfstatat(AT_FDCWD, \"/dev/null\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...},"
                        + " AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT) = 0");
        long tty = putStat(0x7ffdd39a7000L, 020666, 0x500, 0);
        assertThat(lines.line("fstat", 0, 0, tty)).isEqualTo("fstat(0, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x5, 0), ...}) = 0");
        long big = putStat(0x7ffdd39a8000L, 060660, 0x45 | (0x103L << 8) | (0x123L << 20), 0);
        assertThat(lines.line("fstat", 0, 4, big))
                .isEqualTo("fstat(4, {st_mode=S_IFBLK|0660, st_rdev=makedev(0x103, 0x12345), ...}) = 0");
    }

    @Test
    void setIdAndStickyBits() {
        long su = putStat(0x7ffdd39a65a0L, 0104755, 0, 72000);
        assertThat(lines.line("stat", 0, passwd, su))
                .isEqualTo("stat(\"/etc/passwd\", {st_mode=S_IFREG|S_ISUID|0755, st_size=72000, ...}) = 0");
        long dir = putStat(0x7ffdd39a7000L, 041777, 0, 4096);
        assertThat(lines.line("stat", 0, tmp, dir))
                .isEqualTo("stat(\"/tmp\", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, ...}) = 0");
        long link = putStat(0x7ffdd39a8000L, 0120777, 0, 7);
        assertThat(lines.line("lstat", 0, tmp, link)).isEqualTo("lstat(\"/tmp\", {st_mode=S_IFLNK|0777, st_size=7, ...}) = 0");
    }

    @Test
    void failures() {
        assertThat(lines.line("fstat", EBADF, 99, 0x7ffdd39a65a0L))
                .isEqualTo("fstat(99, 0x7ffdd39a65a0)               = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("fstat", EFAULT, 3, 1)).isEqualTo("fstat(3, 0x1)                           = -1 EFAULT (Bad address)");
        assertThat(lines.line("stat", EFAULT, 0, 0x7ffdd39a65a0L))
                .isEqualTo("stat(NULL, 0x7ffdd39a65a0)              = -1 EFAULT (Bad address)");
        assertThat(lines.line("stat", EFAULT, tmp, 0)).isEqualTo("stat(\"/tmp\", NULL)                      = -1 EFAULT (Bad address)");
        assertThat(lines.line("fstat", 0, 3, 0x7ffdd39a9000L)).isEqualTo("fstat(3, 0x7ffdd39a9000)                = 0");
    }
}
