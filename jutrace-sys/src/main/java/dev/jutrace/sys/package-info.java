/** Typed bindings to ptrace, waitpid, posix_spawn, signals and tracee memory, with errno turned into exceptions. */
package dev.jutrace.sys;
