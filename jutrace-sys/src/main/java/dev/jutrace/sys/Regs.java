package dev.jutrace.sys;

/**
 * Word indexes into x86_64 {@code struct user_regs_struct}, as filled by {@link Ptrace#getRegs}:
 * <pre>
 * struct user_regs_struct {
 *     r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi,
 *     orig_rax, rip, cs, eflags, rsp, ss, fs_base, gs_base, ds, es, fs, gs;   // unsigned long each
 * };
 * </pre>
 */
public final class Regs {
    private Regs() {}

    public static final int R15 = 0, R14 = 1, R13 = 2, R12 = 3, RBP = 4, RBX = 5, R11 = 6, R10 = 7,
            R9 = 8, R8 = 9, RAX = 10, RCX = 11, RDX = 12, RSI = 13, RDI = 14, ORIG_RAX = 15, RIP = 16,
            CS = 17, EFLAGS = 18, RSP = 19, SS = 20, FS_BASE = 21, GS_BASE = 22, DS = 23, ES = 24,
            FS = 25, GS = 26;

    /** The six syscall argument registers, in argument order. */
    public static final int[] SYSCALL_ARGS = {RDI, RSI, RDX, R10, R8, R9};
}
