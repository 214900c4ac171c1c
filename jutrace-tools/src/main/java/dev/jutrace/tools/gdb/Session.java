package dev.jutrace.tools.gdb;

import dev.jutrace.core.Engine;
import dev.jutrace.sys.Libc;
import dev.jutrace.sys.Ptrace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * One gdb connection: takes packets, Ctrl-C and stop notices from the inbox in order and answers
 * them. All-stop mode only: while the target runs, gdb sends nothing but Ctrl-C.
 */
final class Session {
    private static final String FEATURES = "PacketSize=4000;QStartNoAckMode+;qXfer:features:read+;"
            + "qXfer:auxv:read+;qXfer:exec-file:read+;qXfer:threads:read+;qXfer:siginfo:read+;qXfer:libraries-svr4:read+;"
            + "QPassSignals+;swbreak+;vContSupported+;multiprocess+";
    /** How long to wait for every thread to reach its stop before answering anyway. */
    private static final long STOP_WAIT_MS = 3000;

    private final GdbTarget target;
    private final RspConnection conn;
    private final BlockingQueue<Object> inbox;
    private final Monitor monitor;
    private final PrintStream err;
    private GdbThread general;
    private Stop lastStop;
    private boolean ended;

    Session(GdbTarget target, RspConnection conn, BlockingQueue<Object> inbox, Monitor monitor, PrintStream err) {
        this.target = target;
        this.conn = conn;
        this.inbox = inbox;
        this.monitor = monitor;
        this.err = err;
    }

    void run() throws IOException, InterruptedException {
        // After -p the threads are being stopped; gdb's first questions need them stopped.
        target.awaitTarget(30_000);
        List<GdbThread> live = target.liveThreads();
        if (!live.isEmpty()) {
            general = live.getFirst();
            lastStop = Stop.signal(general, Libc.SIGTRAP, "");
        }
        try {
            while (!ended) {
                Object in = inbox.take();
                switch (in) {
                    case Rsp.Packet p -> packet(p.payload());
                    case Rsp.Interrupt i -> {
                        if (target.isRunning()) target.interrupt();
                    }
                    case GdbTarget.StopNotice n -> stopped();
                    case RspConnection.Closed c -> {
                        err.println("jutrace: gdb disconnected (" + c.reason() + "); the process runs on");
                        ended = true;
                    }
                    default -> { }
                }
            }
        } finally {
            restoreAndDetach(target);
        }
    }

    private void stopped() throws IOException, InterruptedException {
        if (!target.isRunning()) return;
        target.awaitAllStopped(STOP_WAIT_MS);
        Stop s = target.takeStop();
        if (s == null) return;
        lastStop = s;
        if (s.thread() != null) general = s.thread();
        conn.send(stopReply(s));
    }

    // ==== packets ===================================================================================

    private void packet(String p) throws IOException, InterruptedException {
        String reply;
        try {
            reply = handle(p);
        } catch (MalformedPacketException e) {
            reply = "E01";
        } catch (RuntimeException e) {
            // A thread died under the request, or one not stopped was asked about.
            if (System.getenv("JUTRACE_GDB_DEBUG") != null) e.printStackTrace(err);
            reply = "E03";
        }
        if (reply != null) conn.send(reply);
        if (p.equals("QStartNoAckMode")) conn.noAckMode();
    }

    /** The reply to one packet; null when the packet gets none now (a resume, a kill). */
    private String handle(String p) throws IOException, InterruptedException {
        if (p.isEmpty()) return "";
        char c = p.charAt(0);
        switch (c) {
            case '?' -> {
                return lastStop == null ? "W00" : stopReply(lastStop);
            }
            case 'g' -> {
                return readRegisters(thread());
            }
            case 'G' -> {
                return writeRegisters(thread(), p.substring(1));
            }
            case 'p' -> {
                return readRegister(thread(), (int) Hex.number(p.substring(1)));
            }
            case 'P' -> {
                int eq = p.indexOf('=');
                if (eq < 0) throw new MalformedPacketException("P without =");
                return writeRegister(thread(), (int) Hex.number(p.substring(1, eq)), p.substring(eq + 1));
            }
            case 'm' -> {
                return readMemory(p.substring(1));
            }
            case 'M' -> {
                return writeMemory(p.substring(1), false);
            }
            case 'X' -> {
                return writeMemory(p.substring(1), true);
            }
            case 'Z', 'z' -> {
                return breakpoint(c == 'Z', p.substring(1));
            }
            case 'H' -> {
                return setThread(p);
            }
            case 'T' -> {
                ThreadId id = ThreadId.parse(p.substring(1));
                for (GdbThread t : target.liveThreads()) if (id.matches(t)) return "OK";
                return "E01";
            }
            case 'c', 's', 'C', 'S' -> {
                return legacyResume(c, p.substring(1));
            }
            case 'D' -> {
                int semi = p.indexOf(';');
                return semi < 0 ? detach() : detach((int) Hex.number(p.substring(semi + 1)));
            }
            case 'k' -> {
                kill();
                return null;
            }
            case 'v' -> {
                return vPacket(p);
            }
            case 'q', 'Q' -> {
                return query(p);
            }
            default -> {
                return "";
            }
        }
    }

