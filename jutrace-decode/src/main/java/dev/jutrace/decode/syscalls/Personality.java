package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * personality(2). A persona is an execution domain in the low byte and flags above it; the call
 * returns the previous one, which strace shows in hex and decoded. 0xffffffff only asks.
 */
final class Personality {

    private static final Xlat TYPES = Xlat.load("personality_types");
    private static final Xlat FLAGS = Xlat.load("personality_flags");
    private static final long PER_MASK = 0xff;
    private static final long QUERY = 0xffff_ffffL;

    private Personality() {}

    static void register(Registrar r) {
        r.add("personality", Decoder.annotated(Personality::personality, Personality::previous).printingValue(Personality::hex));
    }

    /** personality(unsigned long persona): the kernel takes it as an unsigned int. */
    private static void personality(long[] args, ArgWriter out) {
        long persona = args[0] & 0xffff_ffffL;
        if (persona == QUERY) {
            out.hex(persona);
        } else {
            persona(persona, out);
        }
    }

    private static void hex(long[] args, long ret, ArgWriter out) {
        out.hex(ret);
    }

    private static void previous(long[] args, long ret, ArgWriter out) {
        persona(ret & 0xffff_ffffL, out);
    }

    private static void persona(long persona, ArgWriter out) {
        out.beginFlags();
        out.flagValue(TYPES, persona & PER_MASK);
        out.flagBits(FLAGS, persona & ~PER_MASK);
        out.endFlags(FLAGS);
    }
}
