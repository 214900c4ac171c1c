package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.decode.DecodeOptions;
import dev.jutrace.decode.DecodeOptions.ConstStyle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * strace's -x, -xx, -X and -v through the shared printing paths. Expected lines are strace
 * 6.1's for a program making these calls, padding before {@code =} included.
 */
class ConstStyleTest {

    private static final long AT_FDCWD = -100, EBADF = -9, EINVAL = -22, ENOENT = -2;

    private static Lines with(ConstStyle style) {
        return new Lines(DecodeOptions.DEFAULT.withConstStyle(style));
    }

    @Test
    void rawPrintsNumbersInHex() {
        Lines raw = with(ConstStyle.RAW);
        long path = raw.memory.putString(0x1000, "/nonexistent");
        assertThat(raw.line("openat", ENOENT, AT_FDCWD, path, 0))
                .isEqualTo("openat(-100, \"/nonexistent\", 0)         = -1 ENOENT (No such file or directory)");
        assertThat(raw.line("openat", 3, AT_FDCWD, path, 0x80042, 0644))
                .isEqualTo("openat(-100, \"/nonexistent\", 0x80042, 0644) = 3");
        assertThat(raw.line("lseek", EBADF, -1, 0, 2)).isEqualTo("lseek(-1, 0, 0x2)                       = -1 EBADF (Bad file descriptor)");
        assertThat(raw.line("lseek", EBADF, -1, 0, 7)).isEqualTo("lseek(-1, 0, 0x7)                       = -1 EBADF (Bad file descriptor)");
        assertThat(raw.line("socket", EINVAL, 2, 0x80101, 0))
                .isEqualTo("socket(0x2, 0x1|0x80100, 0)             = -1 EINVAL (Invalid argument)");
        assertThat(raw.line("mmap", 0x7f15a5147000L, 0, 4096, 3, 0x22, -1, 0))
                .isEqualTo("mmap(NULL, 4096, 0x3, 0x22, -1, 0)      = 0x7f15a5147000");
        assertThat(raw.line("mmap", 0x7f15a5146000L, 0, 4096, 0, 0x8000022, -1, 0))
                .isEqualTo("mmap(NULL, 4096, 0, 0x8000022, -1, 0)   = 0x7f15a5146000");
        assertThat(raw.line("fcntl", EBADF, -1, 2, 1)).isEqualTo("fcntl(-1, 0x2, 0x1)                     = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void verboseCommentsTheNames() {
        Lines verbose = with(ConstStyle.VERBOSE);
        long path = verbose.memory.putString(0x1000, "/nonexistent");
        assertThat(verbose.line("openat", ENOENT, AT_FDCWD, path, 0))
                .isEqualTo("openat(-100 /* AT_FDCWD */, \"/nonexistent\", 0 /* O_RDONLY */)"
                        + " = -1 ENOENT (No such file or directory)");
        assertThat(verbose.line("openat", 3, AT_FDCWD, path, 0x80042, 0644))
                .isEqualTo("openat(-100 /* AT_FDCWD */, \"/nonexistent\", 0x80042 /* O_RDWR|O_CREAT|O_CLOEXEC */, 0644) = 3");
        assertThat(verbose.line("lseek", EBADF, -1, 0, 2))
                .isEqualTo("lseek(-1, 0, 0x2 /* SEEK_END */)        = -1 EBADF (Bad file descriptor)");
        assertThat(verbose.line("lseek", EBADF, -1, 0, 7))
                .isEqualTo("lseek(-1, 0, 0x7 /* SEEK_??? */)        = -1 EBADF (Bad file descriptor)");
        assertThat(verbose.line("socket", EINVAL, 2, 0x80101, 0))
                .isEqualTo("socket(0x2 /* AF_INET */, 0x1 /* SOCK_STREAM */|0x80100 /* SOCK_CLOEXEC|0x100 */,"
                        + " 0 /* IPPROTO_IP */) = -1 EINVAL (Invalid argument)");
        assertThat(verbose.line("mmap", 0x7f9eaf767000L, 0, 4096, 3, 0x22, -1, 0))
                .isEqualTo("mmap(NULL, 4096, 0x3 /* PROT_READ|PROT_WRITE */, 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0)"
                        + " = 0x7f9eaf767000");
        assertThat(verbose.line("mmap", 0x7f9eaf766000L, 0, 4096, 0, 0x8000022, -1, 0))
                .isEqualTo("mmap(NULL, 4096, 0 /* PROT_NONE */, 0x8000022 /* MAP_PRIVATE|MAP_ANONYMOUS|2<<MAP_HUGE_SHIFT */,"
                        + " -1, 0) = 0x7f9eaf766000");
        long x = verbose.memory.putString(0x2000, "/x");
        assertThat(verbose.line("access", 0, x, 0)).isEqualTo("access(\"/x\", 0 /* F_OK */)              = 0");
        assertThat(verbose.line("fcntl", EBADF, -1, 2, 1))
                .isEqualTo("fcntl(-1, 0x2 /* F_SETFD */, 0x1 /* FD_CLOEXEC */) = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void modesInOctalAndDevicesWhole() {
        for (ConstStyle style : new ConstStyle[] {ConstStyle.RAW, ConstStyle.VERBOSE}) {
            Lines l = with(style);
            // /dev/null's struct stat: st_mode at offset 24, st_rdev at 40.
            byte[] st = new byte[144];
            ByteBuffer.wrap(st).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 020666).putLong(40, 0x103);
            l.memory.put(0x5000, st);
            l.memory.putString(0x6000, "");
            assertThat(l.line("newfstatat", 0, 1, 0x6000, 0x5000, 0x1000)).isEqualTo(style == ConstStyle.RAW
                    ? "newfstatat(1, \"\", {st_mode=020666, st_rdev=0x103, ...}, 0x1000) = 0"
                    : "newfstatat(1, \"\", {st_mode=020666 /* S_IFCHR|0666 */, st_rdev=0x103 /* makedev(0x1, 0x3) */, ...},"
                            + " 0x1000 /* AT_EMPTY_PATH */) = 0");
        }
    }

    @Test
    void noAbbrevPrintsStatInFull() {
        Lines v = new Lines(DecodeOptions.DEFAULT.withNoAbbrev(true));
        v.memory.putString(0x6000, "");
        byte[] st = new byte[144];
        ByteBuffer.wrap(st).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 0x6).putLong(8, 3).putLong(16, 1).putInt(24, 020666)
                .putLong(40, 0x103).putLong(56, 4096).putLong(72, 1795221069).putLong(80, 320269278)
                .putLong(88, 1795221069).putLong(96, 320269278).putLong(104, 1795221069).putLong(112, 320269278);
        v.memory.put(0x5000, st);
        assertThat(v.line("newfstatat", 0, 1, 0x6000, 0x5000, 0x1000)).isEqualTo("newfstatat(1, \"\", {st_dev=makedev(0, 0x6),"
                + " st_ino=3, st_mode=S_IFCHR|0666, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=0,"
                + " st_rdev=makedev(0x1, 0x3), st_atime=1795221069 /* 2026-11-21T00:31:09.320269278+0000 */,"
                + " st_atime_nsec=320269278, st_mtime=1795221069 /* 2026-11-21T00:31:09.320269278+0000 */,"
                + " st_mtime_nsec=320269278, st_ctime=1795221069 /* 2026-11-21T00:31:09.320269278+0000 */,"
                + " st_ctime_nsec=320269278}, AT_EMPTY_PATH) = 0");
        ByteBuffer.wrap(st).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 0xfe00).putLong(8, 329635).putInt(24, 0100644)
                .putLong(40, 0).putLong(48, 353616).putLong(64, 696).putLong(72, 1795764874).putLong(80, 485405446)
                .putLong(88, 1777320873).putLong(96, 0).putLong(104, 1777320873).putLong(112, 0);
        v.memory.put(0x5000, st);
        assertThat(v.line("newfstatat", 0, 3, 0x6000, 0x5000, 0x1000)).isEqualTo("newfstatat(3, \"\", {st_dev=makedev(0xfe, 0),"
                + " st_ino=329635, st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=696,"
                + " st_size=353616, st_atime=1795764874 /* 2026-11-27T07:34:34.485405446+0000 */, st_atime_nsec=485405446,"
                + " st_mtime=1777320873 /* 2026-04-27T20:14:33+0000 */, st_mtime_nsec=0,"
                + " st_ctime=1777320873 /* 2026-04-27T20:14:33+0000 */, st_ctime_nsec=0}, AT_EMPTY_PATH) = 0");
    }

    @Test
    void limitsAsNumbers() {
        for (ConstStyle style : new ConstStyle[] {ConstStyle.RAW, ConstStyle.VERBOSE}) {
            Lines l = with(style);
            l.memory.putLongs(0x5000, 8388608, -1);
            assertThat(l.line("prlimit64", 0, 0, 3, 0, 0x5000)).isEqualTo(style == ConstStyle.RAW
                    ? "prlimit64(0, 0x3, NULL, {rlim_cur=8388608, rlim_max=18446744073709551615}) = 0"
                    : "prlimit64(0, 0x3 /* RLIMIT_STACK */, NULL, {rlim_cur=8388608 /* 8192*1024 */,"
                            + " rlim_max=18446744073709551615 /* RLIM64_INFINITY */}) = 0");
        }
    }

    @Test
    void hexStrings() {
        Lines x = new Lines(DecodeOptions.DEFAULT.withHexStrings(true));
        Lines xx = new Lines(DecodeOptions.DEFAULT.withAllHex(true));
        for (Lines l : new Lines[] {x, xx}) {
            l.memory.putRaw(0x1000, "abc\1\2\n");
            l.memory.putRaw(0x2000, "hello\n");
            l.memory.putString(0x3000, "/x");
        }
        assertThat(x.line("write", EBADF, -1, 0x1000, 6))
                .isEqualTo("write(-1, \"\\x61\\x62\\x63\\x01\\x02\\x0a\", 6) = -1 EBADF (Bad file descriptor)");
        assertThat(x.line("write", EBADF, -1, 0x2000, 6))
                .isEqualTo("write(-1, \"hello\\n\", 6)                 = -1 EBADF (Bad file descriptor)");
        assertThat(x.line("access", 0, 0x3000, 0)).isEqualTo("access(\"/x\", F_OK)                      = 0");
        assertThat(xx.line("write", EBADF, -1, 0x2000, 6))
                .isEqualTo("write(-1, \"\\x68\\x65\\x6c\\x6c\\x6f\\x0a\", 6) = -1 EBADF (Bad file descriptor)");
        assertThat(xx.line("access", 0, 0x3000, 0)).isEqualTo("access(\"\\x2f\\x78\", F_OK)                = 0");
    }

    @Test
    void noAbbrevPrintsTheEnvironment() {
        Lines v = new Lines(DecodeOptions.DEFAULT.withNoAbbrev(true));
        long path = v.memory.putString(0x1000, "/bin/true");
        long x = v.memory.putString(0x1100, "x");
        long a = v.memory.putString(0x1200, "A=1");
        long b = v.memory.putString(0x1300, "B=\1");
        long argv = v.memory.putLongs(0x2000, path, x, 0);
        long envp = v.memory.putLongs(0x3000, a, b, 0);
        assertThat(v.line("execve", 0, path, argv, envp))
                .isEqualTo("execve(\"/bin/true\", [\"/bin/true\", \"x\"], [\"A=1\", \"B=\\1\"]) = 0");
    }
}
