package dev.jutrace.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Linker plumbing shared by the bindings: symbol lookup, errno capture and per-thread scratch
 * memory. Package-private so that no handle leaks above the boundary.
 */
final class Native {
    private Native() {}

    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup LIBC = LINKER.defaultLookup();
    static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final java.lang.foreign.AddressLayout PTR = ValueLayout.ADDRESS;

    static MemorySegment symbol(String name) {
        return LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    }

    /** A downcall whose first parameter is the errno capture segment. */
    static MethodHandle errnoCall(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(symbol(name), fd, CAPTURE_ERRNO);
    }

    /** A variadic downcall ({@code ptrace}, {@code open}) with errno capture. */
    static MethodHandle variadicErrnoCall(String name, FunctionDescriptor fd, int firstVariadic) {
        return LINKER.downcallHandle(symbol(name), fd, CAPTURE_ERRNO,
                Linker.Option.firstVariadicArg(firstVariadic));
    }

    static MethodHandle call(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(symbol(name), fd);
    }

    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /**
     * Native buffers owned by one Java thread. The tracer thread calls into the kernel at every
     * stop; owning its buffers keeps that path free of allocation and of locking.
     */
    static final class Scratch {
        static final int BYTES = 64 * 1024;
        final Arena arena = Arena.ofAuto();
        final MemorySegment capture = arena.allocate(CAPTURE_LAYOUT);
        final MemorySegment status = arena.allocate(INT);
        final MemorySegment word = arena.allocate(LONG);
        final MemorySegment localIov = arena.allocate(16, 8);
        final MemorySegment remoteIov = arena.allocate(16, 8);
        final MemorySegment struct = arena.allocate(512, 16);
        final MemorySegment bytes = arena.allocate(BYTES, 16);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static Scratch scratch() {
        return SCRATCH.get();
    }
}
