/**
 * The engine layer: one tracer thread holds the real ptrace attachment and multiplexes it to any
 * number of engines per thread, with utrace's semantics.
 */
module dev.jutrace.core {
    requires dev.jutrace.sys;
    exports dev.jutrace.core;
}
