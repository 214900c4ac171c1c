package dev.jutrace.testing.ptrace;

import dev.jutrace.ptrace.Ptrace;
import dev.jutrace.ptrace.WaitResult;
import dev.jutrace.sys.ErrnoException;
import dev.jutrace.sys.Libc;
import dev.jutrace.sys.Regs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a scenario holds: the backend under test, wrapped so that every request is written to the
 * transcript with its arguments and its result or errno, plus the checks and helpers scenarios
 * share. A failing request throws the backend's {@link ErrnoException} after the line is written;
 * a check that does not hold throws {@link ScenarioFailed}.
 */
public final class Script {
    /** waitpid option bits, as the kernel numbers them. */
    public static final int WNOHANG = 1, WUNTRACED = 2, WALL = 0x40000000, WCLONE = 0x80000000;

    private static final long STATE_TIMEOUT_NANOS = 5_000_000_000L;

    private final Ptrace p;
    private final Transcript t;
    private final Path zoo;
    private final Symbols symbols;
    private final Backend backend;

    Script(Ptrace p, Transcript t, Path zoo, Backend backend) {
        this.p = p;
        this.t = t;
        this.zoo = zoo;
        this.symbols = Symbols.of(zoo);
        this.backend = backend;
        t.tracerThread(p.tracerTid());
    }

    /** The backend this script runs on; scripts must not branch on it except to open a second tracer. */
    Backend backend() {
        return backend;
    }

    Transcript transcript() {
        return t;
    }

    // ==== the transcript ============================================================================

    /** Writes a free-form line, such as an observation the script made outside ptrace. */
    public void note(String line) {
        t.add("# " + line);
    }

    String pid(long pid) {
        return t.pid(pid);
    }

    private void line(String call, String result) {
        t.add(call + " = " + result);
    }

    private <T> T logged(String call, Supplier<T> request, java.util.function.Function<T, String> render) {
        T value;
        try {
            value = request.get();
        } catch (ErrnoException e) {
            line(call, "-1 " + e.errnoName());
            throw e;
        }
        line(call, render.apply(value));
        return value;
    }

    private void logged(String call, Runnable request) {
        logged(call, () -> {
            request.run();
            return 0;
        }, v -> "0");
    }

    private String sig(int signal) {
        return Names.signal(signal);
    }

    // ==== tracees ===================================================================================

    private List<String> argv(String... roleAndArgs) {
        List<String> argv = new ArrayList<>();
        argv.add(zoo.toString());
        argv.addAll(List.of(roleAndArgs));
        return argv;
    }

    /** Starts the zoo in {@code role} as a TRACEME child. */
    public int spawnTraceme(String... roleAndArgs) {
        return logged("spawnTraceme(zoo " + String.join(" ", roleAndArgs) + ")",
                () -> p.spawnTraceme(argv(roleAndArgs)), v -> pid(v));
    }

    /** Starts the zoo in {@code role}, untraced. */
    public int spawn(String... roleAndArgs) {
        return logged("spawn(zoo " + String.join(" ", roleAndArgs) + ")",
                () -> p.spawn(argv(roleAndArgs)), v -> pid(v));
    }

    /** Starts the zoo's {@code try-attach} role against {@code target}, untraced. */
    public int spawnTryAttach(int target) {
        return logged("spawn(zoo try-attach " + pid(target) + ")",
                () -> p.spawn(argv("try-attach", Integer.toString(target))), v -> pid(v));
    }

    /** Waits as the real parent for an untraced child's end. */
    public int reap(int pid) {
        return logged("reap(" + pid(pid) + ")", () -> p.reap(pid), s -> hex(s));
    }

    // ==== requests ==================================================================================

    public void attach(int tid) {
        logged("attach(" + pid(tid) + ")", () -> p.attach(tid));
    }

    public void seize(int tid, int options) {
        logged("seize(" + pid(tid) + ", " + Names.options(options) + ")", () -> p.seize(tid, options));
    }

    public void interrupt(int tid) {
        logged("interrupt(" + pid(tid) + ")", () -> p.interrupt(tid));
    }

    public void cont(int tid, int signal) {
        logged("cont(" + pid(tid) + ", " + sig(signal) + ")", () -> p.cont(tid, signal));
    }

    public void syscall(int tid, int signal) {
        logged("syscall(" + pid(tid) + ", " + sig(signal) + ")", () -> p.syscall(tid, signal));
    }

    public void singlestep(int tid, int signal) {
        logged("singlestep(" + pid(tid) + ", " + sig(signal) + ")", () -> p.singlestep(tid, signal));
    }

