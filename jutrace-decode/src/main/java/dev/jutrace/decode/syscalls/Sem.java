package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/** semget(2), semop(2), semtimedop(2), semctl(2): System V semaphores. */
final class Sem {

    private static final Xlat GET_FLAGS = Xlat.load("ipc_get_flags");
    private static final Xlat OP_FLAGS = Xlat.load("semop_flags");
    private static final Xlat CMDS = Xlat.load("semctl_cmds");
    private static final long SEM_STAT = CMDS.value("SEM_STAT"), SEM_STAT_ANY = CMDS.value("SEM_STAT_ANY");
    private static final long IPC_INFO = CMDS.value("IPC_INFO"), SEM_INFO = CMDS.value("SEM_INFO");
    /** struct seminfo: ints, for IPC_INFO and SEM_INFO alike. */
    private static final String[] SEMINFO = {
        "semmap", "semmni", "semmns", "semmnu", "semmsl", "semopm", "semume", "semusz", "semvmx", "semaem",
    };
    /** struct sembuf: unsigned short sem_num, short sem_op, short sem_flg. */
    private static final int SEMBUF_SIZE = 6;
    /** x86_64 struct semid64_ds: perm, otime, ctime, nsems. */
    private static final int SEMID_DS_SIZE = 104;

    private Sem() {}

    static void register(Registrar r) {
        r.add("semget", Decoder.atEntry(Sem::semget));
        r.add("semop", Decoder.atEntry(Sem::semop));
        r.add("semtimedop", Decoder.atEntry(Sem::semtimedop));
        r.add("semctl", Decoder.split(Sem::semctlEntry, Sem::semctl));
    }

    /** semget(key_t key, int nsems, int semflg) */
    private static void semget(long[] args, ArgWriter out) {
        long key = args[0], nsems = args[1], semflg = args[2];
        SysvIpc.key(key, out);
        out.int32(nsems);
        SysvIpc.getFlags(GET_FLAGS, semflg, out);
    }

    /** semop(int semid, struct sembuf *sops, size_t nsops) */
    private static void semop(long[] args, ArgWriter out) {
        long semid = args[0], sops = args[1], nsops = args[2];
        out.int32(semid);
        sembufs(sops, nsops, out);
        out.unsigned(nsops);
    }

    /** semtimedop(int semid, struct sembuf *sops, size_t nsops, const struct timespec *timeout) */
    private static void semtimedop(long[] args, ArgWriter out) {
        long timeout = args[3];
        semop(args, out);
        Times.timespec(timeout, out);
    }

    private static void sembufs(long sops, long nsops, ArgWriter out) {
        if (sops == 0 || (nsops != 0 && !out.fetch(sops, SEMBUF_SIZE))) {
            out.pointer(sops);
            return;
        }
        int limit = out.options().stringLimit();
        out.beginArray();
        for (long i = 0; Long.compareUnsigned(i, nsops) < 0; i++) {
            if (i == limit || !out.fetch(sops + i * SEMBUF_SIZE, SEMBUF_SIZE)) {
                out.ellipsis();
                break;
            }
            int num = out.fetchedUint16(0), op = (short) out.fetchedUint16(2), flg = out.fetchedUint16(4);
            out.beginStruct();
            out.field("sem_num");
            out.uint32(num);
            out.field("sem_op");
            out.int32(op);
            out.field("sem_flg");
            out.flags(OP_FLAGS, flg);
            out.endStruct();
        }
        out.endArray();
    }

    /** semctl(int semid, int semnum, int cmd, union semun arg) */
    private static void semctlEntry(long[] args, ArgWriter out) {
        long semid = args[0], semnum = args[1], cmd = args[2];
        out.int32(semid);
        out.int32(semnum);
        SysvIpc.command(CMDS, cmd, out);
    }

    /** The union prints as a struct for the calls that pass struct semid_ds, as an address otherwise. */
    private static void semctl(long[] args, long ret, ArgWriter out) {
        long cmd = SysvIpc.commandOf(args[2]), arg = args[3];
        if (cmd == IPC_INFO || cmd == SEM_INFO) {
            SysvIpc.info(arg, ret, SEMINFO, 4, null, out);
            return;
        }
        boolean stat = cmd == SysvIpc.IPC_STAT || cmd == SEM_STAT || cmd == SEM_STAT_ANY;
        boolean set = cmd == SysvIpc.IPC_SET;
        if (arg == 0 || !(set || (stat && !Errno.isError(ret))) || !out.fetch(arg, SEMID_DS_SIZE)) {
            out.pointer(arg);
            return;
        }
        long otime = out.fetchedLong(48), ctime = out.fetchedLong(56), nsems = out.fetchedLong(64);
        out.beginStruct();
        out.field("sem_perm");
        SysvIpc.perm(0, set, out);
        if (!set) {
            out.field("sem_otime");
            out.signed(otime);
            out.field("sem_ctime");
            out.signed(ctime);
            out.field("sem_nsems");
            out.unsigned(nsems);
        }
        out.endStruct();
    }
}
