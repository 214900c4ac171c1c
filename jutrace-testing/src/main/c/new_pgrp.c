/*
 * new_pgrp CMD [ARGS] — runs CMD in a process group of its own.
 *
 * Job-control tests need it: the kernel discards SIGTSTP sent to a process group that is
 * orphaned (no member has a parent in another group of the session), which is what a test run's
 * group is when it was started as a background job or by a daemon. A new group whose parent
 * stays behind in the old one is not orphaned.
 */
#include "tracee.h"

int main(int argc, char **argv)
{
	if (argc < 2)
		usage("new_pgrp CMD [ARGS]");
	if (setpgid(0, 0) != 0) {
		perror("setpgid");
		return 127;
	}
	execvp(argv[1], argv + 1);
	perror(argv[1]);
	return 127;
}
