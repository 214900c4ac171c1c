/** Syscall decoders, one small class per syscall family, found by syscall number through {@link dev.jutrace.decode.syscalls.DecoderTable}. */
package dev.jutrace.decode.syscalls;
