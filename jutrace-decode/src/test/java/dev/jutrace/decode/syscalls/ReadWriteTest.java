package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class ReadWriteTest {

    private static final long EBADF = -9, EFAULT = -14, EINVAL = -22;
    private final Lines lines = new Lines();
    private final long text = lines.memory.putRaw(0x1000, "hello world, this is more than thirty-two bytes long\n");

    @Test
    void readPrintsWhatItReadAtExit() {
        assertThat(lines.line("read", 5, 3, text, 5)).isEqualTo("read(3, \"hello\", 5)                     = 5");
        assertThat(lines.line("read", 48, 3, text + 5, 100))
                .isEqualTo("read(3, \" world, this is more than thirty\"..., 100) = 48");
        assertThat(lines.line("read", 0, 3, text, 100)).isEqualTo("read(3, \"\", 100)                        = 0");
    }

    @Test
    void anElfHeader() {
        byte[] elf = new byte[832];
        byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, '>', 0, 1, 0, 0, 0};
        System.arraycopy(head, 0, elf, 0, head.length);
        long buf = lines.memory.put(0x7ffd0000L, elf);
        assertThat(lines.line("read", 832, 3, buf, 832))
                .isEqualTo("read(3, \"\\177ELF\\2\\1\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"..., 832) = 832");
    }

    @Test
    void aFailedReadShowsOnlyTheAddress() {
        assertThat(lines.line("read", EFAULT, 3, 1, 100))
                .isEqualTo("read(3, 0x1, 100)                       = -1 EFAULT (Bad address)");
        assertThat(lines.line("read", EBADF, 0xffffffffL, 0x7ffeabd7b800L, 100))
                .isEqualTo("read(-1, 0x7ffeabd7b800, 100)           = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("read", EBADF, -1, 0, 100))
                .isEqualTo("read(-1, NULL, 100)                     = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("read", 0, 0, 0, 0)).isEqualTo("read(0, NULL, 0)                        = 0");
    }

    @Test
    void readIsSplitBetweenItsStops() {
        assertThat(lines.entry("read", 3, text, 5)).isEqualTo("read(3, ");
        assertThat(lines.resumed("read", 5, 3, text, 5)).isEqualTo("<... read resumed>\"hello\", 5)           = 5");
    }

    @Test
    void writePrintsItsBufferAtEntry() {
        assertThat(lines.entry("write", 4, text, 53)).isEqualTo("write(4, \"hello world, this is more than t\"..., 53");
        assertThat(lines.line("write", 53, 4, text, 53))
                .isEqualTo("write(4, \"hello world, this is more than t\"..., 53) = 53");
        assertThat(lines.line("write", EBADF, -1, 1, 10))
                .isEqualTo("write(-1, 0x1, 10)                      = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("write", EBADF, -1, 0, 0))
                .isEqualTo("write(-1, NULL, 0)                      = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("write", EBADF, -1, text, 0))
                .isEqualTo("write(-1, \"\", 0)                        = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void aWriteRunningIntoUnmappedMemory() {
        long abc = lines.memory.putRaw(0x7f3c8d94affdL, "abc");
        assertThat(lines.line("write", EBADF, -1, abc, 10))
                .isEqualTo("write(-1, 0x7f3c8d94affd, 10)           = -1 EBADF (Bad file descriptor)");
        assertThat(lines.line("write", EBADF, -1, abc, 3))
                .isEqualTo("write(-1, \"abc\", 3)                     = -1 EBADF (Bad file descriptor)");
    }

    @Test
    void positionalReadsAndWrites() {
        long passwd = lines.memory.putRaw(0x5000, "x:0:0:root");
        long xyz = lines.memory.putRaw(0x6000, "xyz");
        assertThat(lines.line("pread64", 10, 4, passwd, 10, 5))
                .isEqualTo("pread64(4, \"x:0:0:root\", 10, 5)         = 10");
        assertThat(lines.line("pwrite64", EINVAL, -1, xyz, 3, -1))
                .isEqualTo("pwrite64(-1, \"xyz\", 3, -1)              = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("pread64", EINVAL, -1, 0x7ffeabd7b800L, 10, -5))
                .isEqualTo("pread64(-1, 0x7ffeabd7b800, 10, -5)     = -1 EINVAL (Invalid argument)");
    }

    @Test
    void hexStringOptions() {
        Lines x = new Lines(dev.jutrace.decode.DecodeOptions.DEFAULT.withHexStrings(true));
        long accented = x.memory.putRaw(0x1000, "h\u00e9llo");
        long plain = x.memory.putRaw(0x2000, "hello\n");
        assertThat(x.line("write", EBADF, -1, accented, 5))
                .isEqualTo("write(-1, \"\\x68\\xe9\\x6c\\x6c\\x6f\", 5)    = -1 EBADF (Bad file descriptor)");
        assertThat(x.line("write", EBADF, -1, plain, 6))
                .isEqualTo("write(-1, \"hello\\n\", 6)                 = -1 EBADF (Bad file descriptor)");
        Lines s5 = new Lines(dev.jutrace.decode.DecodeOptions.DEFAULT.withStringLimit(5));
        long bytes = s5.memory.putRaw(0x1000, "\u0001\u00011\0\u00008\u007f");
        assertThat(s5.line("write", EBADF, -1, bytes, 11))
                .isEqualTo("write(-1, \"\\1\\0011\\0\\0\"..., 11)         = -1 EBADF (Bad file descriptor)");
    }
}
