package dev.jutrace.tools.strace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What a process's descriptors refer to, as {@code -y} prints them: resolved lazily from
 * /proc/PID/fd on first use and kept until the engine sees the descriptor closed, replaced or
 * exec'd away, so a loop over the same descriptors reads /proc once. Threads sharing a
 * descriptor table ({@code CLONE_FILES}) share one of these.
 *
 * <p>Socket details ({@code -yy}) change as a socket is bound, connected and accepted on, so they
 * are looked up afresh each time from /proc/PID/net; only the socket's protocol, learnt from the
 * call that made it, is kept.
 */
final class FdTable {
    static final int AT_FDCWD = -100;
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;

    private final int pid;
    private final int level;
    /** What each descriptor's /proc link reads; null until resolved. */
    private String[] names = new String[64];
    /** -yy's device numbers per descriptor, {@code <char 1:3>}, or "" for none. */
    private String[] devices = new String[64];
    /** {@code TCP}, {@code UNIX-STREAM}...: a socket's protocol, from the call that made it. */
    private String[] protocols = new String[64];
    private String cwd;

    FdTable(int pid, int level) {
        this.pid = pid;
        this.level = level;
    }

    /** A table for a forked child: the same descriptors, read afresh from the child's /proc. */
    FdTable copyFor(int childPid) {
        FdTable t = new FdTable(childPid, level);
        t.protocols = protocols.clone();
        return t;
    }

    /** Appends {@code <path>} for {@code fd} ({@link #AT_FDCWD}: the working directory), or nothing when unknown. */
    void append(int fd, StringBuilder out) {
        if (fd == AT_FDCWD) {
            if (cwd == null) cwd = link("cwd");
            if (cwd != null) {
                out.append('<');
                escape(cwd, out);
                out.append('>');
            }
            return;
        }
        if (fd < 0) return;
        String name = path(fd);
        if (name == null) return;
        out.append('<');
        if (level >= 2 && name.startsWith("socket:[")) {
            appendSocket(fd, name, out);
        } else {
            escape(name, out);
            if (level >= 2) {
                if (devices[fd] == null) devices[fd] = device(fd, name);
                out.append(devices[fd]);
            }
        }
        out.append('>');
    }

    /** What {@code fd} refers to, unescaped ({@link #AT_FDCWD}: the working directory), or null. */
    String path(int fd) {
        if (fd == AT_FDCWD) {
            if (cwd == null) cwd = link("cwd");
            return cwd;
        }
        if (fd < 0) return null;
        String name = fd < names.length ? names[fd] : null;
        if (name == null) {
            // Failures are not kept: the descriptor may be opened by a call not seen yet.
            name = link("fd/" + fd);
            if (name == null) return null;
            if (fd >= names.length) grow(fd);
            names[fd] = name;
        }
        return name;
    }

    void forget(int fd) {
        if (fd >= 0 && fd < names.length) {
            names[fd] = null;
            devices[fd] = null;
            protocols[fd] = null;
        }
    }

    /** close_range: every descriptor from {@code first} to {@code last}, inclusive and unsigned. */
    void forgetRange(long first, long last) {
        long end = Math.min(last, names.length - 1L);
        for (long fd = first; fd >= 0 && fd <= end; fd++) forget((int) fd);
    }

    /** An exec closed the close-on-exec descriptors; anything may have changed. */
    void forgetAll() {
        Arrays.fill(names, null);
        Arrays.fill(devices, null);
        Arrays.fill(protocols, null);
    }

    void forgetCwd() {
        cwd = null;
    }

    /** A new descriptor whose protocol the call that made it tells: {@code TCP}, {@code UNIX-STREAM}. */
    void protocol(int fd, String protocol) {
        if (fd < 0) return;
        if (fd >= names.length) grow(fd);
        protocols[fd] = protocol;
    }

    String protocol(int fd) {
        return fd >= 0 && fd < protocols.length ? protocols[fd] : null;
    }

    private void grow(int fd) {
        int n = Math.max(names.length * 2, fd + 1);
        names = Arrays.copyOf(names, n);
        devices = Arrays.copyOf(devices, n);
        protocols = Arrays.copyOf(protocols, n);
    }

    private String link(String name) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/" + name)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** -yy's device numbers: {@code <char 1:3>} after {@code /dev/null}; "" for anything else. */
    private String device(int fd, String name) {
        if (!name.startsWith("/")) return "";
        try {
            Map<String, Object> a = Files.readAttributes(Path.of("/proc/" + pid + "/fd/" + fd), "unix:mode,rdev");
            int type = (Integer) a.get("mode") & S_IFMT;
            if (type != S_IFCHR && type != S_IFBLK) return "";
            long rdev = (Long) a.get("rdev");
            long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
            long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
            return (type == S_IFCHR ? "<char " : "<block ") + major + ":" + minor + ">";
        } catch (IOException | RuntimeException e) {
            return ""; // Not a device after all, or gone: the path alone.
        }
    }

    /**
     * -yy's socket endpoints, from /proc/PID/net as the socket stands now:
     * {@code TCP:[127.0.0.1:80->127.0.0.1:5555]}, {@code TCP:[127.0.0.1:80]} (bound),
     * {@code UNIX-STREAM:[12345,"/run/x.sock"]}; {@code TCP:[12345]} when it is in no table yet.
     */
    private void appendSocket(int fd, String name, StringBuilder out) {
        String inode = name.substring("socket:[".length(), name.length() - 1);
        String found = SocketTables.describe(pid, inode);
        if (found != null) {
            out.append(found);
            return;
        }
        String protocol = protocol(fd);
        if (protocol != null) {
            out.append(protocol).append(":[").append(inode).append(']');
        } else {
            out.append(name);
        }
    }

    /**
     * strace quotes a path inside {@code <>} without the quotes: {@code \}, {@code "}, {@code <},
     * {@code >} and unprintable bytes are escaped, the latter in octal.
     */
    static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f || c == '<' || c == '>') {
                boolean digitNext = i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7';
                String oct = Integer.toOctalString(c);
                out.append('\\');
                if (digitNext) out.append("000", 0, 3 - oct.length());
                out.append(oct);
            } else {
                out.append(c);
            }
        }
    }

    /** The protocols a socket(2) call's domain and type make, for sockets /proc does not list yet. */
    static String protocolOf(long domain, long type) {
        int t = (int) type & 0xf;
        return switch ((int) domain) {
            case 1 -> switch (t) {
                case 1 -> "UNIX-STREAM";
                case 2 -> "UNIX-DGRAM";
                case 5 -> "UNIX-SEQPACKET";
                default -> "UNIX";
            };
            case 2 -> t == 1 ? "TCP" : t == 2 ? "UDP" : null;
            case 10 -> t == 1 ? "TCPv6" : t == 2 ? "UDPv6" : null;
            case 16 -> "NETLINK";
            default -> null;
        };
    }
}