    private String vPacket(String p) throws IOException, InterruptedException {
        if (p.equals("vCont?")) return "vCont;c;C;s;S;t";
        if (p.startsWith("vCont;")) return vCont(p.substring(6));
        if (p.startsWith("vKill")) {
            kill();
            return "OK";
        }
        return ""; // vMustReplyEmpty, vFile (gdb then reads local files), vRun, vAttach...
    }

    private String query(String p) throws IOException {
        if (p.startsWith("qSupported")) {
            // Offered events are taken only when gdb says it understands them.
            boolean fork = p.contains("fork-events+");
            boolean exec = p.contains("exec-events+");
            target.setEvents(fork, exec);
            return FEATURES + (fork ? ";fork-events+" : "") + (exec ? ";exec-events+" : "");
        }
        if (p.equals("QStartNoAckMode")) return "OK";
        if (p.equals("qC")) return general == null ? "" : "QC" + general.id();
        if (p.startsWith("qAttached")) {
            GdbProcess proc = general == null ? null : general.process;
            return proc != null && proc.attached ? "1" : "0";
        }
        if (p.equals("qfThreadInfo")) {
            StringBuilder sb = new StringBuilder("m");
            for (GdbThread t : target.liveThreads()) {
                if (sb.length() > 1) sb.append(',');
                sb.append(t.id());
            }
            return sb.length() == 1 ? "l" : sb.toString();
        }
        if (p.equals("qsThreadInfo")) return "l";
        if (p.startsWith("qXfer:")) return xfer(p.substring(6));
        if (p.startsWith("QPassSignals:")) {
            boolean[] pass = new boolean[65];
            for (String s : p.substring(13).split(";")) {
                if (s.isEmpty()) continue;
                int linux = GdbSignals.toLinux((int) Hex.number(s));
                if (linux > 0 && linux < pass.length) pass[linux] = true;
            }
            target.setPassSignals(pass);
            return "OK";
        }
        if (p.startsWith("QProgramSignals:")) return "OK";
        if (p.startsWith("qSymbol")) return "OK";
        if (p.startsWith("qRcmd,")) return monitor(Hex.text(p.substring(6)));
        return "";
    }

    // ==== stop replies ==============================================================================

    private String stopReply(Stop s) {
        if (s.isExit()) {
            int st = s.exitStatus();
            String code = (st & 0x7f) == 0
                    ? "W" + hex2((st >> 8) & 0xff)
                    : "X" + hex2(GdbSignals.toGdb(st & 0x7f));
            return code + ";process:" + Integer.toHexString(s.pid());
        }
        GdbThread t = s.thread();
        StringBuilder sb = new StringBuilder("T").append(hex2(GdbSignals.toGdb(s.signal())));
        sb.append("thread:").append(t.id()).append(';').append(s.reason());
        try {
            // The registers gdb needs first (frame, stack and instruction pointers) save it a g.
            long[] regs = t.engine.registers();
            byte[] fx = new byte[Ptrace.FPREGS_BYTES];
            for (int r : new int[] {Amd64.RBP, Amd64.RSP, Amd64.RIP}) {
                sb.append(Integer.toHexString(r)).append(':');
                Amd64.read(r, regs, fx, sb);
                sb.append(';');
            }
        } catch (RuntimeException e) {
            // Not examinable (dead): gdb asks with g.
        }
        return sb.toString();
    }

