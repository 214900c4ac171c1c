package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** landlock_create_ruleset(2), landlock_add_rule(2), landlock_restrict_self(2). */
final class Landlock {

    private static final Xlat ACCESS_FS = Xlat.load("landlock_access_fs");
    private static final Xlat CREATE_FLAGS = Xlat.load("landlock_create_flags");
    private static final Xlat RULE_TYPES = Xlat.load("landlock_rule_types");
    private static final long PATH_BENEATH = RULE_TYPES.value("LANDLOCK_RULE_PATH_BENEATH");
    /** struct landlock_ruleset_attr as strace 6.1 knows it: handled_access_fs alone; later fields print as {@code ...}. */
    private static final int RULESET_ATTR_SIZE = 8;
    /** struct landlock_path_beneath_attr is packed: u64 allowed_access, s32 parent_fd. */
    private static final int PATH_BENEATH_SIZE = 12;

    private Landlock() {}

    static void register(Registrar r) {
        r.add("landlock_create_ruleset", Decoder.atEntry(Landlock::createRuleset));
        r.add("landlock_add_rule", Decoder.atEntry(Landlock::addRule));
        r.add("landlock_restrict_self", Decoder.atEntry(Landlock::restrictSelf));
    }

    /** landlock_create_ruleset(const struct landlock_ruleset_attr *attr, size_t size, __u32 flags) */
    private static void createRuleset(long[] args, ArgWriter out) {
        long attr = args[0], size = args[1], flags = args[2];
        if (attr == 0 || Long.compareUnsigned(size, RULESET_ATTR_SIZE) < 0 || !out.fetch(attr, RULESET_ATTR_SIZE)) {
            out.pointer(attr);
        } else {
            long handledAccessFs = out.fetchedLong(0);
            out.beginStruct();
            out.field("handled_access_fs");
            out.flags(ACCESS_FS, handledAccessFs);
            if (Long.compareUnsigned(size, RULESET_ATTR_SIZE) > 0) {
                out.ellipsis();
            }
            out.endStruct();
        }
        out.unsigned(size);
        out.flags(CREATE_FLAGS, flags & 0xffff_ffffL);
    }

    /** landlock_add_rule(int ruleset_fd, enum landlock_rule_type rule_type, const void *rule_attr, __u32 flags) */
    private static void addRule(long[] args, ArgWriter out) {
        long rulesetFd = args[0], ruleType = args[1] & 0xffff_ffffL, ruleAttr = args[2], flags = args[3];
        out.fd(rulesetFd);
        out.value(RULE_TYPES, ruleType);
        if (ruleType != PATH_BENEATH || ruleAttr == 0 || !out.fetch(ruleAttr, PATH_BENEATH_SIZE)) {
            out.pointer(ruleAttr);
        } else {
            long allowedAccess = out.fetchedLong(0), parentFd = out.fetchedUint32(8);
            out.beginStruct();
            out.field("allowed_access");
            out.flags(ACCESS_FS, allowedAccess);
            out.field("parent_fd");
            out.fd(parentFd);
            out.endStruct();
        }
        out.hex(flags & 0xffff_ffffL);
    }

    /** landlock_restrict_self(int ruleset_fd, __u32 flags): no flags are defined, so they print in hex. */
    private static void restrictSelf(long[] args, ArgWriter out) {
        long rulesetFd = args[0], flags = args[1];
        out.fd(rulesetFd);
        out.hex(flags & 0xffff_ffffL);
    }
}
