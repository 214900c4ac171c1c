package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.text.ReturnStyle;

/**
 * How one syscall's arguments print. A decoder is stateless: entry and exit each get the
 * argument registers again, so one decoder serves every thread of every tracee.
 */
public sealed interface Decoder {

    /** How the successful return value prints. */
    ReturnStyle returns();

    /** Every argument is known when the call starts: open's path, write's buffer. */
    record AtEntry(Arguments entry, ReturnStyle returns) implements Decoder {}

    /**
     * Some arguments are only filled in by the kernel (read's buffer, pipe's descriptors): the
     * ones before them print at entry, the rest at exit.
     */
    record Split(Arguments entry, Results exit, ReturnStyle returns) implements Decoder {}

    /** Prints arguments from the argument registers. */
    @FunctionalInterface
    interface Arguments {
        void print(long[] args, ArgWriter out);
    }

    /** Prints the arguments known at exit, given the raw return value. */
    @FunctionalInterface
    interface Results {
        void print(long[] args, long ret, ArgWriter out);
    }

    static Decoder atEntry(Arguments entry) {
        return new AtEntry(entry, ReturnStyle.DECIMAL);
    }

    static Decoder atEntry(ReturnStyle returns, Arguments entry) {
        return new AtEntry(entry, returns);
    }

    static Decoder split(Arguments entry, Results exit) {
        return new Split(entry, exit, ReturnStyle.DECIMAL);
    }
}
