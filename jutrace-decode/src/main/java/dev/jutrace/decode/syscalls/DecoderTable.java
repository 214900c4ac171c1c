package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.SyscallTable;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the decoder of a syscall number: an array built once from what each family registers,
 * with {@link Generic} behind every number no family claims.
 */
public final class DecoderTable {

    /** Every syscall family. Adding one is adding its register method here. */
    private static final List<Consumer<Registrar>> FAMILIES = List.of(
            ReadWrite::register,
            Open::register,
            Close::register,
            Mman::register,
            Execve::register,
            Exit::register,
            Access::register,
            Lseek::register,
            Dup::register,
            Umask::register,
            Stat::register,
            RobustList::register,
            ArchPrctl::register,
            Prlimit::register,
            Getrandom::register,
            Sigaction::register,
            Wait::register,
            Clone::register,
            // Batch A of issue 5: files and descriptors, memory, processes, signals, time.
            Fcntl::register,
            Getdents::register,
            Pipe::register,
            Link::register,
            Unlink::register,
            Mkdir::register,
            Rename::register,
            Chdir::register,
            Statx::register,
            Statfs::register,
            Fsync::register,
            Chmod::register,
            Utimensat::register,
            Readv::register,
            Sendfile::register,
            Flock::register,
            Inotify::register,
            Memfd::register,
            Clock::register,
            TimeOfDay::register,
            Itimer::register,
            Timer::register,
            Madvise::register,
            Mlock::register,
            Membarrier::register,
            Getpid::register,
            Setuid::register,
            Rlimit::register,
            Sched::register,
            Uname::register,
            Personality::register,
            Kill::register,
            Sigaltstack::register,
            Rtsig::register,
            Prctl::register,
            Ptrace::register,
            Seccomp::register,
            Ioctl::register,
            Sigreturn::register,
            // Batch B of issue 5: network, polling, event descriptors, futex, ipc, io_uring.
            Socket::register,
            SendRecv::register,
            Sockopt::register,
            Poll::register,
            Epoll::register,
            EventFd::register,
            Pidfd::register,
            Futex::register,
            Shm::register,
            Sem::register,
            Msg::register,
            Mqueue::register,
            IoUring::register,
            Bpf::register,
            SecretMemory::register,
            Landlock::register);

    private final Decoder[] byNumber;
    private final SyscallTable table;

    private DecoderTable(SyscallTable table) {
        this.table = table;
        this.byNumber = new Decoder[table.size()];
        Registrar registrar = (name, decoder) -> {
            int nr = table.number(name);
            if (nr < 0) {
                throw new IllegalArgumentException("no syscall named " + name);
            }
            if (byNumber[nr] != null) {
                throw new IllegalArgumentException(name + " has two decoders");
            }
            byNumber[nr] = decoder;
        };
        FAMILIES.forEach(family -> family.accept(registrar));
    }

    /** The decoders of {@code table}'s syscalls. */
    public static DecoderTable of(SyscallTable table) {
        return new DecoderTable(table);
    }

    /** The decoder of {@code nr}: its family's, or the generic one for its argument count. */
    public Decoder get(int nr) {
        Decoder decoder = nr >= 0 && nr < byNumber.length ? byNumber[nr] : null;
        return decoder != null ? decoder : Generic.forArgs(table.argCount(nr));
    }

    /** Whether a family decodes {@code nr}, rather than the generic fallback. */
    public boolean hasDecoder(int nr) {
        return nr >= 0 && nr < byNumber.length && byNumber[nr] != null;
    }
}
