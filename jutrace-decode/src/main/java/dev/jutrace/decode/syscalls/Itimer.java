package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** alarm(2), getitimer(2), setitimer(2): the old timer, which the kernel fills, prints at exit. */
final class Itimer {

    private static final Xlat WHICH = Xlat.load("itimer_which");

    private Itimer() {}

    static void register(Registrar r) {
        r.add("alarm", Decoder.atEntry(Itimer::alarm));
        r.add("getitimer", Decoder.split(Itimer::whichOnly, Itimer::getitimer));
        r.add("setitimer", Decoder.split(Itimer::setitimerEntry, Itimer::setitimerExit));
    }

    /** alarm(unsigned int seconds) */
    private static void alarm(long[] args, ArgWriter out) {
        long seconds = args[0];
        out.uint32(seconds);
    }

    private static void whichOnly(long[] args, ArgWriter out) {
        long which = args[0];
        out.value(WHICH, which & 0xffff_ffffL);
    }

    /** getitimer(int which, struct itimerval *curr_value), after which. */
    private static void getitimer(long[] args, long ret, ArgWriter out) {
        long currValue = args[1];
        filled(currValue, ret, out);
    }

    /** setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value) */
    private static void setitimerEntry(long[] args, ArgWriter out) {
        long which = args[0], newValue = args[1];
        out.value(WHICH, which & 0xffff_ffffL);
        Times.itimerval(newValue, out);
    }

    private static void setitimerExit(long[] args, long ret, ArgWriter out) {
        long oldValue = args[2];
        filled(oldValue, ret, out);
    }

    private static void filled(long address, long ret, ArgWriter out) {
        if (Errno.isError(ret)) {
            out.pointer(address);
        } else {
            Times.itimerval(address, out);
        }
    }
}
