/** Engines for users: the strace engine and fault injection now; the gdb server and recorders later. */
module dev.jutrace.tools {
    requires transitive dev.jutrace.core;
    requires transitive dev.jutrace.decode;
    requires dev.jutrace.sys;
    exports dev.jutrace.tools.strace;
    exports dev.jutrace.tools.inject;
    exports dev.jutrace.tools.gdb;
    exports dev.jutrace.tools.json;
}
