/**
 * The ptrace facade. {@link dev.jutrace.ptrace.Ptrace} is shaped like ptrace(2) and wait(2):
 * requests take a tid and answer as the kernel would, failures are
 * {@link dev.jutrace.sys.ErrnoException}s carrying the kernel's errno, and {@code wait} returns
 * kernel-format status words. {@code KernelPtrace} issues the real calls;
 * {@code EnginePtrace} is one engine among many on a
 * {@link dev.jutrace.core.Tracer}, following utrace's ptrace-over-utrace design.
 */
package dev.jutrace.ptrace;
