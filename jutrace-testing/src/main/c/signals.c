/*
 * signals SUBCOMMAND [ARGS] — signal and syscall situations for the conformance cases.
 *
 *   write-file PATH   opens PATH for writing (truncating it), then makes one write(2) of "x".
 *                     A case holds the thread at that write's entry and SIGKILLs it: PATH must
 *                     stay empty, because a call stopped at entry never runs.
 *   handle SIG        installs a handler for SIG that writes "handled N\n" (N the signal number,
 *                     as delivered) to fd 2, raises SIG at itself, and exits 0. Exits 3 if the
 *                     handler did not run.
 *   rewrite           SA_SIGINFO handlers for SIGUSR1 and SIGUSR2, then raise(SIGUSR1). Exits
 *                     with the number of the signal whose handler ran, plus 100 when the handler
 *                     saw si_code SI_TKILL (raise's own siginfo, kept through a rewrite). Exits 3
 *                     if no handler ran.
 */
#include "tracee.h"

#include <fcntl.h>
#include <signal.h>

#define USAGE "signals write-file PATH | handle SIG | rewrite"

static volatile sig_atomic_t handled;

static void on_signal(int sig)
{
	char line[32];
	int n = snprintf(line, sizeof line, "handled %d\n", sig);

	handled = sig;
	if (write(2, line, n) < 0)
		_exit(1);
}

static volatile sig_atomic_t seen_code;

static void on_info(int sig, siginfo_t *info, void *context)
{
	(void)context;
	handled = sig;
	seen_code = info->si_code;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "rewrite") == 0) {
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_info;
		sa.sa_flags = SA_SIGINFO;
		if (sigaction(SIGUSR1, &sa, NULL) < 0 || sigaction(SIGUSR2, &sa, NULL) < 0)
			die("sigaction");
		raise(SIGUSR1);
		if (!handled)
			return 3;
		return handled + (seen_code == SI_TKILL ? 100 : 0);
	}
	if (argc == 3 && strcmp(argv[1], "write-file") == 0) {
		int fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (fd < 0)
			die("open");
		if (write(fd, "x", 1) != 1)
			die("write");
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "handle") == 0) {
		int sig = (int)arg_long(argv[2], 1, 64, USAGE);
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		if (sigaction(sig, &sa, NULL) < 0)
			die("sigaction");
		raise(sig);
		return handled ? 0 : 3;
	}
	usage(USAGE);
}
