/*
 * zoo ROLE [ARGS] — every tracee role of the ptrace scenarios (dev.jutrace.testing.ptrace), one
 * subcommand each. The scenarios run each role under KernelPtrace and under EnginePtrace and
 * compare transcripts, so a role prints nothing on success and behaves the same whoever traces
 * it; what it observed it leaves in the zoo_* globals below, for the tracer to peek.
 *
 * TRACEME roles call ptrace(PTRACE_TRACEME) and ignore its result: under EnginePtrace the real
 * tracer already holds the process and the call fails with EPERM, while the facade treats the
 * child as having made it.
 *
 * Roles (SIG and CODE are decimal):
 *   pause-loop              for (;;) pause();
 *   pause-once              pause(), then exit 3 if it ever returns
 *   raise-sigstop [pause]   raise(SIGSTOP), then exit 7 (or pause for ever)
 *   threads-stop            two threads in pause(), then raise(SIGSTOP) stops all three
 *   traceme-raise SIG CODE  TRACEME, raise(SIG), _exit(CODE)
 *   traceme-kill SIG CODE   TRACEME, kill(getpid(), SIG), _exit(CODE)
 *   traceme-stop CODE       TRACEME, tkill(gettid(), SIGSTOP), _exit(CODE)
 *   resethand-pause         SA_RESETHAND handler for SIGUSR1 that exits 42; pause for ever
 *   block-raise             TRACEME, block SIGUSR1, raise(SIGSTOP) twice, unblock, exit 42
 *   sigquit-storm           a SIGQUIT handler that raises SIGQUIT again, for ever
 *   traceme-exec            TRACEME, tkill SIGSTOP, exec of this program as "exit 1"
 *   exit CODE               _exit(CODE)
 *   fork-close              TRACEME, block SIGCHLD, raise(SIGUSR1), fork (child _exit(0)),
 *                           close(-23), reap the child, exit 0
 *   clone-thread            TRACEME, tkill SIGSTOP, clone a thread that exits 22, pause
 *   clone-ptrace            TRACEME, tkill SIGSTOP, clone(CLONE_PTRACE|SIGCHLD) a child that
 *                           exits 0, reap it, exit 0
 *   vfork                   TRACEME, raise(SIGUSR1), vfork (child _exit(43)), reap, exit 42
 *   traceme-abort           TRACEME, raise(SIGSTOP), abort()
 *   syscalls                TRACEME, tkill SIGSTOP, getppid() twice, exit 0
 *   alarm-handler           TRACEME, a SIGALRM handler (zoo_on_alarm), raise(SIGALRM), exit 0
 *   jump-target             SIGUSR1 and SIGUSR2 ignored, TRACEME, raise(SIGUSR1), pause;
 *                           zoo_jump_here raises SIGUSR2 and exits 0x23
 *   sigint-handler          TRACEME, a SIGINT handler, raise(SIGINT), exit 0x23
 *   sleep-call SEC          TRACEME, raise(SIGSTOP), nanosleep(SEC) with its result and errno
 *                           in zoo_sleep_ret and zoo_sleep_errno, raise(SIGUSR1), exit 0.
 *                           Inferior calls for the tracer: zoo_inferior_raise sets
 *                           zoo_func_data to 42 and raises SIGUSR2; zoo_inferior_poll polls
 *                           an empty pipe for ever
 *   syscall-23              TRACEME, raise(SIGUSR1), syscall(-23, 1, 2, 3), _exit(errno)
 *   inotify-read            alarm(1), then read() on an inotify descriptor that never fires
 *   siginfo-handlers        SA_SIGINFO handlers for SIGUSR1 and SIGUSR2 that record signo, code,
 *                           pid and value in zoo_seen_*; TRACEME, then three rounds of
 *                           raise(SIGUSR1), raise(SIGSTOP); exit 0
 *   usr1-exit42 [traceme]   a SIGUSR1 handler that exits 42; with traceme, TRACEME and
 *                           raise(SIGSTOP) first; then pause for ever
 *   try-attach PID          PTRACE_ATTACH to PID from this other process: exit 0, or the errno
 *   block-step              TRACEME, tkill SIGSTOP, then a straight run of nops and a jump
 *                           to zoo_block_target; exit 0
 *   alarm0-loop             a SIGUSR2 handler, which tells the tracer the exec is over, then
 *                           for (;;) alarm(0): a task that is always near a syscall
 *   clone-many N            TRACEME, tkill SIGSTOP, N threads cloned with CLONE_PTRACE that exit
 *                           at once, then pause for ever
 *   watch-write             TRACEME, raise(SIGSTOP), store 7 in zoo_func_data, raise(SIGUSR1),
 *                           exit 0
 */
