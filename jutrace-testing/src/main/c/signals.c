/*
 * signals SUBCOMMAND [ARGS] — signal and syscall situations for the conformance cases.
 *
 *   write-file PATH   opens PATH for writing (truncating it), then makes one write(2) of "x".
 *                     A case holds the thread at that write's entry and SIGKILLs it: PATH must
 *                     stay empty, because a call stopped at entry never runs.
 *   handle SIG        installs a handler for SIG that writes "handled N\n" (N the signal number,
 *                     as delivered) to fd 2, raises SIG at itself, and exits 0. Exits 3 if the
 *                     handler did not run.
 */
#include "tracee.h"

#include <fcntl.h>
#include <signal.h>

#define USAGE "signals write-file PATH | handle SIG"

static volatile sig_atomic_t handled;

static void on_signal(int sig)
{
	char line[32];
	int n = snprintf(line, sizeof line, "handled %d\n", sig);

	handled = sig;
	if (write(2, line, n) < 0)
		_exit(1);
}

int main(int argc, char **argv)
{
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
