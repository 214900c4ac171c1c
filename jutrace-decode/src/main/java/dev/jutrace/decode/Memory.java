package dev.jutrace.decode;

/**
 * Tracee memory as decoders see it.
 *
 * <p>Decoders read lazily: only the bytes a printed argument needs, and at most once per
 * argument. An implementation need not cache. A short count is normal at the end of a mapping;
 * decoders treat it the way strace does (a string with no NUL in the readable part prints as its
 * address).
 */
@FunctionalInterface
public interface Memory {

    /**
     * Copies up to length bytes from the tracee at address into buffer; returns bytes copied (may
     * be short at an unmapped page), or -1 if nothing at address is readable.
     */
    int read(long address, byte[] buffer, int offset, int length);

    /** Memory with nothing readable, for callers that print only what the registers hold. */
    Memory NONE = (address, buffer, offset, length) -> -1;
}
