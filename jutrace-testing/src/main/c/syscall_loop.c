/*
 * syscall_loop N — makes N raw getppid system calls, then exits 0. Prints nothing.
 *
 * Tests rely on: exactly N getppid calls between the start-up noise and exit_group(0), each
 * returning the parent's pid. The benchmark runs it with N = 1000000 to measure the cost of one
 * traced system call (two syscall-stops).
 */
#include "tracee.h"

#define USAGE "syscall_loop N"

int main(int argc, char **argv)
{
	long n, i;

	if (argc != 2)
		usage(USAGE);
	n = arg_long(argv[1], 0, LONG_MAX, USAGE);
	for (i = 0; i < n; i++)
		raw_getppid();
	return 0;
}
