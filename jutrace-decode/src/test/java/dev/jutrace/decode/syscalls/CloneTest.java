package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class CloneTest {

    private static final long EFAULT = -14, EINVAL = -22;
    private static final long CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400, CLONE_SIGHAND = 0x800;
    private static final long CLONE_PIDFD = 0x1000, CLONE_THREAD = 0x10000, CLONE_NEWNS = 0x20000, CLONE_SYSVSEM = 0x40000;
    private static final long CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000;
    private static final long CLONE_CHILD_SETTID = 0x1000000, CLONE_NEWPID = 0x20000000, CLONE_INTO_CGROUP = 0x200000000L;
    private static final long SIGCHLD = 17, SIGUSR1 = 10;
    private final Lines lines = new Lines();

    @Test
    void forkAsGlibcMakesIt() {
        assertThat(lines.line("clone", 26613, CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD, 0, 0, 0x7f24f4b5aa10L, 0))
                .isEqualTo("clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD,"
                        + " child_tidptr=0x7f24f4b5aa10) = 26613");
        assertThat(lines.entry("clone", CLONE_CHILD_SETTID | SIGCHLD, 0, 0, 0x7f24f4b5aa10L, 0)).isEqualTo("clone(");
    }

    @Test
    void flagsDecideWhichPointersPrint() {
        long ptid = lines.memory.put(0x7ffd1000L, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(26734).array());
        assertThat(lines.line("clone", 26734, CLONE_PARENT_SETTID | SIGCHLD, 0, ptid, 0x7ffd2000L, 0))
                .isEqualTo("clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[26734]) = 26734");
        assertThat(lines.line("clone", 26691, CLONE_PARENT_SETTID | SIGCHLD | CLONE_NEWNS, 0x1000, 0x2000, 0x3000, 0x4000))
                .isEqualTo("clone(child_stack=0x1000, flags=CLONE_NEWNS|CLONE_PARENT_SETTID|SIGCHLD, parent_tid=0x2000) = 26691");
        assertThat(lines.line("clone", EFAULT, CLONE_SETTLS | SIGUSR1 | CLONE_PIDFD, 0x1000, 0x2000, 0x3000, 0x4000))
                .isEqualTo("clone(child_stack=0x1000, flags=CLONE_PIDFD|CLONE_SETTLS|SIGUSR1, parent_tid=0x2000, tls=0x4000)"
                        + " = -1 EFAULT (Bad address)");
        long thread = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS
                | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
        assertThat(lines.line("clone", 26652, thread, 0x7f0000001000L, 0x7f0000002000L, 0x7f0000003000L, 0x7f0000004000L))
                .isEqualTo("clone(child_stack=0x7f0000001000, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD"
                        + "|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, parent_tid=0x7f0000002000,"
                        + " tls=0x7f0000004000, child_tidptr=0x7f0000003000) = 26652");
    }

    @Test
    void oddFlags() {
        assertThat(lines.line("clone", 26735, 0, 0, 0, 0, 0)).isEqualTo("clone(child_stack=NULL, flags=0)        = 26735");
        assertThat(lines.line("clone", 26693, 0x55, 0, 0, 0, 0)).isEqualTo("clone(child_stack=NULL, flags=85)       = 26693");
        assertThat(lines.line("clone", 26736, CLONE_NEWNS | 0x55, 0, 0, 0, 0))
                .isEqualTo("clone(child_stack=NULL, flags=CLONE_NEWNS|85) = 26736");
        assertThat(lines.line("clone", EINVAL, -1L & ~0xffL, 0x1000, 0x2000, 0x3000, 0x4000))
                .isEqualTo("clone(child_stack=0x1000, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_PIDFD|CLONE_PTRACE"
                        + "|CLONE_VFORK|CLONE_PARENT|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID"
                        + "|CLONE_CHILD_CLEARTID|CLONE_UNTRACED|CLONE_CHILD_SETTID|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC"
                        + "|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|CLONE_IO|0xffffffff00400000, parent_tid=0x2000,"
                        + " tls=0x4000, child_tidptr=0x3000) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void clone3() {
        long thread = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_NEWNS | CLONE_SYSVSEM
                | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
        long ca = lines.memory.putLongs(0x7fffbfcf1130L, thread, 0, 0x7f0000000910L, 0x7f0000000910L, 0, 0x7f0000000000L,
                0x7fff00, 0x7f0000000640L, 0, 0, 0);
        assertThat(lines.line("clone3", EINVAL, ca, 88))
                .isEqualTo("clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM"
                        + "|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f0000000910,"
                        + " parent_tid=0x7f0000000910, exit_signal=0, stack=0x7f0000000000, stack_size=0x7fff00,"
                        + " tls=0x7f0000000640}, 88) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("clone3", EINVAL, ca, 1)).isEqualTo("clone3(0x7fffbfcf1130, 1)               = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("clone3", EFAULT, 1, 88)).isEqualTo("clone3(0x1, 88)                         = -1 EFAULT (Bad address)");
        long pidfd = lines.memory.putLongs(0x7fffbfcf2000L, CLONE_PIDFD | CLONE_NEWPID | CLONE_INTO_CGROUP, 0x7f0000000100L,
                0, 0, SIGCHLD, 0, 0, 0, 0x5000, 2, 3);
        assertThat(lines.line("clone3", EFAULT, pidfd, 88))
                .isEqualTo("clone3({flags=CLONE_PIDFD|CLONE_NEWPID|CLONE_INTO_CGROUP, pidfd=0x7f0000000100, exit_signal=SIGCHLD,"
                        + " stack=NULL, stack_size=0, set_tid=0x5000, set_tid_size=2, cgroup=3}, 88) = -1 EFAULT (Bad address)");
        long newtime = lines.memory.putLongs(0x7fffbfcf4000L, 0x80 | 0x100000000L | CLONE_VM | 0x400000000L, 0, 0, 0, 99,
                0, 0, 0, 0, 0, 0);
        assertThat(lines.line("clone3", EINVAL, newtime, 88))
                .isEqualTo("clone3({flags=CLONE_VM|CLONE_NEWTIME|CLONE_CLEAR_SIGHAND|0x400000000, exit_signal=99, stack=NULL,"
                        + " stack_size=0}, 88) = -1 EINVAL (Invalid argument)");
        long every = lines.memory.putLongs(0x7fffbfcf5000L, 0xffffffffffffff80L, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(lines.line("clone3", EINVAL, every, 88))
                .isEqualTo("clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_PIDFD|CLONE_PTRACE|CLONE_VFORK"
                        + "|CLONE_PARENT|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID"
                        + "|CLONE_CHILD_CLEARTID|CLONE_UNTRACED|CLONE_CHILD_SETTID|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC"
                        + "|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|CLONE_IO|CLONE_NEWTIME|CLONE_CLEAR_SIGHAND|CLONE_INTO_CGROUP"
                        + "|0xfffffffc00400000, pidfd=NULL, child_tid=NULL, parent_tid=NULL, exit_signal=0, stack=NULL,"
                        + " stack_size=0, tls=NULL, cgroup=0}, 88) = -1 EINVAL (Invalid argument)");
        long fork = lines.memory.putLongs(0x7fffbfcf3000L, 0, 0, 0, 0, SIGCHLD, 0, 0, 0);
        assertThat(lines.line("clone3", 26694, fork, 64))
                .isEqualTo("clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 64) = 26694");
    }
}
