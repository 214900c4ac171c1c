/** Test support: the compiled tracee programs ({@link dev.jutrace.testing.Tracees}). */
package dev.jutrace.testing;
