package dev.jutrace.decode.syscalls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** System V shared memory, semaphores and message queues. Expected lines are strace 6.1's for the same registers and memory. */
class IpcTest {

    private static final long EFAULT = -14, EINVAL = -22, ENOENT = -2, ENOMEM = -12, EAGAIN = -11, ENOMSG = -42;
    private static final long IPC_CREAT = 01000, IPC_EXCL = 02000, IPC_NOWAIT = 04000, IPC_64 = 0x100;
    private static final long IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2;
    private final Lines lines = new Lines();

    /** struct ipc64_perm of a 0600 segment made by root, then the rest of a *_ds struct. */
    private static Bytes perm(int size) {
        return Bytes.of(size).u32(0, 0).u32(4, 0).u32(8, 0).u32(12, 0).u32(16, 0).u16(20, 0600);
    }

    @Test
    void shmgetAndShmat() {
        assertThat(lines.line("shmget", 0, 0, 4096, IPC_CREAT | 0600)).isEqualTo("shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600) = 0");
        assertThat(lines.line("shmget", ENOMEM, 0x1234, 8192, IPC_CREAT | IPC_EXCL | 04000 | 0644))
                .isEqualTo("shmget(0x1234, 8192, IPC_CREAT|IPC_EXCL|SHM_HUGETLB|0644) = -1 ENOMEM (Cannot allocate memory)");
        assertThat(lines.line("shmget", ENOENT, 0x1234, 4096, 0)).isEqualTo("shmget(0x1234, 4096, 000)               = -1 ENOENT (No such file or directory)");
        assertThat(lines.line("shmget", ENOENT, 0x1234, 4096, 0x10000 | 0777))
                .isEqualTo("shmget(0x1234, 4096, 0x10000|0777)      = -1 ENOENT (No such file or directory)");
        assertThat(lines.line("shmat", 0x7f6700358000L, 0, 0, 010000)).isEqualTo("shmat(0, NULL, SHM_RDONLY)              = 0x7f6700358000");
        assertThat(lines.line("shmat", 0x1000, 0, 0x1000, 020000 | 040000 | 0100000))
                .isEqualTo("shmat(0, 0x1000, SHM_RND|SHM_REMAP|SHM_EXEC) = 0x1000");
        assertThat(lines.line("shmat", 0x7f6700357000L, 0, 0, 0)).isEqualTo("shmat(0, NULL, 0)                       = 0x7f6700357000");
        assertThat(lines.line("shmdt", 0, 0x7f6700358000L)).isEqualTo("shmdt(0x7f6700358000)                   = 0");
        assertThat(lines.line("shmdt", EINVAL, 1)).isEqualTo("shmdt(0x1)                              = -1 EINVAL (Invalid argument)");
    }

