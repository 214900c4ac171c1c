package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected lines are strace 6.1's for the same registers and memory. */
class LandlockTest {

    private static final long EINVAL = -22, EFAULT = -14;
    private final Lines lines = new Lines();
    private static final String EVERY_FS_RIGHT = "LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_WRITE_FILE|LANDLOCK_ACCESS_FS_READ_FILE"
            + "|LANDLOCK_ACCESS_FS_READ_DIR|LANDLOCK_ACCESS_FS_REMOVE_DIR|LANDLOCK_ACCESS_FS_REMOVE_FILE|LANDLOCK_ACCESS_FS_MAKE_CHAR"
            + "|LANDLOCK_ACCESS_FS_MAKE_DIR|LANDLOCK_ACCESS_FS_MAKE_REG|LANDLOCK_ACCESS_FS_MAKE_SOCK|LANDLOCK_ACCESS_FS_MAKE_FIFO"
            + "|LANDLOCK_ACCESS_FS_MAKE_BLOCK|LANDLOCK_ACCESS_FS_MAKE_SYM|LANDLOCK_ACCESS_FS_REFER|0xffffffffffffc000";

    @Test
    void createRuleset() {
        assertThat(lines.line("landlock_create_ruleset", 7, 0, 0, 1)).isEqualTo("landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 7");
        long attr = lines.memory.put(0x7ffdade033c8L, Bytes.of(16).u64(0, 1 | 4).get());
        assertThat(lines.line("landlock_create_ruleset", 8, attr, 8, 0))
                .isEqualTo("landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_READ_FILE}, 8, 0) = 8");
        assertThat(lines.line("landlock_create_ruleset", EINVAL, attr, 8, 7)).isEqualTo("landlock_create_ruleset({handled_access_fs="
                + "LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_READ_FILE}, 8, LANDLOCK_CREATE_RULESET_VERSION|0x6) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("landlock_create_ruleset", EINVAL, attr, 4, 0)).isEqualTo("landlock_create_ruleset(0x7ffdade033c8, 4, 0) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("landlock_create_ruleset", EFAULT, 1, 8, 0)).isEqualTo("landlock_create_ruleset(0x1, 8, 0)      = -1 EFAULT (Bad address)");
        assertThat(lines.line("landlock_create_ruleset", EINVAL, 0, 0, 8))
                .isEqualTo("landlock_create_ruleset(NULL, 0, 0x8 /* LANDLOCK_CREATE_RULESET_??? */) = -1 EINVAL (Invalid argument)");
        long every = lines.memory.put(0x1000, Bytes.of(16).u64(0, -1).get());
        assertThat(lines.line("landlock_create_ruleset", EINVAL, every, 8, 0))
                .isEqualTo("landlock_create_ruleset({handled_access_fs=" + EVERY_FS_RIGHT + "}, 8, 0) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("landlock_create_ruleset", EINVAL, every, 16, 0))
                .isEqualTo("landlock_create_ruleset({handled_access_fs=" + EVERY_FS_RIGHT + ", ...}, 16, 0) = -1 EINVAL (Invalid argument)");
    }

    @Test
    void addRuleAndRestrict() {
        long pb = lines.memory.put(0x7ffe5ddf8d8cL, Bytes.of(12).u64(0, 1).u32(8, 0).get());
        assertThat(lines.line("landlock_add_rule", 0, 8, 1, pb, 0))
                .isEqualTo("landlock_add_rule(8, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE, parent_fd=0}, 0) = 0");
        assertThat(lines.line("landlock_add_rule", EINVAL, 8, 5, pb, 0))
                .isEqualTo("landlock_add_rule(8, 0x5 /* LANDLOCK_RULE_??? */, 0x7ffe5ddf8d8c, 0) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("landlock_add_rule", EINVAL, -1, 1, 1, 1))
                .isEqualTo("landlock_add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, 0x1, 0x1) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("landlock_restrict_self", 0, 8, 0)).isEqualTo("landlock_restrict_self(8, 0)            = 0");
        assertThat(lines.line("landlock_restrict_self", 0, 8, 3)).isEqualTo("landlock_restrict_self(8, 0x3)          = 0");
    }
}