    private static String hex2(int v) {
        StringBuilder sb = new StringBuilder(2);
        Hex.appendByte(sb, v);
        return sb.toString();
    }

    // ==== threads ===================================================================================

    /** The thread g, m and the like apply to: gdb's Hg choice, else any stopped one. */
    private GdbThread thread() {
        GdbThread t = general;
        if (t != null && t.alive) return t;
        List<GdbThread> live = target.liveThreads();
        if (live.isEmpty()) throw new IllegalStateException("no live thread");
        general = live.getFirst();
        return general;
    }

    private String setThread(String p) {
        if (p.length() < 3) throw new MalformedPacketException("H needs an op and a thread");
        char op = p.charAt(1);
        ThreadId id = ThreadId.parse(p.substring(2));
        if (op != 'g') return "OK"; // Hc: vCont names its threads itself
        for (GdbThread t : target.liveThreads()) {
            if (id.matches(t)) {
                general = t;
                return "OK";
            }
        }
        return "E01";
    }

    // ==== registers =================================================================================

    private record RegisterFile(long[] gpr, byte[] fx) {}

    private static RegisterFile registers(GdbThread t) {
        return t.engine.examine(task -> {
            byte[] fx = new byte[Ptrace.FPREGS_BYTES];
            Ptrace.getFpRegsRaw(task.tid(), fx);
            return new RegisterFile(task.registers().clone(), fx);
        });
    }

    private static void store(GdbThread t, RegisterFile before, RegisterFile after) {
        t.engine.examine(task -> {
            for (int i = 0; i < after.gpr().length; i++) {
                if (after.gpr()[i] != before.gpr()[i]) task.writeRegister(i, after.gpr()[i]);
            }
            if (!java.util.Arrays.equals(before.fx(), after.fx())) Ptrace.setFpRegsRaw(task.tid(), after.fx());
            return null;
        });
    }

    private String readRegisters(GdbThread t) {
        RegisterFile f = registers(t);
        return Amd64.all(f.gpr(), f.fx());
    }

    private String readRegister(GdbThread t, int regnum) {
        if (regnum < 0 || regnum >= Amd64.COUNT) return "E01";
        RegisterFile f = registers(t);
        StringBuilder sb = new StringBuilder();
        Amd64.read(regnum, f.gpr(), f.fx(), sb);
        return sb.toString();
    }

    private String writeRegisters(GdbThread t, String hex) {
        if (hex.length() != 2 * Amd64.totalBytes()) return "E01";
        RegisterFile before = registers(t);
        RegisterFile after = new RegisterFile(before.gpr().clone(), before.fx().clone());
        int at = 0;
        for (int r = 0; r < Amd64.COUNT; r++) {
            Amd64.write(r, after.gpr(), after.fx(), hex, at);
            at += 2 * Amd64.size(r);
        }
        store(t, before, after);
        return "OK";
    }

    private String writeRegister(GdbThread t, int regnum, String hex) {
        if (regnum < 0 || regnum >= Amd64.COUNT) return "E01";
        if (hex.length() != 2 * Amd64.size(regnum)) return "E01";
        RegisterFile before = registers(t);
        RegisterFile after = new RegisterFile(before.gpr().clone(), before.fx().clone());
        Amd64.write(regnum, after.gpr(), after.fx(), hex, 0);
        store(t, before, after);
        return "OK";
    }

    // ==== memory ====================================================================================

    private static final int MAX_TRANSFER = 0x1000;

    private String readMemory(String args) {
        int comma = args.indexOf(',');
        if (comma < 0) throw new MalformedPacketException("m needs addr,length");
        long addr = Hex.number(args.substring(0, comma));
        int len = (int) Math.min(Hex.number(args.substring(comma + 1)), MAX_TRANSFER);
        GdbThread t = thread();
        byte[] buf = new byte[len];
        int n = len == 0 ? 0 : t.engine.readMemory(addr, buf, 0, len);
        if (n <= 0 && len > 0) return "E14";
        // gdb must see the program's bytes, not our int3s.
        synchronized (target) {
            for (Map.Entry<Long, Byte> bp : t.process.breakpoints.entrySet()) {
                long off = bp.getKey() - addr;
                if (off >= 0 && off < n) buf[(int) off] = bp.getValue();
            }
        }
        return Hex.of(buf, 0, n);
    }

