/*
 * inject_probe OP... — runs each OP in order and prints one line per system call it makes, with
 * the result the program saw, so a test can check what a fault injector really did:
 *
 *   g        raw getppid: "getppid 1234", or "getppid -1 ENOENT" when it fails
 *   o:PATH   openat(AT_FDCWD, PATH, O_RDONLY): "openat PATH 3" or "openat PATH -1 ENOENT"; closes
 *            the descriptor it got (the close is not printed)
 *   t        raw getppid, timed: "getppid RESULT us=ELAPSED" (CLOCK_MONOTONIC, no system call)
 *   fork     forks: the child runs the remaining OPs with every line prefixed "child ", exits 0;
 *            the parent waits for it, then runs them prefixed "parent "
 *
 * SIGUSR1 and SIGUSR2 have a handler: a line after which a signal was caught ends with
 * " sig=NAME". Output is fully buffered and flushed at exit (and before fork), so the only
 * system calls between the start-up noise and exit are the OPs' own.
 */
#include "tracee.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#define USAGE "inject_probe OP... (g | o:PATH | t | fork)"

static volatile sig_atomic_t caught;
static const char *prefix = "";

static void handler(int sig)
{
	caught = sig;
}

static void result(long rv, int err)
{
	if (rv < 0)
		printf(" -1 %s", strerrorname_np(err));
	else
		printf(" %ld", rv);
	if (caught) {
		printf(" sig=%s", caught == SIGUSR1 ? "SIGUSR1" : "SIGUSR2");
		caught = 0;
	}
}

static long elapsed_us(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000L + (b->tv_nsec - a->tv_nsec) / 1000;
}

int main(int argc, char **argv)
{
	static char out[1 << 16];
	struct sigaction sa;
	struct timespec t0, t1;
	long rv;
	int i, fd, status;
	pid_t child;

	if (argc < 2)
		usage(USAGE);
	setvbuf(stdout, out, _IOFBF, sizeof out);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	for (i = 1; i < argc; i++) {
		const char *op = argv[i];

		if (strcmp(op, "g") == 0) {
			rv = raw_getppid();
			printf("%sgetppid", prefix);
			result(rv, errno);
		} else if (strcmp(op, "t") == 0) {
			clock_gettime(CLOCK_MONOTONIC, &t0);
			rv = raw_getppid();
			clock_gettime(CLOCK_MONOTONIC, &t1);
			printf("%sgetppid", prefix);
			result(rv, errno);
			printf(" us=%ld", elapsed_us(&t0, &t1));
		} else if (strncmp(op, "o:", 2) == 0) {
			fd = openat(AT_FDCWD, op + 2, O_RDONLY);
			printf("%sopenat %s", prefix, op + 2);
			result(fd, errno);
			if (fd >= 0)
				close(fd);
		} else if (strcmp(op, "fork") == 0) {
			fflush(stdout);
			child = fork();
			if (child < 0)
				die("fork");
			if (child == 0) {
				prefix = "child ";
				continue;
			}
			if (waitpid(child, &status, 0) != child)
				die("waitpid");
			prefix = "parent ";
			continue;
		} else {
			usage(USAGE);
		}
		printf("\n");
	}
	fflush(stdout);
	return 0;
}
