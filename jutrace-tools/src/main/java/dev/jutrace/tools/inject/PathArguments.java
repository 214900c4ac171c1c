package dev.jutrace.tools.inject;

import dev.jutrace.decode.SyscallClass;
import dev.jutrace.decode.SyscallTable;
import java.util.Map;

/**
 * Which arguments of a system call are path names, for {@code path=}: the argument a user would
 * call "the path" of a call (both of them for rename, link and symlink). Syscalls of class
 * {@code %file} take their path as argument 0 unless listed here.
 */
final class PathArguments {
    private PathArguments() {}

    private static final int[] NONE = {};
    private static final int[] FIRST = {0};

    /** Exceptions to "argument 0", by syscall name (indices from 0); from the man pages' prototypes. */
    private static final Map<String, int[]> TABLE = Map.ofEntries(
            Map.entry("openat", new int[] {1}),
            Map.entry("openat2", new int[] {1}),
            Map.entry("mkdirat", new int[] {1}),
            Map.entry("mknodat", new int[] {1}),
            Map.entry("fchownat", new int[] {1}),
            Map.entry("futimesat", new int[] {1}),
            Map.entry("newfstatat", new int[] {1}),
            Map.entry("unlinkat", new int[] {1}),
            Map.entry("readlinkat", new int[] {1}),
            Map.entry("fchmodat", new int[] {1}),
            Map.entry("faccessat", new int[] {1}),
            Map.entry("faccessat2", new int[] {1}),
            Map.entry("utimensat", new int[] {1}),
            Map.entry("name_to_handle_at", new int[] {1}),
            Map.entry("execveat", new int[] {1}),
            Map.entry("statx", new int[] {1}),
            Map.entry("open_tree", new int[] {1}),
            Map.entry("fspick", new int[] {1}),
            Map.entry("mount_setattr", new int[] {1}),
            Map.entry("inotify_add_watch", new int[] {1}),
            Map.entry("quotactl", new int[] {1}),
            Map.entry("fanotify_mark", new int[] {4}),
            Map.entry("rename", new int[] {0, 1}),
            Map.entry("link", new int[] {0, 1}),
            Map.entry("symlink", new int[] {0, 1}),
            Map.entry("pivot_root", new int[] {0, 1}),
            Map.entry("mount", new int[] {0, 1}),
            Map.entry("renameat", new int[] {1, 3}),
            Map.entry("renameat2", new int[] {1, 3}),
            Map.entry("linkat", new int[] {1, 3}),
            Map.entry("move_mount", new int[] {1, 3}),
            Map.entry("symlinkat", new int[] {0, 2}),
            // In %file, but with no path argument to read.
            Map.entry("fstat", NONE),
            Map.entry("fstatfs", NONE),
            Map.entry("getcwd", NONE),
            Map.entry("fsconfig", NONE));

    /** The path argument indices of syscall {@code nr}; empty when it takes no path. */
    static int[] of(SyscallTable table, int nr) {
        String name = table.knownName(nr);
        if (name == null) return NONE;
        int[] listed = TABLE.get(name);
        if (listed != null) return listed;
        return table.inClass(nr, SyscallClass.FILE) ? FIRST : NONE;
    }
}
