/*
 * killer PID DELAY_MS [SIG] — sleeps DELAY_MS milliseconds (0: not at all), then sends SIG
 * (default 9, SIGKILL) to process PID with one kill(2), and exits 0. Exits 1 (message on
 * stderr) if kill fails. Prints nothing else.
 *
 * Tests trace it together with its victim under one tracer: a tracee that kills another tracee
 * of its own tracer, while the tracer may be holding the victim in a stop. The killer never waits
 * for its victim (it is not the victim's parent), so a victim left as a zombie shows up in the
 * test, not as a hang here.
 */
#include "tracee.h"

#include <signal.h>
#include <time.h>

#define USAGE "killer PID DELAY_MS [SIG]"

int main(int argc, char **argv)
{
	long pid, delay, sig = SIGKILL;
	struct timespec ts;

	if (argc != 3 && argc != 4)
		usage(USAGE);
	pid = arg_long(argv[1], 1, INT_MAX, USAGE);
	delay = arg_long(argv[2], 0, 3600 * 1000L, USAGE);
	if (argc == 4)
		sig = arg_long(argv[3], 0, 64, USAGE);
	if (delay > 0) {
		ts.tv_sec = delay / 1000;
		ts.tv_nsec = (delay % 1000) * 1000000L;
		while (nanosleep(&ts, &ts) != 0)
			if (errno != EINTR)
				die("nanosleep");
	}
	if (kill((pid_t)pid, (int)sig) != 0)
		die("kill");
	return 0;
}
