/** Decodes x86_64 system calls, errnos, signals and siginfo into strace 6.1's default text. */
package dev.jutrace.decode;
