/*
 * fd_ops PATH — descriptor traffic for -y, -P and --trace-fds: opens PATH, reads 4 bytes,
 * dup2s it to 10, closes the original, reads from 10 and closes it; fails to open
 * /nonexistent/fd_ops; then a TCP connection over loopback (listen, connect, accept, write,
 * read) and a UNIX socketpair (write, read), each descriptor closed. Exits 0, prints nothing.
 */
#include "tracee.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define USAGE "fd_ops PATH"

int main(int argc, char **argv)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof(addr);
	char buf[4];
	int fd, l, c, a, sv[2];

	if (argc != 2)
		usage(USAGE);
	fd = open(argv[1], O_RDONLY);
	if (fd < 0)
		die("open");
	if (read(fd, buf, 4) < 0 || dup2(fd, 10) != 10 || close(fd) != 0 || read(10, buf, 4) < 0 || close(10) != 0)
		die("file descriptors");
	if (open("/nonexistent/fd_ops", O_RDONLY) >= 0)
		die("open /nonexistent");

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = socket(AF_INET, SOCK_STREAM, 0);
	if (l < 0 || bind(l, (struct sockaddr *)&addr, sizeof(addr)) != 0 || listen(l, 1) != 0 ||
	    getsockname(l, (struct sockaddr *)&addr, &len) != 0)
		die("listen");
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&addr, sizeof(addr)) != 0)
		die("connect");
	a = accept(l, NULL, NULL);
	if (a < 0 || write(c, "x", 1) != 1 || read(a, buf, 1) != 1)
		die("tcp");
	close(a);
	close(c);
	close(l);

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0 || write(sv[0], "y", 1) != 1 || read(sv[1], buf, 1) != 1)
		die("socketpair");
	close(sv[0]);
	close(sv[1]);
	return 0;
}
