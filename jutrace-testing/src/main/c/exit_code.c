/*
 * exit_code N    — exits with status N (0..255).
 * exit_code -SIG — kills itself with signal SIG (1..64) under its default disposition.
 *
 * Tests rely on: the tracer reporting "+++ exited with N +++", or "+++ killed by SIG +++", and
 * passing the same wait status on to its own caller. For -SIG the program first resets SIG to
 * SIG_DFL and unblocks it (both may be inherited across exec), sets RLIMIT_CORE to 0 so that no
 * core file is left behind, and then sends the signal with kill(getpid(), SIG). Whether the kernel
 * still reports "core dumped" depends on /proc/sys/kernel/core_pattern (a pipe ignores the
 * limit), so a test must not rely on that flag.
 *
 * If the signal does not end the process (its default action is to ignore it, like SIGCHLD, or to
 * stop, and the process is later continued), it prints "exit_code: survived signal SIG" on stderr
 * and exits 1.
 */
#include "tracee.h"

#include <signal.h>
#include <sys/resource.h>

#define USAGE "exit_code N | exit_code -SIG"

static void kill_self(int sig)
{
	struct sigaction sa = { .sa_handler = SIG_DFL };
	struct rlimit no_core = { 0, 0 };
	sigset_t set;

	sigemptyset(&sa.sa_mask);
	/* SIGKILL and SIGSTOP cannot be changed; for them sigaction fails, harmlessly. */
	sigaction(sig, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	if (sigprocmask(SIG_UNBLOCK, &set, NULL) != 0)
		die("sigprocmask");
	if (setrlimit(RLIMIT_CORE, &no_core) != 0)
		die("setrlimit");
	if (kill(getpid(), sig) != 0)
		die("kill");
	fprintf(stderr, "exit_code: survived signal %d\n", sig);
	exit(1);
}

int main(int argc, char **argv)
{
	long v;

	if (argc != 2)
		usage(USAGE);
	v = arg_long(argv[1], -64, 255, USAGE);
	if (argv[1][0] == '-') {
		if (v == 0)
			usage(USAGE);
		kill_self((int)-v);
	}
	return (int)v;
}
