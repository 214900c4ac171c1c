/*
 * Golden tests in strace's manner: a program makes each call, then prints on stdout the line
 * the trace must show for it; jutrace-cli's GoldenHarness runs the program under jutrace (and
 * under strace, when installed) and diffs those lines against the trace.
 *
 *     int fd = open(...);
 *     expect("fcntl(%d, F_GETFD) = 0x1 (flags FD_CLOEXEC)", fd);
 *
 * expect() pads the " = " before the return value to strace's column 40, so a line is written
 * as it reads. Stdout stays buffered: the harness traces a set of calls that leaves write out.
 */
#ifndef GOLDEN_H
#define GOLDEN_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* strace's column for " = ", counted from the start of the line. */
#define GOLDEN_COLUMN 40

__attribute__((format(printf, 1, 2)))
static void expect(const char *format, ...)
{
	char line[8192];
	va_list ap;
	va_start(ap, format);
	vsnprintf(line, sizeof line, format, ap);
	va_end(ap);
	/* The last ") = " ends the arguments; a note after the value has none. */
	char *eq = NULL;
	for (char *p = strstr(line, ") = "); p != NULL; p = strstr(p + 1, ") = "))
		eq = p;
	if (eq == NULL) {
		puts(line);
		return;
	}
	int call = (int) (eq - line) + 1;
	printf("%.*s", call, line);
	printf("%*s= %s\n", call < GOLDEN_COLUMN ? GOLDEN_COLUMN - call : 1, "", eq + 4);
}

/* The last line of every trace of a program that returns 0 from main. */
static int golden_done(void)
{
	puts("+++ exited with 0 +++");
	return 0;
}

#endif
