package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** msgget(2), msgsnd(2), msgrcv(2), msgctl(2): System V message queues. */
final class Msg {

    private static final Xlat GET_FLAGS = Xlat.load("ipc_get_flags");
    private static final Xlat FLAGS = Xlat.load("ipc_msg_flags");
    private static final Xlat CMDS = Xlat.load("msgctl_cmds");
    private static final long MSG_STAT = CMDS.value("MSG_STAT"), MSG_STAT_ANY = CMDS.value("MSG_STAT_ANY");
    private static final long IPC_INFO = CMDS.value("IPC_INFO"), MSG_INFO = CMDS.value("MSG_INFO");
    /** struct msginfo: ints, then unsigned short msgseg; for IPC_INFO and MSG_INFO alike. */
    private static final String[] MSGINFO = {"msgpool", "msgmap", "msgmax", "msgmnb", "msgmni", "msgssz", "msgtql"};
    /** x86_64 struct msqid64_ds: perm, stime, rtime, ctime, cbytes, qnum, qbytes, lspid, lrpid. */
    private static final int MSQID_DS_SIZE = 120;

    private Msg() {}

    static void register(Registrar r) {
        r.add("msgget", Decoder.atEntry(Msg::msgget));
        r.add("msgsnd", Decoder.atEntry(Msg::msgsnd));
        r.add("msgrcv", Decoder.split(Msg::msqidOnly, Msg::msgrcv));
        r.add("msgctl", Decoder.split(Msg::msgctlEntry, Msg::msgctl));
    }

    /** msgget(key_t key, int msgflg) */
    private static void msgget(long[] args, ArgWriter out) {
        long key = args[0], msgflg = args[1];
        SysvIpc.key(key, out);
        SysvIpc.getFlags(GET_FLAGS, msgflg, out);
    }

    /** msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg) */
    private static void msgsnd(long[] args, ArgWriter out) {
        long msqid = args[0], msgp = args[1], msgsz = args[2], msgflg = args[3];
        out.int32(msqid);
        message(msgp, msgsz, out);
        out.unsigned(msgsz);
        out.flags(FLAGS, msgflg & 0xffff_ffffL);
    }

    private static void msqidOnly(long[] args, ArgWriter out) {
        long msqid = args[0];
        out.int32(msqid);
    }

    /**
     * msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg). strace shows msgsz
     * bytes of the text, not only the ones received, and msgtyp as an unsigned int.
     */
    private static void msgrcv(long[] args, long ret, ArgWriter out) {
        long msgp = args[1], msgsz = args[2], msgtyp = args[3], msgflg = args[4];
        if (Errno.isError(ret)) {
            out.pointer(msgp);
        } else {
            message(msgp, msgsz, out);
        }
        out.unsigned(msgsz);
        out.uint32(msgtyp);
        out.flags(FLAGS, msgflg & 0xffff_ffffL);
    }

    /** struct msgbuf: a long mtype, then the text. */
    private static void message(long msgp, long msgsz, ArgWriter out) {
        if (msgp == 0 || !out.fetch(msgp, 8)) {
            out.pointer(msgp);
            return;
        }
        long mtype = out.fetchedLong(0);
        out.beginStruct();
        out.field("mtype");
        out.signed(mtype);
        out.field("mtext");
        out.buffer(msgp + 8, msgsz);
        out.endStruct();
    }

    /** msgctl(int msqid, int cmd, struct msqid_ds *buf) */
    private static void msgctlEntry(long[] args, ArgWriter out) {
        long msqid = args[0], cmd = args[1];
        out.int32(msqid);
        SysvIpc.command(CMDS, cmd, out);
    }

    private static void msgctl(long[] args, long ret, ArgWriter out) {
        long cmd = SysvIpc.commandOf(args[1]), buf = args[2];
        if (cmd == IPC_INFO || cmd == MSG_INFO) {
            SysvIpc.info(buf, ret, MSGINFO, 4, "msgseg", out);
            return;
        }
        boolean stat = cmd == SysvIpc.IPC_STAT || cmd == MSG_STAT || cmd == MSG_STAT_ANY;
        boolean set = cmd == SysvIpc.IPC_SET;
        if (buf == 0 || !(set || (stat && !Errno.isError(ret))) || !out.fetch(buf, MSQID_DS_SIZE)) {
            out.pointer(buf);
            return;
        }
        long stime = out.fetchedLong(48), rtime = out.fetchedLong(56), ctime = out.fetchedLong(64);
        long qnum = out.fetchedLong(80), qbytes = out.fetchedLong(88);
        long lspid = out.fetchedUint32(96), lrpid = out.fetchedUint32(100);
        out.beginStruct();
        out.field("msg_perm");
        SysvIpc.perm(0, set, out);
        if (set) {
            // IPC_SET changes the queue's size limit too.
            out.field("msg_qbytes");
            out.unsigned(qbytes);
        } else {
            out.field("msg_stime");
            out.signed(stime);
            out.field("msg_rtime");
            out.signed(rtime);
            out.field("msg_ctime");
            out.signed(ctime);
            out.field("msg_qnum");
            out.unsigned(qnum);
            out.field("msg_qbytes");
            out.unsigned(qbytes);
            out.field("msg_lspid");
            out.int32(lspid);
            out.field("msg_lrpid");
            out.int32(lrpid);
        }
        out.endStruct();
    }
}