    private String writeMemory(String args, boolean binary) {
        int comma = args.indexOf(',');
        int colon = args.indexOf(':');
        if (comma < 0 || colon < comma) throw new MalformedPacketException("M/X needs addr,length:data");
        long addr = Hex.number(args.substring(0, comma));
        int len = (int) Hex.number(args.substring(comma + 1, colon));
        String data = args.substring(colon + 1);
        byte[] bytes = binary ? Rsp.bytes(data) : Hex.bytes(data);
        if (bytes.length != len) return "E01";
        if (len == 0) return "OK";
        GdbThread t = thread();
        synchronized (target) {
            // A write over one of our int3s changes what the breakpoint restores, not the int3.
            for (Map.Entry<Long, Byte> bp : t.process.breakpoints.entrySet()) {
                long off = bp.getKey() - addr;
                if (off >= 0 && off < len) {
                    bp.setValue(bytes[(int) off]);
                    bytes[(int) off] = (byte) 0xcc;
                }
            }
        }
        int n = t.engine.writeMemory(addr, bytes, 0, len);
        return n == len ? "OK" : "E14";
    }

    // ==== breakpoints ===============================================================================

    private String breakpoint(boolean insert, String args) {
        String[] f = args.split("[,;]");
        if (f.length < 3) throw new MalformedPacketException("Z/z needs type,addr,kind");
        int type = (int) Hex.number(f[0]);
        long addr = Hex.number(f[1]);
        if (type == 2 || type == 4) return watchpoint(insert, addr, (int) Hex.number(f[2]), type == 2);
        if (type != 0) return ""; // hardware breakpoints and read watchpoints: x86 has no read-only condition
        GdbThread t = thread();
        GdbProcess proc = t.process;
        byte[] one = new byte[1];
        if (insert) {
            synchronized (target) {
                if (proc.breakpoints.containsKey(addr)) return "OK";
            }
            if (t.engine.readMemory(addr, one, 0, 1) != 1) return "E01";
            byte original = one[0];
            one[0] = (byte) 0xcc;
            if (t.engine.writeMemory(addr, one, 0, 1) != 1) return "E01";
            synchronized (target) {
                proc.breakpoints.put(addr, original);
                proc.removedBreakpoints.remove(addr);
            }
            return "OK";
        }
        Byte original;
        synchronized (target) {
            original = proc.breakpoints.get(addr);
        }
        if (original == null) return "OK";
        one[0] = original;
        if (t.engine.writeMemory(addr, one, 0, 1) != 1) return "E01";
        synchronized (target) {
            proc.breakpoints.remove(addr);
            proc.removedBreakpoints.add(addr);
        }
        return "OK";
    }

    /**
     * Sets or clears a hardware watchpoint in every thread of the current process. Where the
     * machine refuses debug registers the answer is empty, and gdb falls back to software
     * watchpoints (single-stepping).
     */
    private String watchpoint(boolean insert, long addr, int length, boolean write) {
        GdbProcess proc = thread().process;
        int condition = write ? DebugRegisters.WRITE : DebugRegisters.ACCESS;
        DebugRegisters.Watch w = new DebugRegisters.Watch(addr, length, condition);
        DebugRegisters.Watch[] slots;
        synchronized (target) {
            int slot = -1;
            for (int i = 0; i < DebugRegisters.SLOTS; i++) {
                if (insert ? proc.watches[i] == null : w.equals(proc.watches[i])) {
                    slot = i;
                    break;
                }
            }
            if (slot < 0) return insert ? "E28" : "OK"; // ENOSPC: gdb says it cannot insert it
            if (insert && !DebugRegisters.fits(addr, length)) return "E22";
            proc.watches[slot] = insert ? w : null;
            slots = proc.watches.clone();
        }
        int errno = loadWatches(target, proc, slots);
        if (errno != 0 && insert) {
            synchronized (target) {
                for (int i = 0; i < DebugRegisters.SLOTS; i++) if (w.equals(proc.watches[i])) proc.watches[i] = null;
                slots = proc.watches.clone();
            }
            loadWatches(target, proc, slots);
            return "";
        }
        return "OK";
    }