    public void singleblock(int tid, int signal) {
        logged("singleblock(" + pid(tid) + ", " + sig(signal) + ")", () -> p.singleblock(tid, signal));
    }

    public void ptraceKill(int tid) {
        logged("kill(" + pid(tid) + ")", () -> p.kill(tid));
    }

    public void detach(int tid, int signal) {
        logged("detach(" + pid(tid) + ", " + sig(signal) + ")", () -> p.detach(tid, signal));
    }

    public void setOptions(int tid, int options) {
        logged("setOptions(" + pid(tid) + ", " + Names.options(options) + ")", () -> p.setOptions(tid, options));
    }

    /** GETEVENTMSG, shown as a number. */
    public long getEventMsg(int tid) {
        return logged("getEventMsg(" + pid(tid) + ")", () -> p.getEventMsg(tid), v -> "0x" + Long.toHexString(v));
    }

    /** GETEVENTMSG for events whose message is a pid (fork, vfork, clone, exec), shown as its alias. */
    public int getEventMsgPid(int tid) {
        return (int) (long) logged("getEventMsg(" + pid(tid) + ")", () -> p.getEventMsg(tid), v -> pid(v));
    }

    public SigInfo getSigInfo(int tid) {
        return logged("getSigInfo(" + pid(tid) + ")", () -> SigInfo.of(p.getSigInfo(tid)), i -> render(tid, i));
    }

    public void setSigInfo(int tid, byte[] info) {
        SigInfo shown = SigInfo.of(info);
        logged("setSigInfo(" + pid(tid) + ", " + render(tid, shown) + ")", () -> p.setSigInfo(tid, info));
    }

    private String render(int tid, SigInfo i) {
        StringBuilder b = new StringBuilder("{si_signo=").append(sig(i.signo()))
                .append(", si_code=").append(Names.siCode(i.signo(), i.code()));
        if (i.hasAddress()) {
            b.append(", si_addr=").append(symbols.describe(tid, i.addr()));
        } else {
            b.append(", si_pid=").append(pid(i.pid()));
            if (i.signo() == Libc.SIGCHLD) b.append(", si_status=").append(i.status());
        }
        return b.append('}').toString();
    }

    public long peekData(int tid, long address, String what) {
        return logged("peekData(" + pid(tid) + ", " + what + ")", () -> p.peekData(tid, address), v -> Long.toString(v));
    }

    /** PEEKDATA of a word that holds a pid, shown as its alias. */
    public long peekDataPid(int tid, long address, String what) {
        return logged("peekData(" + pid(tid) + ", " + what + ")", () -> p.peekData(tid, address), v -> pid(v));
    }

    public void pokeData(int tid, long address, String what, long word) {
        logged("pokeData(" + pid(tid) + ", " + what + ", " + word + ")", () -> p.pokeData(tid, address, word));
    }

    public long peekUser(int tid, long offset, String what) {
        return logged("peekUser(" + pid(tid) + ", " + what + ")", () -> p.peekUser(tid, offset),
                v -> "0x" + Long.toHexString(v));
    }

    public void pokeUser(int tid, long offset, String what, long word) {
        logged("pokeUser(" + pid(tid) + ", " + what + ", 0x" + Long.toHexString(word) + ")",
                () -> p.pokeUser(tid, offset, word));
    }

    /** POKEUSER of an address, shown as {@code shown} rather than as a number that changes each run. */
    public void pokeUser(int tid, long offset, String what, long word, String shown) {
        logged("pokeUser(" + pid(tid) + ", " + what + ", " + shown + ")", () -> p.pokeUser(tid, offset, word));
    }

    private static final String[] REG_NAMES = {"r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9",
        "r8", "rax", "rcx", "rdx", "rsi", "rdi", "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base",
        "gs_base", "ds", "es", "fs", "gs"};

    /** The name of register word {@code index}, as in {@code user_regs_struct}. */
    public static String regName(int index) {
        return REG_NAMES[index];
    }

    /**
     * GETREGS, showing the registers named in {@code shown}: a plain name prints as a signed
     * number, {@code name:pid} as a pid alias, {@code name:addr} as a symbolic address and
     * {@code name:hex} in hex.
     */
    public long[] getRegs(int tid, String... shown) {
        return logged("getRegs(" + pid(tid) + ")", () -> p.getRegs(tid), regs -> renderRegs(tid, regs, shown));
    }

