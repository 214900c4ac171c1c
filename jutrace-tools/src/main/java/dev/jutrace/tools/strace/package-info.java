/** The strace engine: syscall and signal lines in strace's format, written as one engine among many. */
package dev.jutrace.tools.strace;