    @Test
    void shmctl() {
        long ds = 0x7ffebd79df80L;
        lines.memory.put(ds, perm(112).u64(48, 4096).u64(56, 1795776969).u64(64, 1795776969).u64(72, 1795776969)
                .u32(80, 8208).u32(84, 8208).u64(88, 2).get());
        assertThat(lines.line("shmctl", 0, 0, IPC_STAT, ds)).isEqualTo("shmctl(0, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, key=0,"
                + " cuid=0, cgid=0}, shm_segsz=4096, shm_cpid=8208, shm_lpid=8208, shm_nattch=2, shm_atime=1795776969,"
                + " shm_dtime=1795776969, shm_ctime=1795776969}) = 0");
        assertThat(lines.entry("shmctl", 0, IPC_STAT, ds)).isEqualTo("shmctl(0, IPC_STAT, ");
        assertThat(lines.line("shmctl", EINVAL, 0, IPC_STAT | IPC_64, ds))
                .isEqualTo("shmctl(0, IPC_64|IPC_STAT, 0x7ffebd79df80) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("shmctl", 0, 0, IPC_SET, ds)).isEqualTo("shmctl(0, IPC_SET, {shm_perm={uid=0, gid=0, mode=0600}}) = 0");
        assertThat(lines.line("shmctl", 0, 0, 11, 0)).isEqualTo("shmctl(0, SHM_LOCK, NULL)               = 0");
        assertThat(lines.line("shmctl", EINVAL, 0, 99, 0)).isEqualTo("shmctl(0, 0x63 /* SHM_??? */, NULL)     = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("shmctl", 0, 0, IPC_RMID, 0)).isEqualTo("shmctl(0, IPC_RMID, NULL)               = 0");
        assertThat(lines.line("shmctl", EINVAL, -1, IPC_RMID | IPC_64, 0)).isEqualTo("shmctl(-1, IPC_64|IPC_RMID, NULL)       = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("shmctl", EINVAL, -1, 99 | IPC_64, 0))
                .isEqualTo("shmctl(-1, IPC_64|0x63 /* SHM_??? */, NULL) = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("shmctl", EINVAL, -1, IPC_STAT, 1)).isEqualTo("shmctl(-1, IPC_STAT, 0x1)               = -1 EINVAL (Invalid argument)");
    }

    @Test
    void semaphores() {
        assertThat(lines.line("semget", 0, 0, 2, IPC_CREAT | 0600)).isEqualTo("semget(IPC_PRIVATE, 2, IPC_CREAT|0600)  = 0");
        assertThat(lines.line("semget", ENOENT, 0x99, 0, 0)).isEqualTo("semget(0x99, 0, 000)                    = -1 ENOENT (No such file or directory)");
        long ops = lines.memory.put(0x7ffebd79df70L, Bytes.of(12).u16(0, 0).u16(2, 1).u16(4, 0x1000).u16(6, 1).u16(8, -1).u16(10, 04000).get());
        assertThat(lines.line("semop", 0, 0, ops, 1)).isEqualTo("semop(0, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}], 1) = 0");
        assertThat(lines.line("semop", EAGAIN, 0, ops, 2)).isEqualTo("semop(0, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, {sem_num=1,"
                + " sem_op=-1, sem_flg=IPC_NOWAIT}], 2) = -1 EAGAIN (Resource temporarily unavailable)");
        assertThat(lines.line("semop", EFAULT, 0, 1, 2)).isEqualTo("semop(0, 0x1, 2)                        = -1 EFAULT (Bad address)");
        long odd = lines.memory.put(0x1000, Bytes.of(6).u16(0, 0).u16(2, -1).u16(4, 0x1000 | 04000 | 0x100).get());
        assertThat(lines.line("semop", EINVAL, -1, odd, 1))
                .isEqualTo("semop(-1, [{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT|0x100}], 1) = -1 EINVAL (Invalid argument)");
        long plain = lines.memory.put(0x2000, Bytes.of(6).u16(2, 1).get());
        long ts = lines.memory.putLongs(0x3000, 0, 1000);
        assertThat(lines.line("semtimedop", 0, 0, plain, 1, ts))
                .isEqualTo("semtimedop(0, [{sem_num=0, sem_op=1, sem_flg=0}], 1, {tv_sec=0, tv_nsec=1000}) = 0");
    }

    @Test
    void semctl() {
        assertThat(lines.line("semctl", 3, 0, 0, 12, 0)).isEqualTo("semctl(0, 0, GETVAL, NULL)              = 3");
        assertThat(lines.line("semctl", 0, 0, 0, 16, 5)).isEqualTo("semctl(0, 0, SETVAL, 0x5)               = 0");
        assertThat(lines.line("semctl", 0, 0, 0, 13, 0x7ffebd79df5cL)).isEqualTo("semctl(0, 0, GETALL, 0x7ffebd79df5c)    = 0");
        assertThat(lines.line("semctl", 0, 0, 1, 11, 0)).isEqualTo("semctl(0, 1, GETPID, NULL)              = 0");
        assertThat(lines.line("semctl", EINVAL, 0, 0, 77, 0)).isEqualTo("semctl(0, 0, 0x4d /* SEM_??? */, NULL)  = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("semctl", EINVAL, -1, 0, 17, 0x1234)).isEqualTo("semctl(-1, 0, SETALL, 0x1234)           = -1 EINVAL (Invalid argument)");
        long ds = lines.memory.put(0x4000, perm(104).u64(48, 0).u64(56, 1795777084).u64(64, 1).get());
        assertThat(lines.line("semctl", 0, 1, 0, IPC_STAT, ds)).isEqualTo("semctl(1, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600,"
                + " key=0, cuid=0, cgid=0}, sem_otime=0, sem_ctime=1795777084, sem_nsems=1}) = 0");
        assertThat(lines.line("semctl", 0, 1, 0, IPC_SET, ds)).isEqualTo("semctl(1, 0, IPC_SET, {sem_perm={uid=0, gid=0, mode=0600}}) = 0");
    }

    @Test
    void messageQueues() {
        assertThat(lines.line("msgget", 0, 0, IPC_CREAT | 0600)).isEqualTo("msgget(IPC_PRIVATE, IPC_CREAT|0600)     = 0");
        assertThat(lines.line("msgget", 1, 5, IPC_CREAT | IPC_EXCL | IPC_NOWAIT | 0644))
                .isEqualTo("msgget(0x5, IPC_CREAT|IPC_EXCL|IPC_NOWAIT|0644) = 1");
        long msg = lines.memory.put(0x7ffebd79df40L, Bytes.of(24).u64(0, 5).text(8, "hello").get());
        assertThat(lines.line("msgsnd", 0, 0, msg, 5, 0)).isEqualTo("msgsnd(0, {mtype=5, mtext=\"hello\"}, 5, 0) = 0");
        assertThat(lines.line("msgsnd", 0, 0, msg, 5, IPC_NOWAIT)).isEqualTo("msgsnd(0, {mtype=5, mtext=\"hello\"}, 5, IPC_NOWAIT) = 0");
        assertThat(lines.line("msgsnd", EFAULT, 0, 1, 5, IPC_NOWAIT)).isEqualTo("msgsnd(0, 0x1, 5, IPC_NOWAIT)           = -1 EFAULT (Bad address)");
        assertThat(lines.line("msgrcv", 5, 0, msg, 16, 0, 0))
                .isEqualTo("msgrcv(0, {mtype=5, mtext=\"hello\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16, 0, 0) = 5");
        assertThat(lines.entry("msgrcv", 0, msg, 16, 0, 0)).isEqualTo("msgrcv(0, ");
        assertThat(lines.line("msgrcv", ENOMSG, 0, msg, 16, 5, IPC_NOWAIT | 010000 | 020000))
                .isEqualTo("msgrcv(0, 0x7ffebd79df40, 16, 5, MSG_NOERROR|MSG_EXCEPT|IPC_NOWAIT) = -1 ENOMSG (No message of desired type)");
        assertThat(lines.line("msgrcv", EINVAL, -1, 0, 16, -5, 0)).isEqualTo("msgrcv(-1, NULL, 16, 4294967291, 0)     = -1 EINVAL (Invalid argument)");
    }

    @Test
    void msgctl() {
        long ds = lines.memory.put(0x5000, perm(120).u64(48, 0).u64(56, 0).u64(64, 1795777084).u64(80, 0).u64(88, 16384).get());
        assertThat(lines.line("msgctl", 0, 2, IPC_STAT, ds)).isEqualTo("msgctl(2, IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0,"
                + " cuid=0, cgid=0}, msg_stime=0, msg_rtime=0, msg_ctime=1795777084, msg_qnum=0, msg_qbytes=16384, msg_lspid=0,"
                + " msg_lrpid=0}) = 0");
        assertThat(lines.line("msgctl", 0, 2, IPC_SET, ds)).isEqualTo("msgctl(2, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=16384}) = 0");
        assertThat(lines.line("msgctl", 0, 2, IPC_RMID, 0)).isEqualTo("msgctl(2, IPC_RMID, NULL)               = 0");
        assertThat(lines.line("msgctl", EINVAL, -1, IPC_STAT, 0x7ffdcfa01800L)).isEqualTo("msgctl(-1, IPC_STAT, 0x7ffdcfa01800)    = -1 EINVAL (Invalid argument)");
        assertThat(lines.line("msgctl", EINVAL, -1, 99, 0)).isEqualTo("msgctl(-1, 0x63 /* MSG_??? */, NULL)    = -1 EINVAL (Invalid argument)");
    }

    @Test
    void infoStructs() {
        long shminfo = lines.memory.putLongs(0x6000, -16777217L, 1, 4096, 4096, -16777217L);
        assertThat(lines.line("shmctl", 0, 0, 3, shminfo)).isEqualTo("shmctl(0, IPC_INFO, {shmmax=18446744073692774399, shmmin=1,"
                + " shmmni=4096, shmseg=4096, shmall=18446744073692774399}) = 0");
        long shmInfo = lines.memory.putLongs(0x7000, 1, 1, 0, 0, 0, 0);
        assertThat(lines.line("shmctl", 0, 0, 14, shmInfo)).isEqualTo("shmctl(0, SHM_INFO, {used_ids=1, shm_tot=1, shm_rss=0, shm_swp=0,"
                + " swap_attempts=0, swap_successes=0}) = 0");
        assertThat(lines.line("shmctl", EFAULT, 0, 3, 1)).isEqualTo("shmctl(0, IPC_INFO, 0x1)                = -1 EFAULT (Bad address)");
        Bytes sem = Bytes.of(40);
        int[] seminfo = {1024000000, 32000, 1024000000, 1024000000, 32000, 500, 500, 20, 32767, 32767};
        for (int i = 0; i < seminfo.length; i++) {
            sem.u32(4 * i, seminfo[i]);
        }
        long si = lines.memory.put(0x8000, sem.get());
        assertThat(lines.line("semctl", 0, 0, 0, 3, si)).isEqualTo("semctl(0, 0, IPC_INFO, {semmap=1024000000, semmni=32000,"
                + " semmns=1024000000, semmnu=1024000000, semmsl=32000, semopm=500, semume=500, semusz=20, semvmx=32767, semaem=32767}) = 0");
        long mi = lines.memory.put(0x9000, Bytes.of(32).u32(0, 512000).u32(4, 16384).u32(8, 8192).u32(12, 16384).u32(16, 32000)
                .u32(20, 16).u32(24, 16384).u16(28, 65535).u16(30, 0x5555).get());
        assertThat(lines.line("msgctl", 1, 0, 3, mi)).isEqualTo("msgctl(0, IPC_INFO, {msgpool=512000, msgmap=16384, msgmax=8192,"
                + " msgmnb=16384, msgmni=32000, msgssz=16, msgtql=16384, msgseg=65535}) = 1");
        assertThat(lines.line("msgctl", EFAULT, 0, 12, 1)).isEqualTo("msgctl(0, MSG_INFO, 0x1)                = -1 EFAULT (Bad address)");
    }
}
