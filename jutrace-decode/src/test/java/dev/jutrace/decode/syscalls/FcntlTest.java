package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class FcntlTest {

    private static final long EBADF = -9, EFAULT = -14, EINVAL = -22;
    private final Lines lines = new Lines();

    private long putFlock(long address, int type, int whence, long start, long len, int pid) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) type).putShort(2, (short) whence).putLong(8, start).putLong(16, len).putInt(24, pid);
        return lines.memory.put(address, b.array());
    }

    @Test
    void descriptorAndStatusFlags() {
        assertThat(lines.line("fcntl", 0, 3, 1)).isEqualTo("fcntl(3, F_GETFD)                       = 0");
        assertThat(lines.line("fcntl", 1, 3, 1)).isEqualTo("fcntl(3, F_GETFD)                       = 0x1 (flags FD_CLOEXEC)");
        assertThat(lines.line("fcntl", 0, 3, 2, 1)).isEqualTo("fcntl(3, F_SETFD, FD_CLOEXEC)           = 0");
        assertThat(lines.line("fcntl", 0, 3, 2, 3)).isEqualTo("fcntl(3, F_SETFD, FD_CLOEXEC|0x2)       = 0");
        assertThat(lines.line("fcntl", 0, 3, 2, 0)).isEqualTo("fcntl(3, F_SETFD, 0)                    = 0");
        assertThat(lines.line("fcntl", 0x8002, 3, 3)).isEqualTo("fcntl(3, F_GETFL)                       = 0x8002 (flags O_RDWR|O_LARGEFILE)");
        assertThat(lines.line("fcntl", 0x8000, 3, 3)).isEqualTo("fcntl(3, F_GETFL)                       = 0x8000 (flags O_RDONLY|O_LARGEFILE)");
        assertThat(lines.line("fcntl", 1, 6, 3)).isEqualTo("fcntl(6, F_GETFL)                       = 0x1 (flags O_WRONLY)");
        assertThat(lines.line("fcntl", 0, 3, 4, 06000))
                .isEqualTo("fcntl(3, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = 0");
        assertThat(lines.line("fcntl", EBADF, -1, 3)).isEqualTo("fcntl(-1, F_GETFL)                      = -1 EBADF (Bad file descriptor)");
        assertThat(lines.entry("fcntl", 3, 3)).isEqualTo("fcntl(3, F_GETFL");
    }

    @Test
    void duplicatesOwnersSignalsLeases() {
        assertThat(lines.line("fcntl", 11, 3, 0, 10)).isEqualTo("fcntl(3, F_DUPFD, 10)                   = 11");
        assertThat(lines.line("fcntl", 20, 3, 1030, 20)).isEqualTo("fcntl(3, F_DUPFD_CLOEXEC, 20)           = 20");
        assertThat(lines.line("fcntl", 0, 3, 9)).isEqualTo("fcntl(3, F_GETOWN)                      = 0");
        assertThat(lines.line("fcntl", -3, 3, 8, 1234)).isEqualTo("fcntl(3, F_SETOWN, 1234)                = -1 ESRCH (No such process)");
        assertThat(lines.line("fcntl", 0, 5, 8, -12)).isEqualTo("fcntl(5, F_SETOWN, -12)                 = 0");
        assertThat(lines.line("fcntl", 0, 3, 10, 10)).isEqualTo("fcntl(3, F_SETSIG, SIGUSR1)             = 0");
        assertThat(lines.line("fcntl", 0, 3, 10, 0)).isEqualTo("fcntl(3, F_SETSIG, 0)                   = 0");
        assertThat(lines.line("fcntl", 0, 3, 11)).isEqualTo("fcntl(3, F_GETSIG)                      = 0");
        assertThat(lines.line("fcntl", 12, 3, 11)).isEqualTo("fcntl(3, F_GETSIG)                      = 12 (SIGUSR2)");
        assertThat(lines.line("fcntl", 2, 3, 1025)).isEqualTo("fcntl(3, F_GETLEASE)                    = 0x2 (F_UNLCK)");
        assertThat(lines.line("fcntl", -11, 3, 1024, 0))
                .isEqualTo("fcntl(3, F_SETLEASE, F_RDLCK)           = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(lines.line("fcntl", EINVAL, 3, 1024, 7))
                .isEqualTo("fcntl(3, F_SETLEASE, 0x7 /* F_??? */)   = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("fcntl", -20, 3, 1026, 6))
                .isEqualTo("fcntl(3, F_NOTIFY, DN_MODIFY|DN_CREATE) = -1 ENOTDIR (Not a directory)");
        assertThat(lines.line("fcntl", -20, 3, 1026, 0x80000100L))
                .isEqualTo("fcntl(3, F_NOTIFY, DN_MULTISHOT|0x100)  = -1 ENOTDIR (Not a directory)");
        assertThat(lines.line("fcntl", 65536, 5, 1032)).isEqualTo("fcntl(5, F_GETPIPE_SZ)                  = 65536");
        assertThat(lines.line("fcntl", 8192, 5, 1031, 8192)).isEqualTo("fcntl(5, F_SETPIPE_SZ, 8192)            = 8192");
        assertThat(lines.line("fcntl", EINVAL, 4, 1033, 0x116))
                .isEqualTo("fcntl(4, F_ADD_SEALS, F_SEAL_SHRINK|F_SEAL_GROW|F_SEAL_FUTURE_WRITE|0x100) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("fcntl", 0, 4, 1034)).isEqualTo("fcntl(4, F_GET_SEALS)                   = 0");
        assertThat(lines.line("fcntl", EFAULT, 3, 17, 0)).isEqualTo("fcntl(3, F_GETOWNER_UIDS, 0)            = -1 EFAULT (Bad address)");
    }

    @Test
    void locks() {
        long fl = putFlock(0x7ffee7981480L, 1, 0, 0, 100, 0);
        assertThat(lines.line("fcntl", 0, 3, 6, fl))
                .isEqualTo("fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100}) = 0");
        assertThat(lines.entry("fcntl", 3, 7, fl))
                .isEqualTo("fcntl(3, F_SETLKW, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100}");
        long got = putFlock(0x7ffee7982000L, 2, 0, 0, 100, 0);
        assertThat(lines.line("fcntl", 0, 3, 5, got))
                .isEqualTo("fcntl(3, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=100, l_pid=0}) = 0");
        assertThat(lines.entry("fcntl", 3, 5, got)).isEqualTo("fcntl(3, F_GETLK, ");
        assertThat(lines.line("fcntl", 0, 3, 37, got))
                .isEqualTo("fcntl(3, F_OFD_SETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=100}) = 0");
        long bad = putFlock(0x7ffee7983000L, 9, 7, -5, 0, 0);
        assertThat(lines.line("fcntl", EINVAL, 4, 6, bad))
                .isEqualTo("fcntl(4, F_SETLK, {l_type=0x9 /* F_??? */, l_whence=0x7 /* SEEK_??? */, l_start=-5, l_len=0}) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("fcntl", EFAULT, 3, 6, 1)).isEqualTo("fcntl(3, F_SETLK, 0x1)                  = -1 EFAULT (Bad address)");
        assertThat(lines.line("fcntl", EFAULT, 4, 5, 1)).isEqualTo("fcntl(4, F_GETLK, 0x1)                  = -1 EFAULT (Bad address)");
        assertThat(lines.line("fcntl", EINVAL, 4, 36, fl)).isEqualTo("fcntl(4, F_OFD_GETLK, 0x7ffee7981480)   = -1 EINVAL (Invalid argument)");
    }

    @Test
    void ownerEx() {
        long ox = lines.memory.put(0x7ffee7981470L, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(1).array());
        assertThat(lines.line("fcntl", 0, 3, 15, ox)).isEqualTo("fcntl(3, F_SETOWN_EX, {type=F_OWNER_PID, pid=1}) = 0");
        assertThat(lines.line("fcntl", 0, 3, 16, ox)).isEqualTo("fcntl(3, F_GETOWN_EX, {type=F_OWNER_PID, pid=1}) = 0");
    }

    @Test
    void unknownCommands() {
        assertThat(lines.line("fcntl", EINVAL, 3, 9999, 5)).isEqualTo("fcntl(3, 0x270f /* F_??? */, 0x5)       = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("fcntl", 0, 3, 1035, 0x7ffee7981480L))
                .isEqualTo("fcntl(3, 0x40b /* F_??? */, 0x7ffee7981480) = 0");
    }
}