    private String renderRegs(int tid, long[] regs, String... shown) {
        StringBuilder b = new StringBuilder("{");
        for (String spec : shown) {
            String[] f = spec.split(":");
            int index = List.of(REG_NAMES).indexOf(f[0]);
            if (index < 0) throw new IllegalArgumentException("no register " + f[0]);
            long v = regs[index];
            if (b.length() > 1) b.append(", ");
            b.append(f[0]).append('=').append(switch (f.length > 1 ? f[1] : "") {
                case "pid" -> pid(v);
                case "addr" -> symbols.describe(tid, v);
                case "hex" -> "0x" + Long.toHexString(v);
                default -> Long.toString(v);
            });
        }
        return b.append('}').toString();
    }

    /** SETREGS, showing the registers named in {@code shown} as {@link #getRegs} does. */
    public void setRegs(int tid, long[] regs, String... shown) {
        logged("setRegs(" + pid(tid) + ", " + renderRegs(tid, regs, shown) + ")", () -> p.setRegs(tid, regs));
    }

    // ==== waiting ===================================================================================

    public WaitResult waitpid(int pid, int options) {
        String call = "waitpid(" + (pid == -1 ? "-1" : pid(pid)) + ", " + Names.waitOptions(options) + ")";
        return logged(call, () -> p.waitpid(pid, options),
                w -> w.isNothing() ? "0" : pid(w.tid()) + " " + hex(w.status()));
    }

    /**
     * Waits for {@code tid} to report {@code status}, passing through any number of stops for
     * {@code passSignal} first (resumed with that signal, so a storm keeps going). How many there
     * were depends on timing, so the transcript shows only the stop waited for.
     */
    public WaitResult expectWaitPassing(int tid, int status, int passSignal) {
        int passStatus = passSignal << 8 | 0x7f;
        while (true) {
            WaitResult w = p.waitpid(tid, WALL);
            if (w.status() == passStatus) {
                p.cont(tid, passSignal);
                continue;
            }
            line("waitpid(" + pid(tid) + ", __WALL)", pid(w.tid()) + " " + hex(w.status())
                    + " (after any " + sig(passSignal) + " stops, passed on)");
            check(w.status() == status, "wait for " + pid(tid) + ": expected " + hex(status) + ", got " + hex(w.status()));
            return w;
        }
    }

    /** Waits for {@code tid} and checks its status word. */
    public WaitResult expectWait(int tid, int status) {
        WaitResult w = waitpid(tid, WALL);
        check(w.status() == status, "wait for " + pid(tid) + ": expected " + hex(status) + ", got " + hex(w.status()));
        return w;
    }

    /** A WNOHANG wait for {@code pid} (or -1) that must find nothing to report. */
    public void expectNothing(int pid) {
        WaitResult w = waitpid(pid, WALL | WNOHANG);
        check(w.isNothing(), "expected no report, got " + w);
    }

    static String hex(int status) {
        return "0x" + Integer.toHexString(status);
    }

    // ==== a second tracer ===========================================================================

