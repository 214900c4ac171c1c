package dev.jutrace.decode.text;

/** How a syscall's successful return value prints. Errors print the same way for every call. */
public enum ReturnStyle {
    /** A signed decimal: counts, descriptors, ids. */
    DECIMAL,
    /** Hex: addresses, as mmap and brk return. */
    HEX,
    /** Octal in strace's mode form, as umask returns: {@code 022}. */
    OCTAL
}