    private static int loadWatches(GdbTarget target, GdbProcess proc, DebugRegisters.Watch[] slots) {
        int errno = 0;
        for (GdbThread t : target.liveThreads()) {
            if (t.process != proc) continue;
            try {
                int e = t.engine.examine(task -> DebugRegisters.load(task.tid(), slots));
                if (e != 0) errno = e;
            } catch (RuntimeException x) {
                // Not stopped (still on its way to its first stop, which loads them) or gone.
            }
        }
        return errno;
    }

    /** Clears every watchpoint from every thread, as a detach must. */
    static void clearWatchpoints(GdbTarget target) {
        for (GdbProcess proc : List.copyOf(target.processes)) clearWatchpoints(target, proc);
    }

    static void clearWatchpoints(GdbTarget target, GdbProcess proc) {
        boolean any;
        synchronized (target) {
            any = proc.hasWatches();
            java.util.Arrays.fill(proc.watches, null);
        }
        if (any) loadWatches(target, proc, new DebugRegisters.Watch[DebugRegisters.SLOTS]);
    }

    /**
     * Writes back every byte an int3 replaced, in every process. Called at detach, at gdb's
     * disconnect and at shutdown, with the threads held.
     */
    static void restoreBreakpoints(GdbTarget target) {
        for (GdbProcess proc : List.copyOf(target.processes)) restoreBreakpoints(target, proc);
    }

    static void restoreBreakpoints(GdbTarget target, GdbProcess proc) {
        Map<Long, Byte> bps;
        GdbThread any = null;
        synchronized (target) {
            bps = new LinkedHashMap<>(proc.breakpoints);
            for (GdbThread t : proc.threads) if (t.alive && t.stopped) any = t;
        }
        if (any == null || bps.isEmpty()) return;
        byte[] one = new byte[1];
        for (Map.Entry<Long, Byte> bp : bps.entrySet()) {
            one[0] = bp.getValue();
            try {
                any.engine.writeMemory(bp.getKey(), one, 0, 1);
            } catch (RuntimeException e) {
                // The mapping went away with the breakpoint.
            }
            synchronized (target) {
                proc.breakpoints.remove(bp.getKey());
                proc.removedBreakpoints.add(bp.getKey());
            }
        }
    }

    /** Holds everything, restores breakpoints and detaches the gdb engines; safe to repeat. */
    static void restoreAndDetach(GdbTarget target) throws InterruptedException {
        if (target.isDetached()) return;
        target.holdAll();
        target.awaitAllStopped(STOP_WAIT_MS);
        restoreBreakpoints(target);
        clearWatchpoints(target);
        target.detachAll();
    }

    // ==== resuming ==================================================================================

    private String vCont(String actions) throws IOException {
        Map<GdbThread, GdbTarget.Resume> how = new LinkedHashMap<>();
        List<GdbThread> live = target.liveThreads();
        for (String action : actions.split(";")) {
            if (action.isEmpty()) continue;
            int colon = action.indexOf(':');
            String verb = colon < 0 ? action : action.substring(0, colon);
            ThreadId id = colon < 0 ? new ThreadId(ThreadId.ALL, ThreadId.ALL) : ThreadId.parse(action.substring(colon + 1));
            char kind = verb.charAt(0);
            if (kind == 't') continue; // stop: all-stop threads that are not resumed stay stopped
            if (kind != 'c' && kind != 's' && kind != 'C' && kind != 'S') {
                throw new MalformedPacketException("vCont action " + verb);
            }
            int sig = kind == 'C' || kind == 'S' ? GdbSignals.toLinux((int) Hex.number(verb.substring(1))) : 0;
            boolean step = kind == 's' || kind == 'S';
            for (GdbThread t : live) {
                // The leftmost action that names a thread wins.
                if (id.matches(t) && !how.containsKey(t)) how.put(t, new GdbTarget.Resume(step, sig));
            }
        }
        return resume(how);
    }

    private String legacyResume(char kind, String args) throws IOException {
        int sig = 0;
        if (kind == 'C' || kind == 'S') {
            int semi = args.indexOf(';');
            sig = GdbSignals.toLinux((int) Hex.number(semi < 0 ? args : args.substring(0, semi)));
        }
        boolean step = kind == 's' || kind == 'S';
        Map<GdbThread, GdbTarget.Resume> how = new LinkedHashMap<>();
        if (step) {
            how.put(thread(), new GdbTarget.Resume(true, sig));
        } else {
            for (GdbThread t : target.liveThreads()) {
                how.put(t, new GdbTarget.Resume(false, t == thread() ? sig : 0));
            }
        }
        return resume(how);
    }