#include "tracee.h"

#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#define USAGE "zoo ROLE [ARGS] (see zoo.c for the roles)"

/* What the tracee observed, for the tracer to read with PTRACE_PEEKDATA. */
volatile long zoo_func_data;
volatile long zoo_sleep_ret;
volatile long zoo_sleep_errno;
volatile long zoo_seen_signo;
volatile long zoo_seen_code;
volatile long zoo_seen_pid;
volatile long zoo_seen_value;
volatile long zoo_handled;

static int poll_pipe[2];
static char clone_stack[64 * 1024] __attribute__((aligned(16)));

static void traceme(void)
{
	/* Ignored on purpose: EPERM under EnginePtrace, whose tracer already holds us. */
	(void)ptrace(PTRACE_TRACEME, 0, 0, 0);
}

/* A thread-directed SIGSTOP with nothing after the syscall but a return. */
static void stop_self(void)
{
	syscall(SYS_tkill, (pid_t)syscall(SYS_gettid), SIGSTOP);
}

static void on_signal(int sig, void (*handler)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) < 0)
		die("sigaction");
}

static void pause_forever(void)
{
	for (;;)
		pause();
}

static int arg_int(int argc, char **argv, int i)
{
	if (i >= argc)
		usage(USAGE);
	return (int)arg_long(argv[i], INT_MIN, INT_MAX, USAGE);
}

/* ---- handlers and inferior-call targets, found by the tracer through the symbol table ---- */

__attribute__((noinline, used)) void zoo_exit42(int sig)
{
	(void)sig;
	_exit(42);
}

__attribute__((noinline, used)) void zoo_requeue_quit(int sig)
{
	raise(sig);
}

__attribute__((noinline, used)) void zoo_on_alarm(int sig)
{
	zoo_handled = sig;
}

__attribute__((noinline, used)) void zoo_on_sigint(int sig)
{
	zoo_handled = sig;
}

__attribute__((noinline, used)) void zoo_jump_here(void)
{
	kill(getpid(), SIGUSR2);
	_exit(0x23);
}

__attribute__((noinline, used)) void zoo_inferior_raise(void)
{
	zoo_func_data = 42;
	raise(SIGUSR2);
	pause_forever();
}

__attribute__((noinline, used)) void zoo_inferior_poll(void)
{
	struct pollfd pfd = { .fd = poll_pipe[0], .events = POLLIN };

	poll(&pfd, 1, -1);
	raise(SIGUSR2);
	pause_forever();
}

__attribute__((noinline, used)) void zoo_record(int sig, siginfo_t *info, void *context)
{
	(void)context;
	zoo_seen_signo = sig;
	zoo_seen_code = info->si_code;
	zoo_seen_pid = info->si_pid;
	zoo_seen_value = info->si_value.sival_int;
	zoo_handled++;
}

static int thread_exit22(void *arg)
{
	(void)arg;
	syscall(SYS_exit, 22);
	return 0;
}

static int child_exit0(void *arg)
{
	(void)arg;
	_exit(0);
}

static char many_stacks[16][16 * 1024] __attribute__((aligned(16)));

static int thread_exit0(void *arg)
{
	(void)arg;
	syscall(SYS_exit, 0);
	return 0;
}

static void clone_many(int n)
{
	if (n < 1 || n > 16)
		usage(USAGE);
	traceme();
	stop_self();
	for (int i = 0; i < n; i++) {
		if (clone(thread_exit0, many_stacks[i] + sizeof many_stacks[i],
			  CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			  CLONE_SYSVSEM | CLONE_PTRACE, NULL) < 0)
			die("clone");
	}
	pause_forever();
}

