/**
 * Test support shared by every module's tests: where the compiled tracee programs live, and
 * (later) fakes and transcript helpers built on the core and decode modules.
 */
module dev.jutrace.testing {
    requires dev.jutrace.core;
    // TODO: requires dev.jutrace.decode; once jutrace-decode has a module-info (it has no sources yet).
    exports dev.jutrace.testing;
}
