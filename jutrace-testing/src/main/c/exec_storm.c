/*
 * exec_storm N SPIN PATH [ARGS...] — a secondary thread calls execv while every other thread is
 * blocked in a system call (or spinning), so that the kernel must kill them all for the exec.
 *
 * The process starts N threads blocked in read(2) on a pipe nobody writes to, N in nanosleep(2)
 * for an hour, N in FUTEX_WAIT on a word nobody wakes, and SPIN threads spinning in user space
 * without system calls. The main thread blocks in pause(). Then one more thread (the exec'ing
 * thread) waits until every thread has recorded its tid and every blocking thread, the main
 * thread included, is asleep (state 'S', or 't' when a tracer holds it in a ptrace-stop), and
 * calls execv(PATH, {PATH, ARGS..., NULL}). The exit status is then PATH's.
 *
 * There are 3*N + SPIN + 2 threads in all before the exec. Prints nothing. Exits 1 (message on
 * stderr) when a system call it needs fails, or when the threads have not all gone to sleep
 * within 20 seconds.
 */
#include "tracee.h"

#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#define USAGE "exec_storm N SPIN PATH [ARGS...]"
#define MAX_THREADS 1024

static int pipe_fd[2];
static atomic_int futex_word;
static atomic_int spinning = 1;
static char **exec_argv;

/* Tids of the blocking threads (the main thread first), and how many have registered. */
static pid_t sleeper_tids[MAX_THREADS];
static atomic_int registered;
static long expected;

static void enroll(void)
{
	int i = atomic_fetch_add(&registered, 1);

	sleeper_tids[i] = (pid_t)syscall(SYS_gettid);
}

static void *reader(void *arg)
{
	char c;

	(void)arg;
	enroll();
	for (;;)
		if (read(pipe_fd[0], &c, 1) >= 0 || errno != EINTR)
			die("read returned");
	return NULL;
}

static void *napper(void *arg)
{
	const struct timespec hour = { 3600, 0 };

	(void)arg;
	enroll();
	for (;;)
		nanosleep(&hour, NULL);
	return NULL;
}

static void *waiter(void *arg)
{
	(void)arg;
	enroll();
	for (;;)
		syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	return NULL;
}

static void *spinner(void *arg)
{
	(void)arg;
	while (atomic_load_explicit(&spinning, memory_order_relaxed))
		;
	return NULL;
}

static int all_asleep(void)
{
	long i;
	char s;

	if (atomic_load(&registered) < expected)
		return 0;
	for (i = 0; i < expected; i++) {
		s = thread_state(sleeper_tids[i]);
		if (s != 'S' && s != 't')
			return 0;
	}
	return 1;
}

static void *exec_thread(void *arg)
{
	const struct timespec five_ms = { 0, 5 * 1000 * 1000 };
	int i;

	(void)arg;
	for (i = 0; !all_asleep(); i++) {
		if (i == 4000) {
			fprintf(stderr, "exec_storm: the threads never all went to sleep\n");
			exit(1);
		}
		nanosleep(&five_ms, NULL);
	}
	execv(exec_argv[0], exec_argv);
	die("execv");
}

static void start(void *(*fn)(void *))
{
	pthread_attr_t attr;
	pthread_t t;
	int rc;

	if ((rc = pthread_attr_init(&attr)) != 0 ||
	    (rc = pthread_attr_setstacksize(&attr, 64 * 1024)) != 0 ||
	    (rc = pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED)) != 0)
		die_rc("pthread_attr", rc);
	if ((rc = pthread_create(&t, &attr, fn, NULL)) != 0)
		die_rc("pthread_create", rc);
	pthread_attr_destroy(&attr);
}

int main(int argc, char **argv)
{
	long n, spin, i;

	if (argc < 4)
		usage(USAGE);
	n = arg_long(argv[1], 0, (MAX_THREADS - 1) / 3, USAGE);
	spin = arg_long(argv[2], 0, 64, USAGE);
	exec_argv = argv + 3;
	expected = 3 * n + 1;
	if (pipe2(pipe_fd, O_CLOEXEC) != 0)
		die("pipe2");
	enroll();
	for (i = 0; i < n; i++) {
		start(reader);
		start(napper);
		start(waiter);
	}
	for (i = 0; i < spin; i++)
		start(spinner);
	start(exec_thread);
	for (;;)
		pause();
}
