package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * POSIX timers, timer_create(2), timer_settime(2), timer_gettime(2), timer_getoverrun(2),
 * timer_delete(2), and timerfd_create(2), timerfd_settime(2), timerfd_gettime(2). The new
 * timer id and the old or current settings are the kernel's to fill, so they print at exit.
 */
final class Timer {

    private static final Xlat FLAGS = Xlat.load("timer_flags");
    private static final Xlat NOTIFY = Xlat.load("sigev_notify");
    private static final Xlat TFD_CREATE = Xlat.load("timerfd_create_flags");
    private static final Xlat TFD_SETTIME = Xlat.load("timerfd_settime_flags");
    private static final long SIGEV_SIGNAL = NOTIFY.value("SIGEV_SIGNAL");
    private static final long SIGEV_THREAD = NOTIFY.value("SIGEV_THREAD");
    private static final long SIGEV_THREAD_ID = NOTIFY.value("SIGEV_THREAD_ID");
    /** x86_64 struct sigevent: the value, signo, notify, then a union at 16; 64 bytes in all. */
    private static final int SIGEVENT_SIZE = 64;

    private Timer() {}

    static void register(Registrar r) {
        r.add("timer_create", Decoder.split(Timer::timerCreateEntry, Timer::timerCreateExit));
        r.add("timer_settime", Decoder.split(Timer::settimeEntry, Timer::settimeExit));
        r.add("timer_gettime", Decoder.split(Timer::idOnly, Timer::gettimeExit));
        r.add("timer_getoverrun", Decoder.atEntry(Timer::idOnly));
        r.add("timer_delete", Decoder.atEntry(Timer::idOnly));
        r.add("timerfd_create", Decoder.atEntry(Timer::timerfdCreate));
        r.add("timerfd_settime", Decoder.split(Timer::timerfdSettimeEntry, Timer::settimeExit));
        r.add("timerfd_gettime", Decoder.split(Timer::fdOnly, Timer::gettimeExit));
    }

    /** timer_create(clockid_t clockid, struct sigevent *sevp, timer_t *timerid) */
    private static void timerCreateEntry(long[] args, ArgWriter out) {
        long clockid = args[0], sevp = args[1];
        Times.clock(clockid, out);
        sigevent(sevp, out);
    }

    private static void timerCreateExit(long[] args, long ret, ArgWriter out) {
        long timerid = args[2];
        if (Errno.isError(ret) || timerid == 0 || !out.fetch(timerid, 4)) {
            out.pointer(timerid);
            return;
        }
        int id = out.fetchedInt32(0);
        out.beginArray();
        out.int32(id);
        out.endArray();
    }

    /** The kernel's timer_t is an int. */
    private static void idOnly(long[] args, ArgWriter out) {
        long timerid = args[0];
        out.int32(timerid);
    }

    private static void fdOnly(long[] args, ArgWriter out) {
        long fd = args[0];
        out.fd(fd);
    }

    /** timer_settime(timer_t timerid, int flags, const struct itimerspec *new_value, struct itimerspec *old_value) */
    private static void settimeEntry(long[] args, ArgWriter out) {
        long timerid = args[0], flags = args[1], newValue = args[2];
        out.int32(timerid);
        out.flags(FLAGS, flags & 0xffff_ffffL);
        Times.itimerspec(newValue, out);
    }

    /** The old value of timer_settime and timerfd_settime, filled by the kernel. */
    private static void settimeExit(long[] args, long ret, ArgWriter out) {
        long oldValue = args[3];
        Times.filledItimerspec(oldValue, ret, out);
    }

    /** timer_gettime(timer_t timerid, struct itimerspec *curr_value), and timerfd_gettime's alike, after the first. */
    private static void gettimeExit(long[] args, long ret, ArgWriter out) {
        long currValue = args[1];
        Times.filledItimerspec(currValue, ret, out);
    }

    /** timerfd_create(int clockid, int flags) */
    private static void timerfdCreate(long[] args, ArgWriter out) {
        long clockid = args[0], flags = args[1];
        Times.clock(clockid, out);
        out.flags(TFD_CREATE, flags & 0xffff_ffffL);
    }

    /** timerfd_settime(int fd, int flags, const struct itimerspec *new_value, struct itimerspec *old_value) */
    private static void timerfdSettimeEntry(long[] args, ArgWriter out) {
        long fd = args[0], flags = args[1], newValue = args[2];
        out.fd(fd);
        out.flags(TFD_SETTIME, flags & 0xffff_ffffL);
        Times.itimerspec(newValue, out);
    }

    /**
     * struct sigevent. The value prints only when set, and the signal by name only when the
     * notification uses one (not SIGEV_NONE); strace adds the thread id of SIGEV_THREAD_ID and
     * the function of SIGEV_THREAD.
     */
    static void sigevent(long address, ArgWriter out) {
        if (address == 0 || !out.fetch(address, SIGEVENT_SIZE)) {
            out.pointer(address);
            return;
        }
        long value = out.fetchedLong(0);
        int signo = out.fetchedInt32(8);
        long notify = out.fetchedUint32(12);
        long function = out.fetchedLong(16), attributes = out.fetchedLong(24);
        out.beginStruct();
        if (value != 0) {
            out.field("sigev_value");
            out.beginStruct();
            out.field("sival_int");
            out.int32(value);
            out.field("sival_ptr");
            out.pointer(value);
            out.endStruct();
        }
        out.field("sigev_signo");
        if (notify == SIGEV_SIGNAL || notify == SIGEV_THREAD || notify == SIGEV_THREAD_ID) {
            out.signal(signo);
        } else {
            out.int32(signo);
        }
        out.field("sigev_notify");
        out.value(NOTIFY, notify);
        if (notify == SIGEV_THREAD_ID) {
            out.field("sigev_notify_thread_id");
            out.int32(function);
        } else if (notify == SIGEV_THREAD) {
            out.field("sigev_notify_function");
            out.pointer(function);
            out.field("sigev_notify_attributes");
            out.pointer(attributes);
        }
        out.endStruct();
    }
}
