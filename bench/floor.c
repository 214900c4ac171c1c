/*
 * floor -f -o /dev/null CMD [ARGS] — the least a ptrace-based tracer can do: follow every
 * thread and process of CMD through PTRACE_SYSCALL, read PTRACE_GET_SYSCALL_INFO at each stop as
 * a real tracer must, and print nothing. The bench reports its time beside jutrace's and
 * strace's: how far each is from what ptrace itself costs.
 *
 * "-f -o FILE" is accepted and ignored so that the bench can run it like the other tracers.
 * Exits with CMD's status.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#define OPTIONS (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | \
		 PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL)

int main(int argc, char **argv)
{
	int i = 1, status, code = 0;
	pid_t child, pid;
	struct __ptrace_syscall_info info;

	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "-o") == 0)
			i++;
		i++;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: floor [-f] [-o FILE] CMD [ARGS]\n");
		return 2;
	}
	child = fork();
	if (child < 0) {
		perror("fork");
		return 1;
	}
	if (child == 0) {
		raise(SIGSTOP);
		execvp(argv[i], argv + i);
		_exit(127);
	}
	if (ptrace(PTRACE_SEIZE, child, 0, OPTIONS) < 0) {
		perror("PTRACE_SEIZE");
		return 1;
	}
	for (;;) {
		int sig = 0;

		pid = waitpid(-1, &status, __WALL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break; /* ECHILD: everything has ended */
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (pid == child)
				code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
			continue;
		}
		if (WSTOPSIG(status) == (SIGTRAP | 0x80)) {
			ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof info, &info);
		} else if (status >> 16 == 0 && WSTOPSIG(status) != SIGTRAP) {
			sig = WSTOPSIG(status);
			/* The child's own SIGSTOP and group stops are ours to swallow; the rest are delivered. */
			if (sig == SIGSTOP)
				sig = 0;
		} else if (status >> 16 == PTRACE_EVENT_STOP) {
			sig = 0;
		}
		ptrace(PTRACE_SYSCALL, pid, 0, sig);
	}
	return code;
}
