package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;

/**
 * rt_sigreturn(2). It takes no arguments; strace shows the signal mask the call restores, from
 * the signal frame on the stack. The caller puts the stack pointer at the entry stop in
 * {@code args[Decoder.SAVED]}: the frame's struct ucontext starts there.
 */
final class Sigreturn {

    /**
     * uc_sigmask's offset in the x86_64 struct ucontext: uc_flags, uc_link, uc_stack (24 bytes)
     * and the 256-byte struct sigcontext come first.
     */
    private static final int UC_SIGMASK = 8 + 8 + 24 + 256;
    private static final int SIGSET_SIZE = 8;

    private Sigreturn() {}

    static void register(Registrar r) {
        r.add("rt_sigreturn", Decoder.atEntry(Sigreturn::rtSigreturn));
    }

    private static void rtSigreturn(long[] args, ArgWriter out) {
        long sp = args[Decoder.SAVED];
        long mask = sp + UC_SIGMASK;
        out.beginStruct();
        out.field("mask");
        Sigaction.sigset(mask, SIGSET_SIZE, out);
        out.endStruct();
    }
}
