/**
 * Test support shared by every module's tests: where the compiled tracee programs live, and
 * (later) fakes and transcript helpers built on the core and decode modules.
 */
module dev.jutrace.testing {
    requires transitive dev.jutrace.core;
    requires dev.jutrace.sys;
    requires transitive dev.jutrace.ptrace;
    exports dev.jutrace.testing;
    exports dev.jutrace.testing.conformance;
    exports dev.jutrace.testing.bench;
    exports dev.jutrace.testing.ptrace;
}
