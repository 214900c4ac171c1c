/** A GDB remote-protocol server built as an engine, so gdb can debug a process other engines also trace. */
package dev.jutrace.tools.gdb;
