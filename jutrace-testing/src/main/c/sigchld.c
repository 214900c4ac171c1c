/*
 * sigchld — forks a child that exits 0, waits for it, exits 0. Prints nothing.
 *
 * Tests rely on the trace showing exactly one "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED,
 * si_pid=CHILD, ..., si_status=0, ...} ---" in the parent, at a fixed place: the parent resets
 * SIGCHLD to SIG_DFL (an inherited SIG_IGN would have the kernel reap the child and send nothing)
 * and blocks it before forking, reaps the child with wait4, and only then unblocks it. The signal
 * is therefore reported right after the rt_sigprocmask(SIG_UNBLOCK, [CHLD]) that unblocks it,
 * never racing with wait4. Untraced, SIG_DFL discards the signal; traced, the kernel still
 * reports it (signal-delivery-stop) so that the tracer sees it.
 */
#include "tracee.h"

#include <signal.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = SIG_DFL };
	sigset_t chld;
	pid_t pid;
	int status;

	(void)argv;
	if (argc != 1)
		usage("sigchld");
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGCHLD, &sa, NULL) != 0)
		die("sigaction");
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &chld, NULL) != 0)
		die("sigprocmask");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0)
		_exit(0);
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "sigchld: child wait status 0x%x\n", status);
		return 1;
	}
	if (sigprocmask(SIG_UNBLOCK, &chld, NULL) != 0)
		die("sigprocmask");
	return 0;
}
