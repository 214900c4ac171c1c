/** Engines for users: the strace engine now; fault injection, the gdb server and recorders later. */
module dev.jutrace.tools {
    requires transitive dev.jutrace.core;
    requires transitive dev.jutrace.decode;
    exports dev.jutrace.tools.strace;
}