    /**
     * Runs {@code body} as a second tracer: a new instance of this backend on a thread of its own,
     * writing to the same transcript, that ends without closing, as a tracer that exits does.
     * Returns when that thread is gone; what it left traced the kernel has detached by then.
     */
    public void inTracerThatExits(Scenario.Body body) {
        note("second tracer starts");
        Throwable[] failure = {null};
        Ptrace[] second = {null};
        Thread thread = Thread.ofPlatform().name("ptrace-second-tracer").start(() -> {
            try {
                second[0] = backend.open();
                body.run(new Script(second[0], t, zoo, backend));
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailed("interrupted");
        }
        note("second tracer exited");
        // Its owner is gone, so this only kills what it started itself (nothing, here).
        if (second[0] != null) second[0].close();
        if (failure[0] instanceof RuntimeException r) throw r;
        if (failure[0] != null) throw new ScenarioFailed(failure[0].toString());
    }

    // ==== outside ptrace ============================================================================

    /** kill(2) from the tracer's process. */
    public void kill(int pid, int signal) {
        int rc = Libc.killRaw(pid, signal);
        line("signal(" + pid(pid) + ", " + sig(signal) + ")", rc == 0 ? "0" : "-1 " + Names.errno(-rc));
    }

    /**
     * The real parent's own waitpid, as a shell would call it, for job-control reports that the
     * tracer's waits do not show.
     */
    public int parentWait(int pid, int options) {
        long r = Libc.waitpidRaw(pid, options | Libc.WNOTHREAD);
        String call = "parentWaitpid(" + pid(pid) + ", " + Names.waitOptions(options) + ")";
        if (r < 0) {
            line(call, "-1 " + Names.errno((int) -r));
            return -1;
        }
        line(call, r == 0 ? "0" : pid(Libc.waitedTid(r)) + " " + hex(Libc.waitedStatus(r)));
        return r == 0 ? 0 : Libc.waitedStatus(r);
    }

    /** The state letter of /proc/TID/stat ({@code R S D T t Z X}), or 0 once the task is gone. */
    public static char state(int tid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + tid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Checks and writes the state of {@code tid}, waiting up to 5 s for it to become {@code expected}. */
    public void expectState(int tid, char expected) {
        long deadline = System.nanoTime() + STATE_TIMEOUT_NANOS;
        char now = state(tid);
        while (now != expected && System.nanoTime() < deadline) {
            pause(2);
            now = state(tid);
        }
        line("state(" + pid(tid) + ")", now == 0 ? "gone" : String.valueOf(now));
        check(now == expected, pid(tid) + " should be in state " + expected + ", is " + (now == 0 ? "gone" : now));
    }

    /** Waits, unlogged, until {@code tid} sleeps in system call {@code nr} (per /proc/TID/syscall). */
    public void awaitSyscall(int tid, int nr) {
        long deadline = System.nanoTime() + STATE_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            try {
                String s = Files.readString(Path.of("/proc/" + tid + "/syscall")).trim();
                if (state(tid) == 'S' && s.startsWith(nr + " ")) {
                    note("in syscall " + nr + ": " + pid(tid));
                    return;
                }
            } catch (IOException e) {
                break;
            }
            pause(2);
        }
        throw new ScenarioFailed(pid(tid) + " never slept in syscall " + nr);
    }

    /**
     * Waits, unlogged, until {@code tid} has a handler for {@code signal} (SigCgt in /proc): the
     * sign that it is past its execve, which posix_spawn does not wait for.
     */
    public void awaitHandler(int tid, int signal) {
        long deadline = System.nanoTime() + STATE_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + tid + "/status"))) {
                    if (line.startsWith("SigCgt:")
                            && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (signal - 1))) != 0) {
                        return;
                    }
                }
            } catch (IOException e) {
                break;
            }
            pause(2);
        }
        throw new ScenarioFailed(pid(tid) + " never installed a handler for " + sig(signal));
    }

    /** The thread ids of process {@code pid}, in ascending order, each named on first sight. */
    public List<Integer> threads(int pid) {
        try (var dir = Files.list(Path.of("/proc/" + pid + "/task"))) {
            List<Integer> tids = dir.map(f -> Integer.parseInt(f.getFileName().toString())).sorted().toList();
            tids.forEach(this::pid);
            return tids;
        } catch (IOException e) {
            throw new ScenarioFailed("cannot list the threads of " + pid(pid));
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioFailed("interrupted");
        }
    }

    /** Waits a little for the kernel to deliver something asynchronous, or not to. */
    public void settle() {
        pause(100);
    }

    // ==== the zoo's symbols =========================================================================

    /** The address of the zoo's {@code name} in process {@code pid}. */
    public long symbol(int pid, String name) {
        return symbols.address(pid, name);
    }

    /** {@code address} in {@code pid} as a symbol or file offset. */
    public String describe(int pid, long address) {
        return symbols.describe(pid, address);
    }

    // ==== checks ====================================================================================

    /** Fails the scenario with {@code message} unless {@code condition} holds. */
    public void check(boolean condition, String message) {
        if (!condition) throw new ScenarioFailed(message);
    }

    public void checkEq(long expected, long actual, String what) {
        if (expected != actual) throw new ScenarioFailed(what + ": expected " + expected + ", got " + actual);
    }

    /** Runs {@code request}, which must fail with {@code errno}. */
    public void expectErrno(int errno, Runnable request) {
        try {
            request.run();
        } catch (ErrnoException e) {
            check(e.errno() == errno, "expected " + Names.errno(errno) + ", got " + e.errnoName());
            return;
        }
        throw new ScenarioFailed("expected " + Names.errno(errno) + ", the request succeeded");
    }

    /** Ends the scenario as skipped, for a reason that holds on this machine whatever the backend. */
    public void skip(String why) {
        t.add("skip: " + why);
        throw new ScenarioSkipped(why);
    }

    /** Register word index by name, for scripts that edit a GETREGS array. */
    public static final int RAX = Regs.RAX, ORIG_RAX = Regs.ORIG_RAX, RIP = Regs.RIP, RSP = Regs.RSP,
            EFLAGS = Regs.EFLAGS, CS = Regs.CS, SS = Regs.SS, FS_BASE = Regs.FS_BASE;
}
