package dev.jutrace.decode;

/**
 * What {@code -y} prints after a file descriptor: the tracer side knows the tracee's descriptors
 * (from /proc); decoders only say "this argument is a descriptor". A {@link Memory} that also
 * implements this interface gets its descriptors described when {@link DecodeOptions#decodeFds}
 * asks for it.
 */
public interface FdNames {

    /** {@code AT_FDCWD}: the working directory, as the *at() calls' directory argument. */
    int AT_FDCWD = -100;

    /**
     * Appends {@code <...>} for descriptor {@code fd} of the tracee: {@code </etc/passwd>},
     * {@code <pipe:[1234]>}, {@code <TCP:[127.0.0.1:80->127.0.0.1:5555]>}; nothing when it is not
     * open or cannot be resolved.
     */
    void appendFd(int fd, StringBuilder out);
}
