package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * mq_open(2), mq_unlink(2), mq_timedsend(2), mq_timedreceive(2), mq_notify(2),
 * mq_getsetattr(2): POSIX message queues.
 */
final class Mqueue {

    private static final long O_CREAT = Xlat.load("open_flags").value("O_CREAT");
    /** struct mq_attr: mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs, longs. */
    private static final int ATTR_SIZE = 32;
    private static final String[] COUNT_FIELDS = {"mq_maxmsg", "mq_msgsize", "mq_curmsgs"};
    private static final Xlat ATTR_FLAGS = Xlat.load("mq_attr_flags");

    private Mqueue() {}

    static void register(Registrar r) {
        r.add("mq_open", Decoder.atEntry(Mqueue::mqOpen));
        r.add("mq_unlink", Decoder.atEntry(Mqueue::mqUnlink));
        r.add("mq_timedsend", Decoder.atEntry(Mqueue::mqTimedsend));
        r.add("mq_timedreceive", Decoder.split(Mqueue::mqdesOnly, Mqueue::mqTimedreceive));
        r.add("mq_notify", Decoder.atEntry(Mqueue::mqNotify));
        r.add("mq_getsetattr", Decoder.split(Mqueue::mqGetsetattrEntry, Mqueue::mqGetsetattr));
    }

    /** mq_open(const char *name, int oflag, mode_t mode, struct mq_attr *attr): mode and attr count only with O_CREAT. */
    private static void mqOpen(long[] args, ArgWriter out) {
        long name = args[0], oflag = args[1], mode = args[2], attr = args[3];
        out.path(name);
        Open.printFlags((int) oflag, out);
        if ((oflag & O_CREAT) != 0) {
            out.mode(Open.umode(mode));
            attr(attr, out);
        }
    }

    private static void attr(long attr, ArgWriter out) {
        if (attr == 0 || !out.fetch(attr, ATTR_SIZE)) {
            out.pointer(attr);
            return;
        }
        out.beginStruct();
        out.field("mq_flags");
        out.flags(ATTR_FLAGS, out.fetchedLong(0));
        for (int i = 0; i < COUNT_FIELDS.length; i++) {
            out.field(COUNT_FIELDS[i]);
            out.signed(out.fetchedLong(8 * (i + 1)));
        }
        out.endStruct();
    }

    /** mq_unlink(const char *name) */
    private static void mqUnlink(long[] args, ArgWriter out) {
        long name = args[0];
        out.path(name);
    }

    /** mq_timedsend(mqd_t mqdes, const char *msg_ptr, size_t msg_len, unsigned int msg_prio, const struct timespec *abs_timeout) */
    private static void mqTimedsend(long[] args, ArgWriter out) {
        long mqdes = args[0], msgPtr = args[1], msgLen = args[2], msgPrio = args[3], absTimeout = args[4];
        out.fd(mqdes);
        out.buffer(msgPtr, msgLen);
        out.unsigned(msgLen);
        out.uint32(msgPrio);
        Times.timespec(absTimeout, out);
    }

    private static void mqdesOnly(long[] args, ArgWriter out) {
        long mqdes = args[0];
        out.fd(mqdes);
    }

    /** mq_timedreceive(mqd_t mqdes, char *msg_ptr, size_t msg_len, unsigned int *msg_prio, const struct timespec *abs_timeout) */
    private static void mqTimedreceive(long[] args, long ret, ArgWriter out) {
        long msgPtr = args[1], msgLen = args[2], msgPrio = args[3], absTimeout = args[4];
        ReadWrite.received(msgPtr, ret, out);
        out.unsigned(msgLen);
        if (Errno.isError(ret) || msgPrio == 0 || !out.fetch(msgPrio, 4)) {
            out.pointer(msgPrio);
        } else {
            out.beginArray();
            out.uint32(out.fetchedUint32(0));
            out.endArray();
        }
        Times.timespec(absTimeout, out);
    }

    /** mq_notify(mqd_t mqdes, const struct sigevent *sevp) */
    private static void mqNotify(long[] args, ArgWriter out) {
        long mqdes = args[0], sevp = args[1];
        out.fd(mqdes);
        Timer.sigevent(sevp, out);
    }

    /** mq_getsetattr(mqd_t mqdes, const struct mq_attr *newattr, struct mq_attr *oldattr): the old attributes are the kernel's to fill. */
    private static void mqGetsetattrEntry(long[] args, ArgWriter out) {
        long mqdes = args[0], newattr = args[1];
        out.fd(mqdes);
        attr(newattr, out);
    }

    private static void mqGetsetattr(long[] args, long ret, ArgWriter out) {
        long oldattr = args[2];
        if (Errno.isError(ret)) {
            out.pointer(oldattr);
        } else {
            attr(oldattr, out);
        }
    }
}
