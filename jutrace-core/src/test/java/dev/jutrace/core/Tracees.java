package dev.jutrace.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the compiled C tracees live. The core cannot depend on jutrace-testing (which depends on
 * it), so its tests read the same system property themselves.
 */
final class Tracees {
    private Tracees() {}

    static Path path(String name) {
        String dir = System.getProperty("jutrace.tracees");
        if (dir == null) throw new IllegalStateException("system property jutrace.tracees is not set");
        Path p = Path.of(dir, name);
        if (!Files.isExecutable(p)) throw new IllegalStateException("tracee not built: " + p);
        return p;
    }
}
