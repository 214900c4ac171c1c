package dev.jutrace.tools.strace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a socket by inode in the process's /proc/PID/net tables and renders it as strace's
 * {@code -yy} does: {@code TCP:[127.0.0.1:80->127.0.0.1:5555]}, {@code UDPv6:[[::1]:53]},
 * {@code UNIX-STREAM:[12345,"/run/x.sock"]}. Only {@code -yy} pays for these reads.
 */
final class SocketTables {
    private static final String[][] INET = {
        {"tcp", "TCP"}, {"tcp6", "TCPv6"}, {"udp", "UDP"}, {"udp6", "UDPv6"}, {"udplite", "UDPLITE"},
    };

    private SocketTables() {}

    /** The socket with {@code inode} as {@code PROTO:[...]}, or null when no table lists it. */
    static String describe(int pid, String inode) {
        for (String[] t : INET) {
            String found = inet(pid, t[0], t[1], inode);
            if (found != null) return found;
        }
        return unix(pid, inode);
    }

    private static List<String> lines(int pid, String table) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/net/" + table));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** {@code sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...} */
    private static String inet(int pid, String table, String protocol, String inode) {
        List<String> lines = lines(pid, table);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length < 10 || !f[9].equals(inode)) continue;
            String local = endpoint(f[1]);
            StringBuilder sb = new StringBuilder(protocol).append(":[");
            if (isZero(f[1])) {
                sb.append(inode);
            } else {
                sb.append(local);
                if (!isZero(f[2])) sb.append("->").append(endpoint(f[2]));
            }
            return sb.append(']').toString();
        }
        return null;
    }

    private static boolean isZero(String endpoint) {
        for (int i = 0; i < endpoint.length(); i++) {
            char c = endpoint.charAt(i);
            if (c != '0' && c != ':') return false;
        }
        return true;
    }

    /** {@code 0100007F:0050} is 127.0.0.1:80; IPv6 addresses are four host-order words. */
    private static String endpoint(String hex) {
        int colon = hex.indexOf(':');
        String addr = hex.substring(0, colon);
        int port = Integer.parseInt(hex.substring(colon + 1), 16);
        byte[] b = new byte[addr.length() / 2];
        for (int word = 0; word < b.length / 4; word++) {
            long w = Long.parseLong(addr.substring(word * 8, word * 8 + 8), 16);
            for (int k = 0; k < 4; k++) b[word * 4 + k] = (byte) (w >>> (8 * k));
        }
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff) + ":" + port;
        }
        return "[" + ipv6(b) + "]:" + port;
    }

    /** inet_ntop's form: the longest run of two or more zero groups becomes {@code ::}. */
    private static String ipv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** {@code Num RefCount Protocol Flags Type St Inode Path}. The peer's inode is not in /proc. */
    private static String unix(int pid, String inode) {
        List<String> lines = lines(pid, "unix");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+", 8);
            if (f.length < 7 || !f[6].equals(inode)) continue;
            String type = switch (f[4]) {
                case "0001" -> "UNIX-STREAM";
                case "0002" -> "UNIX-DGRAM";
                case "0005" -> "UNIX-SEQPACKET";
                default -> "UNIX";
            };
            StringBuilder sb = new StringBuilder(type).append(":[").append(inode);
            if (f.length == 8) {
                sb.append(",\"");
                FdTable.escape(f[7], sb);
                sb.append('"');
            }
            return sb.append(']').toString();
        }
        return null;
    }
}
