/*
 * leader_exit N — starts N threads that block in nanosleep(2) for ever, then the main thread
 * (the thread group leader) exits on its own with a raw exit(2) system call, status 0. The
 * process lives on with a zombie leader until something kills it. Prints nothing.
 *
 * Tests rely on: the leader's exit event coming while the other threads still run (the kernel
 * delays the leader's death report until every other thread is gone), and on the process
 * never ending by itself.
 */
#include "tracee.h"

#include <pthread.h>
#include <time.h>

#define USAGE "leader_exit N"

static void *nap(void *arg)
{
	const struct timespec hour = { 3600, 0 };

	(void)arg;
	for (;;)
		nanosleep(&hour, NULL);
	return NULL;
}

int main(int argc, char **argv)
{
	long n, i;
	pthread_t t;
	int rc;

	if (argc != 2)
		usage(USAGE);
	n = arg_long(argv[1], 1, 1000, USAGE);
	for (i = 0; i < n; i++)
		if ((rc = pthread_create(&t, NULL, nap, NULL)) != 0)
			die_rc("pthread_create", rc);
	/* Not exit(3) or a return from main, which end the whole group: only this thread. */
	syscall(SYS_exit, 0);
	return 1;
}
