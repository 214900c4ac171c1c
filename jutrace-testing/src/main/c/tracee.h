/*
 * Helpers shared by the tracee programs. Every tracee is one .c file compiled on its own by
 * build.sh, so everything here is static inline. Include this header first: it turns on
 * _GNU_SOURCE before any system header is read.
 *
 * Exit statuses common to all tracees: 2 for a usage error (message on stderr), 1 when a system
 * call the program needs fails (perror-style message on stderr). A test that sees either knows
 * the tracee itself went wrong, not the tracer.
 */
#ifndef JUTRACE_TRACEE_H
#define JUTRACE_TRACEE_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Prints "usage: TEXT" on stderr and exits 2. */
static inline void __attribute__((noreturn)) usage(const char *text)
{
	fprintf(stderr, "usage: %s\n", text);
	exit(2);
}

/* Prints "WHAT: strerror(errno)" on stderr and exits 1. Safe to call from any thread. */
static inline void __attribute__((noreturn)) die(const char *what)
{
	perror(what);
	exit(1);
}

/* Like die, for the pthread functions, which return the error number instead of setting errno. */
static inline void __attribute__((noreturn)) die_rc(const char *what, int rc)
{
	fprintf(stderr, "%s: %s\n", what, strerror(rc));
	exit(1);
}

/*
 * Parses S as a decimal integer in [MIN, MAX], or exits through usage(USAGE). Accepts a leading
 * '-' so that exit_code can read "-9".
 */
static inline long arg_long(const char *s, long min, long max, const char *usage_text)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		usage(usage_text);
	return v;
}

/*
 * One write(2) of a short string, with no stdio buffering in between, so the trace shows exactly
 * one write per call. Async-signal-safe.
 */
static inline void say(int fd, const char *s)
{
	size_t n = strlen(s);

	if (write(fd, s, n) != (ssize_t)n)
		_exit(1);
}

/*
 * getppid as a raw system call. glibc does not cache getppid today, but going through syscall(2)
 * guarantees one kernel entry per call whatever the C library does.
 */
static inline long raw_getppid(void)
{
	return syscall(SYS_getppid);
}

/* Returns the scheduler state letter of thread TID of this process, or 0 if it cannot be read. */
static inline char thread_state(pid_t tid)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/self/task/%d/stat", (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	/* "pid (comm) S ...": comm may hold ')' and spaces, so look for the last ')'. */
	p = strrchr(buf, ')');
	return p != NULL && p[1] == ' ' ? p[2] : 0;
}

#endif