    private String resume(Map<GdbThread, GdbTarget.Resume> how) {
        Stop exit = target.takePendingExit();
        if (exit != null) {
            lastStop = exit;
            return stopReply(exit);
        }
        if (how.isEmpty()) return "E01";
        target.resume(how);
        return null; // the stop reply comes with the next event
    }

    // ==== leaving ===================================================================================

    private String detach() throws IOException, InterruptedException {
        restoreAndDetach(target);
        err.println("jutrace: gdb detached; the process runs on");
        conn.send("OK");
        ended = true;
        return null;
    }

    /** {@code D;pid}: one process; the session goes on while gdb debugs others. */
    private String detach(int pid) throws IOException, InterruptedException {
        GdbProcess proc = target.process(pid);
        if (proc == null) return "E01";
        List<GdbProcess> others = new java.util.ArrayList<>(target.processes);
        others.remove(proc);
        if (others.isEmpty()) return detach();
        restoreBreakpoints(target, proc);
        clearWatchpoints(target, proc);
        target.detachProcess(proc);
        err.println("jutrace: gdb detached from process " + pid + "; it runs on");
        if (general != null && general.process == proc) general = null;
        return "OK";
    }

    private void kill() {
        for (GdbProcess proc : List.copyOf(target.processes)) {
            if (proc.exitStatus < 0) Libc.killRaw(proc.pid, Libc.SIGKILL);
        }
        ended = true;
    }

    // ==== qXfer =====================================================================================

    private String xfer(String args) {
        // object:read:annex:offset,length
        String[] f = args.split(":", 4);
        if (f.length < 4 || !f[1].equals("read")) return "";
        String object = f[0];
        String annex = f[2];
        int comma = f[3].indexOf(',');
        if (comma < 0) throw new MalformedPacketException("qXfer needs offset,length");
        long offset = Hex.number(f[3].substring(0, comma));
        long length = Hex.number(f[3].substring(comma + 1));
        byte[] data = switch (object) {
            case "features" -> annex.equals("target.xml") ? Amd64.TARGET_XML.getBytes(StandardCharsets.UTF_8) : null;
            case "auxv" -> procFile(thread().process.pid, "auxv");
            case "exec-file" -> execFile(annex);
            case "threads" -> threadsXml().getBytes(StandardCharsets.UTF_8);
            case "siginfo" -> thread().siginfo;
            case "libraries-svr4" -> libraries();
            default -> new byte[0];
        };
        if (data == null) return "E00";
        if (offset >= data.length) return "l";
        int n = (int) Math.min(length, data.length - offset);
        String chunk = Rsp.binary(data, (int) offset, n);
        return (offset + n >= data.length ? "l" : "m") + chunk;
    }

    private byte[] libraries() {
        GdbThread t = thread();
        byte[] auxv = procFile(t.process.pid, "auxv");
        if (auxv == null) return null;
        return Svr4Libraries.xml(auxv, t.engine::readMemory).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] procFile(int pid, String name) {
        try {
            return Files.readAllBytes(Path.of("/proc/" + pid + "/" + name));
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] execFile(String annex) {
        int pid = annex.isEmpty() ? thread().process.pid : (int) Hex.number(annex);
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private String threadsXml() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<threads>\n");
        for (GdbThread t : target.liveThreads()) {
            x.append("<thread id=\"").append(t.id()).append('"');
            String name = comm(t.tid());
            if (name != null) x.append(" name=\"").append(xmlEscape(name)).append('"');
            x.append("/>\n");
        }
        return x.append("</threads>\n").toString();
    }

    private static String comm(int tid) {
        byte[] b = procFile(tid, "comm");
        if (b == null) return null;
        return new String(b, StandardCharsets.UTF_8).strip();
    }

    static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ==== monitor ===================================================================================

    private String monitor(String command) throws IOException {
        String out = monitor.run(command.strip());
        if (!out.isEmpty()) conn.send("O" + Hex.ofText(out));
        return "OK";
    }

    /** For a monitor command that needs a stopped thread to work through. */
    Engine anyEngine() {
        return thread().engine;
    }
}
