package dev.jutrace.testing.ptrace;

import dev.jutrace.ptrace.EnginePtrace;
import dev.jutrace.ptrace.KernelPtrace;
import dev.jutrace.ptrace.Ptrace;

/** The implementations of {@link Ptrace} a scenario can run on. */
public enum Backend {
    /** The kernel's ptrace, called directly from the scenario's thread. */
    KERNEL,
    /** {@link EnginePtrace}: ptrace as one engine on the core. */
    ENGINE,
    /** {@link EnginePtrace} with a syscall-counting engine attached beside it on every task. */
    ENGINE_WITH_COUNTER;

    /** A fresh instance; for KERNEL, the calling thread becomes the tracer. */
    public Ptrace open() {
        return switch (this) {
            case KERNEL -> KernelPtrace.open();
            case ENGINE -> EnginePtrace.open();
            case ENGINE_WITH_COUNTER -> EnginePtrace.open(SyscallCounter::attachTo);
        };
    }

    /** The name the command line uses. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
