package dev.jutrace.testing.ptrace;

import dev.jutrace.ptrace.KernelPtrace;
import dev.jutrace.ptrace.Ptrace;

/** The implementations of {@link Ptrace} a scenario can run on. */
public enum Backend {
    /** The kernel's ptrace, called directly from the scenario's thread. */
    KERNEL;

    /** A fresh instance whose tracer is the calling thread. */
    public Ptrace open() {
        return switch (this) {
            case KERNEL -> KernelPtrace.open();
        };
    }

    /** The name the command line uses. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
