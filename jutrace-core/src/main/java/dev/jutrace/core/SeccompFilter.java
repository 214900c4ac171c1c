package dev.jutrace.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;

/**
 * A seccomp-BPF program that asks for a ptrace stop ({@code SECCOMP_RET_TRACE}) on exactly a given
 * set of x86_64 system calls and allows every other call, and the rules that decide when a task's
 * engines can live with one (see {@link Tracer#useSeccomp}).
 *
 * <p>The program checks the architecture first: a call made through another ABI (i386's
 * {@code int 0x80}, or x32, whose numbers have bit 30 set) is traced whatever its number, since
 * its numbers mean other calls; without a filter such calls stop too. Then one check per number,
 * or per run of consecutive numbers, each followed by its own {@code RET TRACE}, so that no jump
 * is longer than two instructions however large the set.
 */
public final class SeccompFilter {
    private SeccompFilter() {}

    /** {@code AUDIT_ARCH_X86_64} from linux/audit.h. */
    static final int AUDIT_ARCH_X86_64 = 0xc000003e;
    /** {@code __X32_SYSCALL_BIT}. */
    static final int X32_SYSCALL_BIT = 0x40000000;
    static final int SECCOMP_RET_TRACE = 0x7ff00000;
    static final int SECCOMP_RET_ALLOW = 0x7fff0000;
    /** {@code BPF_MAXINSNS}: the kernel refuses a longer program. */
    static final int MAX_INSNS = 4096;

    // Classic BPF opcodes (linux/bpf_common.h): class | size | mode, class | op | source.
    private static final short LD_W_ABS = 0x20;
    private static final short JMP_JEQ_K = 0x15;
    private static final short JMP_JGE_K = 0x35;
    private static final short JMP_JGT_K = 0x25;
    private static final short RET_K = 0x06;
    /** Offsets in {@code struct seccomp_data}. */
    private static final int NR = 0, ARCH = 4;

    /** One {@code struct sock_filter}: code, jt, jf, k. */
    record Insn(int code, int jt, int jf, int k) {}

    /** The program tracing {@code traced}, as instructions. */
    static ArrayList<Insn> instructions(BitSet traced) {
        ArrayList<Insn> p = new ArrayList<>();
        p.add(new Insn(LD_W_ABS, 0, 0, ARCH));
        p.add(new Insn(JMP_JEQ_K, 1, 0, AUDIT_ARCH_X86_64));
        p.add(new Insn(RET_K, 0, 0, SECCOMP_RET_TRACE));
        p.add(new Insn(LD_W_ABS, 0, 0, NR));
        p.add(new Insn(JMP_JGE_K, 0, 1, X32_SYSCALL_BIT));
        p.add(new Insn(RET_K, 0, 0, SECCOMP_RET_TRACE));
        for (int lo = traced.nextSetBit(0); lo >= 0; ) {
            int hi = traced.nextClearBit(lo) - 1;
            if (hi == lo) {
                // nr == lo ? TRACE : next
                p.add(new Insn(JMP_JEQ_K, 0, 1, lo));
            } else {
                // nr < lo ? next : nr > hi ? next : TRACE
                p.add(new Insn(JMP_JGE_K, 0, 2, lo));
                p.add(new Insn(JMP_JGT_K, 1, 0, hi));
            }
            p.add(new Insn(RET_K, 0, 0, SECCOMP_RET_TRACE));
            lo = traced.nextSetBit(hi + 1);
        }
        p.add(new Insn(RET_K, 0, 0, SECCOMP_RET_ALLOW));
        return p;
    }

    /**
     * The program tracing {@code traced} as the bytes of a {@code struct sock_filter} array, ready
     * to be copied into the tracee; null when it would exceed the kernel's limit.
     */
    static byte[] program(BitSet traced) {
        ArrayList<Insn> p = instructions(traced);
        if (p.size() > MAX_INSNS) return null;
        ByteBuffer b = ByteBuffer.allocate(p.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (Insn i : p) b.putShort((short) i.code()).put((byte) i.jt()).put((byte) i.jf()).putInt(i.k());
        return b.array();
    }

    /**
     * What the program returns for a call: a small interpreter of the instructions built above,
     * so tests can check the program without a kernel.
     */
    static int run(ArrayList<Insn> program, int arch, int nr) {
        int acc = 0;
        for (int pc = 0; pc < program.size(); pc++) {
            Insn i = program.get(pc);
            switch (i.code()) {
                case LD_W_ABS -> acc = i.k() == ARCH ? arch : nr;
                case JMP_JEQ_K -> pc += acc == i.k() ? i.jt() : i.jf();
                case JMP_JGE_K -> pc += Integer.compareUnsigned(acc, i.k()) >= 0 ? i.jt() : i.jf();
                case JMP_JGT_K -> pc += Integer.compareUnsigned(acc, i.k()) > 0 ? i.jt() : i.jf();
                case RET_K -> {
                    return i.k();
                }
                default -> throw new IllegalStateException("opcode " + i.code());
            }
        }
        throw new IllegalStateException("fell off the end of the program");
    }

    /**
     * The set a filter for {@code t} should trace, from its engines' {@link EngineOps#syscalls}:
     * the union of the sets of the engines that want syscall events. Null when a filter would not
     * help or not be safe: no engine wants syscall events (they run under PTRACE_CONT anyway), one
     * wants every call, or one of them
     * does not follow clones (a child left without engines would be let go with a filter and no
     * tracer, and the calls the filter traces then fail with ENOSYS).
     */
    static BitSet wanted(Task t) {
        BitSet union = null;
        for (Engine e : t.engines()) {
            if ((e.mask & Event.SYSCALL) == 0) continue;
            BitSet s = e.ops.syscalls();
            if (s == null || (e.mask & Event.CLONE.bit()) == 0) return null;
            if (union == null) union = new BitSet();
            union.or(s);
        }
        // An empty union (-e trace=none) still gains: the filter traces nothing and the threads run free.
        return union;
    }

    /** Whether every engine of {@code t} that wants syscall events wants only calls in {@code filter}. */
    static boolean covers(BitSet filter, ArrayList<Engine> attached, ArrayList<Engine> attaching) {
        return covers(filter, attached) && covers(filter, attaching);
    }

    private static boolean covers(BitSet filter, ArrayList<Engine> engines) {
        for (int k = 0, n = engines.size(); k < n; k++) {
            Engine e = engines.get(k);
            if (e.state != Engine.State.ATTACHED || (e.mask & Event.SYSCALL) == 0) continue;
            BitSet s = e.ops.syscalls();
            if (s == null) return false;
            for (int nr = s.nextSetBit(0); nr >= 0; nr = s.nextSetBit(nr + 1)) {
                if (!filter.get(nr)) return false;
            }
        }
        return true;
    }
}
