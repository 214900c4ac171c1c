/*
 * thread_loop THREADS N — starts THREADS threads that each make N raw getppid system calls, joins
 * them all and exits 0. Prints nothing.
 *
 * A benchmark workload: it shows whether a tracer serialises threads that make system calls at
 * the same time. Tests rely on THREADS * N getppid calls in all, N on each thread.
 */
#include "tracee.h"

#include <pthread.h>

#define USAGE "thread_loop THREADS N"

static long calls;

static void *loop(void *arg)
{
	long i;

	(void)arg;
	for (i = 0; i < calls; i++)
		raw_getppid();
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t *t;
	long threads, i;
	int rc;

	if (argc != 3)
		usage(USAGE);
	threads = arg_long(argv[1], 1, 10000, USAGE);
	calls = arg_long(argv[2], 0, LONG_MAX, USAGE);
	t = calloc((size_t)threads, sizeof *t);
	if (t == NULL)
		die("calloc");
	for (i = 0; i < threads; i++)
		if ((rc = pthread_create(&t[i], NULL, loop, NULL)) != 0)
			die_rc("pthread_create", rc);
	for (i = 0; i < threads; i++)
		if ((rc = pthread_join(t[i], NULL)) != 0)
			die_rc("pthread_join", rc);
	free(t);
	return 0;
}
