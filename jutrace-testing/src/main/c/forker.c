/*
 * forker SUBCOMMAND [ARGS] — makes new processes and threads in one chosen way each, so that a
 * test can check how the tracer follows them (-f). Exits 0 when everything went as expected, 1
 * (with a message on stderr) when not. Prints nothing on stdout except where noted.
 *
 *   fork              fork(2); the child writes "child\n" to fd 1 with one write(2) and
 *                     _exit(3)s. The parent waits for it and checks it exited with 3.
 *   vfork             vfork(2); the child _exit(4)s at once. The parent waits, checks for 4.
 *   clone             clone(2) with CLONE_VM|SIGCHLD (a process sharing our memory, not a
 *                     thread) running on its own stack; the child _exit(5)s. The parent waits,
 *                     checks for 5.
 *   threads N         N pthreads, all started before any is joined; each makes one raw getppid
 *                     and returns. The main thread joins them all.
 *   exec-from-thread PATH [ARGS...]
 *                     a second pthread calls execv(PATH, {PATH, ARGS..., NULL}) once the main
 *                     thread is blocked in pause(), so the kernel must kill the main thread and
 *                     the exec'ing thread takes over the leader's pid. The thread first sleeps
 *                     10 ms, then reads /proc/self/task/PID/stat until the main thread's state is
 *                     'S' (usually once). The exit status is whatever PATH's is.
 *   clone-storm N     N short-lived threads, in batches of at most 50 alive at once; each makes
 *                     a raw getppid and a raw gettid and returns. Each batch is joined before
 *                     the next starts.
 */
#include "tracee.h"

#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#define USAGE "forker fork | vfork | clone | threads N | exec-from-thread PATH [ARGS...] | clone-storm N"

#define STORM_BATCH 50

/* Waits for PID and exits 1 unless it exited normally with status WANT. */
static void expect_exit(pid_t pid, int want)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != want) {
		fprintf(stderr, "forker: child %d: wait status 0x%x, expected exit %d\n",
			(int)pid, status, want);
		exit(1);
	}
}

static int do_fork(void)
{
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		say(1, "child\n");
		_exit(3);
	}
	expect_exit(pid, 3);
	return 0;
}

static int do_vfork(void)
{
	pid_t pid = vfork();

	if (pid < 0)
		die("vfork");
	if (pid == 0)
		_exit(4);
	expect_exit(pid, 4);
	return 0;
}

/* The clone child's stack; 64 KiB is plenty for a function that only calls _exit. */
static char clone_stack[64 * 1024] __attribute__((aligned(16)));

static int clone_child(void *arg)
{
	(void)arg;
	_exit(5);
}

static int do_clone(void)
{
	pid_t pid = clone(clone_child, clone_stack + sizeof clone_stack, CLONE_VM | SIGCHLD, NULL);

	if (pid < 0)
		die("clone");
	expect_exit(pid, 5);
	return 0;
}

static void *getppid_thread(void *arg)
{
	(void)arg;
	raw_getppid();
	return NULL;
}

static int do_threads(long n)
{
	pthread_t *t = calloc((size_t)n, sizeof *t);
	long i;
	int rc;

	if (n > 0 && t == NULL)
		die("calloc");
	for (i = 0; i < n; i++)
		if ((rc = pthread_create(&t[i], NULL, getppid_thread, NULL)) != 0)
			die_rc("pthread_create", rc);
	for (i = 0; i < n; i++)
		if ((rc = pthread_join(t[i], NULL)) != 0)
			die_rc("pthread_join", rc);
	free(t);
	return 0;
}

static char **exec_argv;

static void *exec_thread(void *arg)
{
	const struct timespec ten_ms = { 0, 10 * 1000 * 1000 };
	pid_t leader = getpid();

	(void)arg;
	do
		nanosleep(&ten_ms, NULL);
	while (thread_state(leader) != 'S');
	execv(exec_argv[0], exec_argv);
	die("execv");
}

static int do_exec_from_thread(char **argv)
{
	pthread_t t;
	int rc;

	exec_argv = argv;
	if ((rc = pthread_create(&t, NULL, exec_thread, NULL)) != 0)
		die_rc("pthread_create", rc);
	for (;;)
		pause();
}

static void *storm_thread(void *arg)
{
	(void)arg;
	raw_getppid();
	syscall(SYS_gettid);
	return NULL;
}

static int do_clone_storm(long n)
{
	pthread_t t[STORM_BATCH];
	pthread_attr_t attr;
	long done = 0;
	int i, batch, rc;

	/* Small stacks keep each thread's mmap cheap; the threads need almost none. */
	if ((rc = pthread_attr_init(&attr)) != 0 ||
	    (rc = pthread_attr_setstacksize(&attr, 64 * 1024)) != 0)
		die_rc("pthread_attr", rc);
	while (done < n) {
		batch = n - done < STORM_BATCH ? (int)(n - done) : STORM_BATCH;
		for (i = 0; i < batch; i++)
			if ((rc = pthread_create(&t[i], &attr, storm_thread, NULL)) != 0)
				die_rc("pthread_create", rc);
		for (i = 0; i < batch; i++)
			if ((rc = pthread_join(t[i], NULL)) != 0)
				die_rc("pthread_join", rc);
		done += batch;
	}
	pthread_attr_destroy(&attr);
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	if (strcmp(cmd, "fork") == 0 && argc == 2)
		return do_fork();
	if (strcmp(cmd, "vfork") == 0 && argc == 2)
		return do_vfork();
	if (strcmp(cmd, "clone") == 0 && argc == 2)
		return do_clone();
	if (strcmp(cmd, "threads") == 0 && argc == 3)
		return do_threads(arg_long(argv[2], 0, 100000, USAGE));
	if (strcmp(cmd, "exec-from-thread") == 0 && argc >= 3)
		return do_exec_from_thread(argv + 2);
	if (strcmp(cmd, "clone-storm") == 0 && argc == 3)
		return do_clone_storm(arg_long(argv[2], 0, LONG_MAX, USAGE));
	usage(USAGE);
}