static void *thread_pause(void *arg)
{
	(void)arg;
	pause_forever();
	return NULL;
}

/* ---- roles ---- */

static void threads_stop(void)
{
	pthread_t t;

	for (int i = 0; i < 2; i++) {
		int rc = pthread_create(&t, NULL, thread_pause, NULL);
		if (rc)
			die_rc("pthread_create", rc);
	}
	raise(SIGSTOP);
	pause_forever();
}

static void block_raise(void)
{
	sigset_t usr1;

	traceme();
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	raise(SIGSTOP);
	raise(SIGSTOP);
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	_exit(42);
}

static void traceme_exec(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);

	if (n < 0)
		die("readlink");
	self[n] = 0;
	traceme();
	stop_self();
	execl(self, "zoo", "exit", "1", (char *)NULL);
	die("execl");
}

static void fork_close(void)
{
	sigset_t chld;
	pid_t pid;

	traceme();
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	raise(SIGUSR1);
	pid = fork();
	if (pid == 0)
		_exit(0);
	close(-23);
	waitpid(pid, NULL, 0);
	_exit(0);
}

static void clone_thread(void)
{
	traceme();
	stop_self();
	if (clone(thread_exit22, clone_stack + sizeof clone_stack,
		  CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM,
		  NULL) < 0)
		die("clone");
	pause_forever();
}

static void clone_ptrace(void)
{
	pid_t pid;

	traceme();
	stop_self();
	pid = clone(child_exit0, clone_stack + sizeof clone_stack, CLONE_PTRACE | SIGCHLD, NULL);
	if (pid < 0)
		die("clone");
	waitpid(pid, NULL, __WALL);
	_exit(0);
}

static void vfork_role(void)
{
	pid_t pid;

	traceme();
	raise(SIGUSR1);
	pid = vfork();
	if (pid == 0)
		_exit(43);
	waitpid(pid, NULL, 0);
	_exit(42);
}

static void sleep_call(int seconds)
{
	struct timespec ts = { .tv_sec = seconds }, rem;

	if (pipe(poll_pipe) < 0)
		die("pipe");
	traceme();
	raise(SIGSTOP);
	errno = 0;
	zoo_sleep_ret = nanosleep(&ts, &rem);
	zoo_sleep_errno = errno;
	raise(SIGUSR1);
	_exit(0);
}

static void syscall_23(void)
{
	long rc;

	traceme();
	raise(SIGUSR1);
	errno = 0;
	rc = syscall(-23, 1, 2, 3);
	_exit(rc < 0 ? errno : 0);
}

static void inotify_read(void)
{
	char buf[4096];
	int fd = inotify_init();

	if (fd < 0)
		die("inotify_init");
	if (inotify_add_watch(fd, "/", IN_DELETE_SELF) < 0)
		die("inotify_add_watch");
	alarm(1);
	if (read(fd, buf, sizeof buf) < 0)
		_exit(errno == EINTR ? 4 : 1);
	_exit(1);
}

static void siginfo_handlers(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = zoo_record;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL) < 0 || sigaction(SIGUSR2, &sa, NULL) < 0)
		die("sigaction");
	traceme();
	for (int i = 0; i < 3; i++) {
		raise(SIGUSR1);
		raise(SIGSTOP);
	}
	_exit(0);
}

static void try_attach(pid_t pid)
{
	if (ptrace(PTRACE_ATTACH, pid, 0, 0) < 0)
		_exit(errno);
	_exit(0);
}

__attribute__((noinline, used)) void zoo_block_step(void)
{
	__asm__ volatile("nop\n\tnop\n\tnop\n\tnop\n\t"
			 "jmp zoo_block_target\n\t"
			 "nop\n\tnop\n"
			 ".globl zoo_block_target\n"
			 "zoo_block_target:\n\t"
			 "nop\n\t");
}

