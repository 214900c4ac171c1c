/**
 * ptrace(2) as a Java interface with two backends: the kernel's own, and one engine on the core
 * that behaves like it, so that the engine layer can be checked against the kernel call by call.
 */
module dev.jutrace.ptrace {
    requires transitive dev.jutrace.core;
    requires transitive dev.jutrace.sys;
    exports dev.jutrace.ptrace;
}
