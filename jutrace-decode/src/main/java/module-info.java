/**
 * Turns raw syscall numbers, registers and tracee memory into strace's text. Pure Java: it never
 * sees ptrace, only a {@link dev.jutrace.decode.Memory}.
 */
module dev.jutrace.decode {
    exports dev.jutrace.decode;
    exports dev.jutrace.decode.text;
    exports dev.jutrace.decode.xlat;
    exports dev.jutrace.decode.syscalls;
}
