package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.text.ReturnStyle;

/**
 * How one syscall's arguments print. A decoder is stateless: entry and exit each get the
 * argument registers again, so one decoder serves every thread of every tracee.
 */
public sealed interface Decoder {

    /**
     * The first slot after the six argument registers where an entry half keeps a value its exit
     * half needs once the kernel has overwritten it: accept's {@code *addrlen} prints as
     * {@code [128 => 16]}. For rt_sigreturn, which has no arguments, the caller puts the stack
     * pointer there instead: the signal frame the call restores sits at it.
     */
    int SAVED = 6;

    /** How long the {@code args} array given to both halves is: the registers, then the saved slots. */
    int ARGS_LENGTH = 8;

    /** How the successful return value prints. */
    ReturnStyle returns();

    /**
     * What prints in parentheses after a successful return value, or null for nothing: poll's
     * {@code = 1 ([{fd=3, revents=POLLIN}])}, {@code = 0 (Timeout)}. It prints top-level values;
     * when it prints none, the parentheses are left out.
     */
    Results annotation();

    /**
     * Prints a successful return value whose form depends on the arguments, or null when
     * {@link #returns} says it: fcntl's F_GETFL returns flags, in hex, F_DUPFD a descriptor.
     */
    Results value();

    /** This decoder, with successful return values printed by {@code value}. */
    Decoder printingValue(Results value);

    /** Every argument is known when the call starts: open's path, write's buffer. */
    record AtEntry(Arguments entry, ReturnStyle returns, Results annotation, Results value) implements Decoder {

        public AtEntry(Arguments entry, ReturnStyle returns) {
            this(entry, returns, null, null);
        }

        public AtEntry(Arguments entry, ReturnStyle returns, Results annotation) {
            this(entry, returns, annotation, null);
        }

        @Override
        public Decoder printingValue(Results how) {
            return new AtEntry(entry, returns, annotation, how);
        }
    }

    /**
     * Some arguments are only filled in by the kernel (read's buffer, pipe's descriptors): the
     * ones before them print at entry, the rest at exit.
     */
    record Split(Arguments entry, Results exit, ReturnStyle returns, Results annotation, Results value) implements Decoder {

        public Split(Arguments entry, Results exit, ReturnStyle returns) {
            this(entry, exit, returns, null, null);
        }

        public Split(Arguments entry, Results exit, ReturnStyle returns, Results annotation) {
            this(entry, exit, returns, annotation, null);
        }

        @Override
        public Decoder printingValue(Results how) {
            return new Split(entry, exit, returns, annotation, how);
        }
    }

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

    /** A call whose arguments all print at entry, with a note after its return value. */
    static Decoder annotated(Arguments entry, Results annotation) {
        return new AtEntry(entry, ReturnStyle.DECIMAL, annotation);
    }

    /** A call with arguments printed at exit, and a note after its return value. */
    static Decoder annotated(Arguments entry, Results exit, Results annotation) {
        return new Split(entry, exit, ReturnStyle.DECIMAL, annotation);
    }
}
