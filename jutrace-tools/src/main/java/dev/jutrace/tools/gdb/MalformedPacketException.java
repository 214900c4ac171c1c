package dev.jutrace.tools.gdb;

/** A packet that does not parse; the server answers it with an error reply, never a crash. */
final class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedPacketException(String message) {
        super(message);
    }
}
