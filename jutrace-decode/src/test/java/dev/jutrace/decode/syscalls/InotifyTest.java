package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class InotifyTest {

    private final Lines lines = new Lines();

    @Test
    void watches() {
        long dir = lines.memory.putString(0x6000, "/tmp/pa");
        assertThat(lines.line("inotify_init1", 8, 04000 | 02000000)).isEqualTo("inotify_init1(IN_NONBLOCK|IN_CLOEXEC)   = 8");
        assertThat(lines.line("inotify_add_watch", 1, 8, dir, 0x1000302))
                .isEqualTo("inotify_add_watch(8, \"/tmp/pa\", IN_MODIFY|IN_CREATE|IN_DELETE|IN_ONLYDIR) = 1");
        assertThat(lines.line("inotify_add_watch", 1, 8, dir, 0xfff))
                .isEqualTo("inotify_add_watch(8, \"/tmp/pa\", IN_ACCESS|IN_MODIFY|IN_ATTRIB|IN_CLOSE_WRITE|IN_CLOSE_NOWRITE|IN_OPEN"
                        + "|IN_MOVED_FROM|IN_MOVED_TO|IN_CREATE|IN_DELETE|IN_DELETE_SELF|IN_MOVE_SELF) = 1");
        assertThat(lines.line("inotify_rm_watch", 0, 8, 1)).isEqualTo("inotify_rm_watch(8, 1)                  = 0");
        assertThat(lines.line("inotify_init", 9)).isEqualTo("inotify_init()                          = 9");
    }
}
