/**
 * The ptrace scenarios: scripts against {@link dev.jutrace.ptrace.Ptrace} that write a
 * normalised transcript and check the outcomes measured on the kernel, run on either backend so
 * that the engine backend can be held to the kernel's transcript line by line.
 */
package dev.jutrace.testing.ptrace;
