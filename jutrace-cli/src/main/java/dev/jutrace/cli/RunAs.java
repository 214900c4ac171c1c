package dev.jutrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -u USER}: the command runs with USER's uid, gid and groups. The JVM cannot change a
 * child's credentials between fork and exec, so the command is started through util-linux's
 * setpriv, whose exec the strace engine does not print; the trace begins at the command's own
 * execve, as strace's does.
 */
final class RunAs {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private RunAs() {}

    /** The argv that runs {@code command} as {@code user}. */
    static List<String> wrap(String user, List<String> command) {
        if (!isRoot()) throw new Main.UsageError("You must be root to use the -u/--username option");
        List<String> argv = new ArrayList<>(List.of(SETPRIV.toString()));
        int colon = user.indexOf(':');
        if (colon > 0 && isNumber(user.substring(0, colon)) && isNumber(user.substring(colon + 1))) {
            argv.addAll(List.of("--reuid", user.substring(0, colon), "--regid", user.substring(colon + 1),
                    "--clear-groups"));
        } else {
            String[] entry = passwd(user);
            if (entry == null) throw new Main.UsageError("Cannot find user '" + user + "'");
            argv.addAll(List.of("--reuid", entry[2], "--regid", entry[3], "--init-groups"));
        }
        if (!Files.isExecutable(SETPRIV)) throw new Main.UsageError("-u needs " + SETPRIV + " (util-linux)");
        argv.add("--");
        // setpriv runs it with execvp, searching PATH as jutrace did: the command keeps its argv[0].
        argv.add(command.getFirst());
        argv.addAll(command.subList(1, command.size()));
        return argv;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return line.split("\\s+")[2].equals("0");
            }
        } catch (IOException e) {
            // Treated as not root.
        }
        return false;
    }

    /** The /etc/passwd entry of {@code name}, split at ':'; null when there is none. */
    private static String[] passwd(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":", -1);
                if (f.length >= 4 && f[0].equals(name)) return f;
            }
        } catch (IOException e) {
            // No such user, as far as jutrace can tell.
        }
        return null;
    }
}
