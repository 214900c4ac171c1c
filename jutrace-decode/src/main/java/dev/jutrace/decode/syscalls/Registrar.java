package dev.jutrace.decode.syscalls;

/** What a syscall family uses to attach its decoders to syscall names. */
@FunctionalInterface
public interface Registrar {

    /**
     * Makes {@code decoder} print syscall {@code name}.
     *
     * @throws IllegalArgumentException when the syscall table has no such name, or it already has a decoder
     */
    void add(String name, Decoder decoder);
}
