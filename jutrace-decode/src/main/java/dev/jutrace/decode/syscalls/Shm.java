package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.text.ReturnStyle;
import dev.jutrace.decode.xlat.Xlat;

/** shmget(2), shmat(2), shmdt(2), shmctl(2): System V shared memory. */
final class Shm {

    private static final Xlat GET_FLAGS = Xlat.load("shmget_flags");
    private static final Xlat AT_FLAGS = Xlat.load("shmat_flags");
    private static final Xlat CMDS = Xlat.load("shmctl_cmds");
    private static final long SHM_STAT = CMDS.value("SHM_STAT"), SHM_STAT_ANY = CMDS.value("SHM_STAT_ANY");
    private static final long IPC_INFO = CMDS.value("IPC_INFO"), SHM_INFO = CMDS.value("SHM_INFO");
    /** struct shminfo64: unsigned longs (IPC_INFO). */
    private static final String[] SHMINFO = {"shmmax", "shmmin", "shmmni", "shmseg", "shmall"};
    /** struct shm_info after its int used_ids and padding: unsigned longs (SHM_INFO). */
    private static final String[] SHM_INFO_FIELDS = {"shm_tot", "shm_rss", "shm_swp", "swap_attempts", "swap_successes"};
    /** x86_64 struct shmid64_ds: perm, segsz, atime, dtime, ctime, cpid, lpid, nattch. */
    private static final int SHMID_DS_SIZE = 112;

    private Shm() {}

    static void register(Registrar r) {
        r.add("shmget", Decoder.atEntry(Shm::shmget));
        r.add("shmat", Decoder.atEntry(ReturnStyle.HEX, Shm::shmat));
        r.add("shmdt", Decoder.atEntry(Shm::shmdt));
        r.add("shmctl", Decoder.split(Shm::shmctlEntry, Shm::shmctl));
    }

    /** shmget(key_t key, size_t size, int shmflg) */
    private static void shmget(long[] args, ArgWriter out) {
        long key = args[0], size = args[1], shmflg = args[2];
        SysvIpc.key(key, out);
        out.unsigned(size);
        SysvIpc.getFlags(GET_FLAGS, shmflg, out);
    }

    /** shmat(int shmid, const void *shmaddr, int shmflg) */
    private static void shmat(long[] args, ArgWriter out) {
        long shmid = args[0], shmaddr = args[1], shmflg = args[2];
        out.int32(shmid);
        out.pointer(shmaddr);
        out.flags(AT_FLAGS, shmflg & 0xffff_ffffL);
    }

    /** shmdt(const void *shmaddr) */
    private static void shmdt(long[] args, ArgWriter out) {
        long shmaddr = args[0];
        out.pointer(shmaddr);
    }

    /** shmctl(int shmid, int cmd, struct shmid_ds *buf): the buffer prints at exit, filled or not. */
    private static void shmctlEntry(long[] args, ArgWriter out) {
        long shmid = args[0], cmd = args[1];
        out.int32(shmid);
        SysvIpc.command(CMDS, cmd, out);
    }

    private static void shmctl(long[] args, long ret, ArgWriter out) {
        long cmd = SysvIpc.commandOf(args[1]), buf = args[2];
        if (cmd == IPC_INFO) {
            SysvIpc.info(buf, ret, SHMINFO, 8, null, out);
            return;
        }
        if (cmd == SHM_INFO) {
            shmInfo(buf, ret, out);
            return;
        }
        boolean stat = cmd == SysvIpc.IPC_STAT || cmd == SHM_STAT || cmd == SHM_STAT_ANY;
        boolean set = cmd == SysvIpc.IPC_SET;
        if (buf == 0 || !(set || (stat && !Errno.isError(ret))) || !out.fetch(buf, SHMID_DS_SIZE)) {
            out.pointer(buf);
            return;
        }
        long segsz = out.fetchedLong(48), atime = out.fetchedLong(56), dtime = out.fetchedLong(64), ctime = out.fetchedLong(72);
        long cpid = out.fetchedUint32(80), lpid = out.fetchedUint32(84), nattch = out.fetchedLong(88);
        out.beginStruct();
        out.field("shm_perm");
        SysvIpc.perm(0, set, out);
        if (!set) {
            out.field("shm_segsz");
            out.unsigned(segsz);
            out.field("shm_cpid");
            out.int32(cpid);
            out.field("shm_lpid");
            out.int32(lpid);
            out.field("shm_nattch");
            out.unsigned(nattch);
            out.field("shm_atime");
            out.signed(atime);
            out.field("shm_dtime");
            out.signed(dtime);
            out.field("shm_ctime");
            out.signed(ctime);
        }
        out.endStruct();
    }

    /** struct shm_info: an int, then unsigned longs. */
    private static void shmInfo(long buf, long ret, ArgWriter out) {
        if (Errno.isError(ret) || buf == 0 || !out.fetch(buf, 8 + 8 * SHM_INFO_FIELDS.length)) {
            out.pointer(buf);
            return;
        }
        out.beginStruct();
        out.field("used_ids");
        out.int32(out.fetchedUint32(0));
        for (int i = 0; i < SHM_INFO_FIELDS.length; i++) {
            out.field(SHM_INFO_FIELDS[i]);
            out.unsigned(out.fetchedLong(8 + 8 * i));
        }
        out.endStruct();
    }
}
