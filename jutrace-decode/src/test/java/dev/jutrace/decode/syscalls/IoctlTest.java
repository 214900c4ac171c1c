package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** ioctl and struct termios. Expected lines are strace 6.1's for the same registers and memory. */
class IoctlTest {

    private static final long ENOTTY = -25, EFAULT = -14;
    private final Lines lines = new Lines();

    private long putInt(long address, int value) {
        return lines.memory.put(address, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    private long putTermios(long address, int iflag, int oflag, int cflag, int lflag) {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, iflag).putInt(4, oflag).putInt(8, cflag).putInt(12, lflag);
        return lines.memory.put(address, b.array());
    }

    @Test
    void terminals() {
        long tty = putTermios(0x7fffc5bff960L, 0x500, 0x5, 0xbf, 0x8a3b);
        assertThat(lines.line("ioctl", 0, 0, 0x5401, tty))
                .isEqualTo("ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD,"
                        + " c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
        assertThat(lines.entry("ioctl", 0, 0x5401, tty)).isEqualTo("ioctl(0, TCGETS, ");
        assertThat(lines.line("ioctl", 0, 0, 0x5403, tty))
                .isEqualTo("ioctl(0, SNDCTL_TMR_STOP or TCSETSW, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR,"
                        + " c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
        long zero = putTermios(0x7ffee7981430L, 0, 0, 0, 0);
        assertThat(lines.line("ioctl", ENOTTY, 3, 0x5402, zero))
                .isEqualTo("ioctl(3, SNDCTL_TMR_START or TCSETS, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, c_cflag=B0|CS5|, c_lflag=, ...})"
                        + " = -1 ENOTTY (Inappropriate ioctl for device)");
        assertThat(lines.line("ioctl", ENOTTY, 0, 0x5401, zero))
                .isEqualTo("ioctl(0, TCGETS, 0x7ffee7981430)        = -1 ENOTTY (Inappropriate ioctl for device)");
        long all = putTermios(0x7ffee7982000L, -1, -1, -1, -1);
        assertThat(lines.line("ioctl", ENOTTY, 1, 0x5402, all))
                .isEqualTo("ioctl(1, SNDCTL_TMR_START or TCSETS, {c_iflag=IGNBRK|BRKINT|IGNPAR|PARMRK|INPCK|ISTRIP|INLCR|IGNCR|ICRNL|IUCLC"
                        + "|IXON|IXANY|IXOFF|IMAXBEL|IUTF8|0xffff8000, c_oflag=NL1|CR3|XTABS|BS1|VT1|FF1|OPOST|OLCUC|ONLCR|OCRNL|ONOCR"
                        + "|ONLRET|OFILL|OFDEL|0xffff0000, c_cflag=B4000000|B4000000<<IBSHIFT|CS8|CSTOPB|CREAD|PARENB|PARODD|HUPCL|CLOCAL"
                        + "|CMSPAR|CRTSCTS|0x2ff0e000, c_lflag=ISIG|ICANON|XCASE|ECHO|ECHOE|ECHOK|ECHONL|NOFLSH|IEXTEN|ECHOCTL|ECHOPRT"
                        + "|ECHOKE|FLUSHO|PENDIN|TOSTOP|EXTPROC|0xfffe2000, ...}) = -1 ENOTTY (Inappropriate ioctl for device)");
        long speeds = putTermios(0x7ffee7983000L, 0, 0xeb00, 0x000f1001, 0);
        assertThat(lines.line("ioctl", ENOTTY, 1, 0x5402, speeds))
                .isEqualTo("ioctl(1, SNDCTL_TMR_START or TCSETS, {c_iflag=, c_oflag=NL1|CR1|TAB1|BS1|VT1|FF1|,"
                        + " c_cflag=B57600|B38400<<IBSHIFT|CS5|, c_lflag=, ...}) = -1 ENOTTY (Inappropriate ioctl for device)");
        long ws = lines.memory.put(0x7ffee7981428L, new byte[8]);
        assertThat(lines.line("ioctl", 0, 0, 0x5413, ws)).isEqualTo("ioctl(0, TIOCGWINSZ, {ws_row=0, ws_col=0, ws_xpixel=0, ws_ypixel=0}) = 0");
        assertThat(lines.line("ioctl", ENOTTY, 1, 0x5413, ws)).isEqualTo("ioctl(1, TIOCGWINSZ, 0x7ffee7981428)    = -1 ENOTTY (Inappropriate ioctl for device)");
        assertThat(lines.line("ioctl", EFAULT, 0, 0x5414, 1)).isEqualTo("ioctl(0, TIOCSWINSZ, 0x1)               = -1 EFAULT (Bad address)");
        long pgrp = putInt(0x7fffc5bff9a8L, 15208);
        assertThat(lines.line("ioctl", 0, 0, 0x540f, pgrp)).isEqualTo("ioctl(0, TIOCGPGRP, [15208])            = 0");
        assertThat(lines.line("ioctl", 0, 0, 0x5410, pgrp)).isEqualTo("ioctl(0, TIOCSPGRP, [15208])            = 0");
        assertThat(lines.line("ioctl", 0, 0, 0x540b, 0)).isEqualTo("ioctl(0, TCFLSH, TCIFLUSH)              = 0");
        assertThat(lines.line("ioctl", -1, 0, 0x540e, 0)).isEqualTo("ioctl(0, TIOCSCTTY, 0)                  = -1 EPERM (Operation not permitted)");
        assertThat(lines.line("ioctl", 0, 0, 0x5422)).isEqualTo("ioctl(0, TIOCNOTTY)                     = 0");
    }

    @Test
    void files() {
        long n = putInt(0x7ffee798142cL, 0);
        assertThat(lines.line("ioctl", 0, 3, 0x541b, n)).isEqualTo("ioctl(3, FIONREAD, [0])                 = 0");
        assertThat(lines.line("ioctl", 0, 0, 0x5411, n)).isEqualTo("ioctl(0, TIOCOUTQ, [0])                 = 0");
        assertThat(lines.line("ioctl", 0, 3, 0x5421, n)).isEqualTo("ioctl(3, FIONBIO, [0])                  = 0");
        assertThat(lines.line("ioctl", EFAULT, 0, 0x5421, 1)).isEqualTo("ioctl(0, FIONBIO, 0x1)                  = -1 EFAULT (Bad address)");
        assertThat(lines.line("ioctl", 0, 3, 0x5451)).isEqualTo("ioctl(3, FIOCLEX)                       = 0");
        assertThat(lines.line("ioctl", 0, 0, 0x5450)).isEqualTo("ioctl(0, FIONCLEX)                      = 0");
        assertThat(lines.line("ioctl", 0, 0, 0x5452, n)).isEqualTo("ioctl(0, FIOASYNC, [0])                 = 0");
    }

    @Test
    void unknownCommandsPrintTheirEncoding() {
        assertThat(lines.line("ioctl", ENOTTY, 3, 0x80109912L, 0x1234))
                .isEqualTo("ioctl(3, _IOC(_IOC_READ, 0x99, 0x12, 0x10), 0x1234) = -1 ENOTTY (Inappropriate ioctl for device)");
        assertThat(lines.line("ioctl", ENOTTY, 3, 0x12345, 0x1234))
                .isEqualTo("ioctl(3, _IOC(_IOC_NONE, 0x23, 0x45, 0x1), 0x1234) = -1 ENOTTY (Inappropriate ioctl for device)");
        assertThat(lines.line("ioctl", ENOTTY, 0, 0xc0085499L, 0))
                .isEqualTo("ioctl(0, _IOC(_IOC_READ|_IOC_WRITE, 0x54, 0x99, 0x8), 0) = -1 ENOTTY (Inappropriate ioctl for device)");
        assertThat(lines.line("ioctl", ENOTTY, 0, 0xffffffff_80045430L, 0x7fffc5bff9a8L)).startsWith("ioctl(0, _IOC(_IOC_READ, 0x54, 0x30, 0x4),");
    }
}