int main(int argc, char **argv)
{
	const struct rlimit no_core = { 0, 0 };
	const char *role;

	if (argc < 2)
		usage(USAGE);
	role = argv[1];
	/* A core dump would set 0x80 in a death status, and its cost varies with the machine. */
	setrlimit(RLIMIT_CORE, &no_core);

	if (!strcmp(role, "pause-loop"))
		pause_forever();
	if (!strcmp(role, "pause-once")) {
		pause();
		_exit(3);
	}
	if (!strcmp(role, "raise-sigstop")) {
		raise(SIGSTOP);
		if (argc > 2 && !strcmp(argv[2], "pause"))
			pause_forever();
		_exit(7);
	}
	if (!strcmp(role, "threads-stop"))
		threads_stop();
	if (!strcmp(role, "traceme-raise")) {
		int sig = arg_int(argc, argv, 2), code = arg_int(argc, argv, 3);
		traceme();
		raise(sig);
		_exit(code);
	}
	if (!strcmp(role, "traceme-kill")) {
		int sig = arg_int(argc, argv, 2), code = arg_int(argc, argv, 3);
		traceme();
		kill(getpid(), sig);
		_exit(code);
	}
	if (!strcmp(role, "traceme-stop")) {
		int code = arg_int(argc, argv, 2);
		traceme();
		stop_self();
		_exit(code);
	}
	if (!strcmp(role, "resethand-pause")) {
		on_signal(SIGUSR1, zoo_exit42, SA_RESETHAND);
		pause_forever();
	}
	if (!strcmp(role, "block-raise"))
		block_raise();
	if (!strcmp(role, "sigquit-storm")) {
		on_signal(SIGQUIT, zoo_requeue_quit, 0);
		raise(SIGQUIT);
		pause_forever();
	}
	if (!strcmp(role, "traceme-exec"))
		traceme_exec();
	if (!strcmp(role, "exit"))
		_exit(arg_int(argc, argv, 2));
	if (!strcmp(role, "fork-close"))
		fork_close();
	if (!strcmp(role, "clone-thread"))
		clone_thread();
	if (!strcmp(role, "clone-ptrace"))
		clone_ptrace();
	if (!strcmp(role, "vfork"))
		vfork_role();
	if (!strcmp(role, "traceme-abort")) {
		traceme();
		raise(SIGSTOP);
		abort();
	}
	if (!strcmp(role, "syscalls")) {
		traceme();
		stop_self();
		syscall(SYS_getppid);
		syscall(SYS_getppid);
		_exit(0);
	}
	if (!strcmp(role, "alarm-handler")) {
		on_signal(SIGALRM, zoo_on_alarm, 0);
		traceme();
		raise(SIGALRM);
		_exit(0);
	}
	if (!strcmp(role, "jump-target")) {
		on_signal(SIGUSR1, SIG_IGN, 0);
		on_signal(SIGUSR2, SIG_IGN, 0);
		traceme();
		raise(SIGUSR1);
		pause_forever();
	}
	if (!strcmp(role, "sigint-handler")) {
		on_signal(SIGINT, zoo_on_sigint, 0);
		traceme();
		raise(SIGINT);
		_exit(0x23);
	}
	if (!strcmp(role, "sleep-call"))
		sleep_call(arg_int(argc, argv, 2));
	if (!strcmp(role, "syscall-23"))
		syscall_23();
	if (!strcmp(role, "inotify-read"))
		inotify_read();
	if (!strcmp(role, "siginfo-handlers"))
		siginfo_handlers();
	if (!strcmp(role, "usr1-exit42")) {
		on_signal(SIGUSR1, zoo_exit42, 0);
		if (argc > 2 && !strcmp(argv[2], "traceme")) {
			traceme();
			raise(SIGSTOP);
		}
		pause_forever();
	}
	if (!strcmp(role, "try-attach"))
		try_attach(arg_int(argc, argv, 2));
	if (!strcmp(role, "alarm0-loop")) {
		on_signal(SIGUSR2, zoo_on_alarm, 0);
		for (;;)
			alarm(0);
	}
	if (!strcmp(role, "clone-many"))
		clone_many(arg_int(argc, argv, 2));
	if (!strcmp(role, "watch-write")) {
		traceme();
		raise(SIGSTOP);
		zoo_func_data = 7;
		raise(SIGUSR1);
		_exit(0);
	}
	if (!strcmp(role, "block-step")) {
		traceme();
		stop_self();
		zoo_block_step();
		_exit(0);
	}
	usage(USAGE);
}
