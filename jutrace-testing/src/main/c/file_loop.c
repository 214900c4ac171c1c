/*
 * file_loop N — N times: openat("/etc/passwd"), fstat, read up to 4096 bytes, close. Exits 0 and
 * prints nothing.
 *
 * A benchmark workload whose system calls carry a path, a struct and a buffer, so a tracer that
 * decodes arguments pays for reading tracee memory. Tests rely on the four calls repeating in
 * this order N times (fstat may appear as newfstatat or fstat, depending on the C library).
 */
#include "tracee.h"

#include <fcntl.h>
#include <sys/stat.h>

#define USAGE "file_loop N"

int main(int argc, char **argv)
{
	static char buf[4096];
	struct stat st;
	long n, i;
	int fd;

	if (argc != 2)
		usage(USAGE);
	n = arg_long(argv[1], 0, LONG_MAX, USAGE);
	for (i = 0; i < n; i++) {
		fd = openat(AT_FDCWD, "/etc/passwd", O_RDONLY);
		if (fd < 0)
			die("openat /etc/passwd");
		if (fstat(fd, &st) != 0)
			die("fstat");
		if (read(fd, buf, sizeof buf) < 0)
			die("read");
		if (close(fd) != 0)
			die("close");
	}
	return 0;
}
