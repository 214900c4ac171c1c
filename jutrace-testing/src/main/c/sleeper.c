/*
 * sleeper [THREADS] — a long-lived process for attach and detach tests.
 *
 * Starts THREADS extra threads (default 0), each blocking in a nanosleep loop, and only then
 * prints its pid and a newline on stdout and flushes it, so that once a test has read that line
 * every thread exists. The main thread then blocks in a pause() loop for ever.
 *
 * On SIGUSR1 (on whichever thread takes it) it writes "usr1\n" to fd 1 with one write(2) and goes
 * back to sleep. On SIGTERM it exits 0. A test attaches, detaches, and then checks that
 * /proc/PID/status shows "TracerPid:\t0" and that SIGUSR1 still produces "usr1"; a process left
 * stopped or still traced would not answer.
 */
#include "tracee.h"

#include <pthread.h>
#include <signal.h>
#include <time.h>

#define USAGE "sleeper [THREADS]"

static void on_usr1(int sig)
{
	(void)sig;
	say(1, "usr1\n");
}

static void on_term(int sig)
{
	(void)sig;
	_exit(0);
}

static void *sleep_thread(void *arg)
{
	const struct timespec hour = { 3600, 0 };

	(void)arg;
	for (;;)
		nanosleep(&hour, NULL);
	return NULL;
}

static void handle(int sig, void (*fn)(int))
{
	struct sigaction sa = { .sa_handler = fn, .sa_flags = SA_RESTART };
	sigset_t set;

	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) != 0)
		die("sigaction");
	sigemptyset(&set);
	sigaddset(&set, sig);
	if (sigprocmask(SIG_UNBLOCK, &set, NULL) != 0)
		die("sigprocmask");
}

int main(int argc, char **argv)
{
	long threads = 0, i;
	pthread_t t;
	int rc;

	if (argc > 2)
		usage(USAGE);
	if (argc == 2)
		threads = arg_long(argv[1], 0, 10000, USAGE);
	/* Handlers first: threads inherit the signal mask, and a signal may come as soon as the pid
	 * is out. */
	handle(SIGUSR1, on_usr1);
	handle(SIGTERM, on_term);
	for (i = 0; i < threads; i++)
		if ((rc = pthread_create(&t, NULL, sleep_thread, NULL)) != 0)
			die_rc("pthread_create", rc);
	printf("%d\n", (int)getpid());
	if (fflush(stdout) != 0)
		die("fflush");
	for (;;)
		pause();
}
