package dev.jutrace.tools.strace;

import dev.jutrace.decode.SyscallClass;
import dev.jutrace.decode.SyscallTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Which arguments of each syscall are descriptors and which are paths, and which calls return a
 * new descriptor: the data behind {@code -P}, {@code --trace-fds} and {@code -y}, read once from
 * {@code fd-args.tsv}. Lookups are array reads.
 */
final class FdArgs {
    private static final String RESOURCE = "fd-args.tsv";

    private final byte[] fds;
    private final byte[] paths;
    private final boolean[] returnsFd;

    private FdArgs(byte[] fds, byte[] paths, boolean[] returnsFd) {
        this.fds = fds;
        this.paths = paths;
        this.returnsFd = returnsFd;
    }

    static FdArgs load(SyscallTable table) {
        int n = table.size();
        byte[] fds = new byte[n];
        byte[] paths = new byte[n];
        boolean[] returns = new boolean[n];
        boolean[] listed = new boolean[n];
        try (InputStream in = FdArgs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                int nr = table.number(f[0]);
                if (f.length != 4 || nr < 0) throw new IllegalStateException(RESOURCE + ":" + lineNo + ": bad row: " + line);
                listed[nr] = true;
                returns[nr] = f[1].equals("fd");
                fds[nr] = mask(f[2]);
                paths[nr] = mask(f[3]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int nr = 0; nr < n; nr++) {
            if (listed[nr]) continue;
            if (table.inClass(nr, SyscallClass.DESC)) fds[nr] = 1;
            if (table.inClass(nr, SyscallClass.FILE)) paths[nr] = 1;
        }
        return new FdArgs(fds, paths, returns);
    }

    private static byte mask(String field) {
        if (field.equals("-")) return 0;
        int m = 0;
        for (String a : field.split(",")) m |= 1 << Integer.parseInt(a);
        return (byte) m;
    }

    /** Bit i set: argument i of {@code nr} is a descriptor. */
    int fdArgs(int nr) {
        return nr >= 0 && nr < fds.length ? fds[nr] : 0;
    }

    /** Bit i set: argument i of {@code nr} is a path. */
    int pathArgs(int nr) {
        return nr >= 0 && nr < paths.length ? paths[nr] : 0;
    }

    /** Whether a successful {@code nr} returns a new descriptor. */
    boolean returnsFd(int nr) {
        return nr >= 0 && nr < returnsFd.length && returnsFd[nr];
    }
}
