/*
 * Golden test of the socket decoders: each call, then the line the trace must show. Only
 * loopback and unix sockets; ports and descriptors come from the calls themselves. Traced with
 * -e trace=GoldenNetTest's set.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include "golden.h"

#define LOOPBACK "inet_addr(\"127.0.0.1\")"

int main(void)
{
	int sv[2];
	syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	expect("socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [%d, %d]) = 0", sv[0], sv[1]);
	syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, (void *) 1);
	expect("socketpair(AF_UNIX, SOCK_STREAM, 0, 0x1) = -1 EFAULT (Bad address)");

	int ls = syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	expect("socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = %d", ls);
	int one = 1;
	syscall(SYS_setsockopt, ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	expect("setsockopt(%d, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0", ls);
	struct sockaddr_in in = {.sin_family = AF_INET};
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	syscall(SYS_bind, ls, &in, sizeof in);
	expect("bind(%d, {sa_family=AF_INET, sin_port=htons(0), sin_addr=" LOOPBACK "}, 16) = 0", ls);
	syscall(SYS_listen, ls, 5);
	expect("listen(%d, 5) = 0", ls);
	socklen_t len = sizeof(struct sockaddr_storage);
	struct sockaddr_storage ss;
	syscall(SYS_getsockname, ls, &ss, &len);
	memcpy(&in, &ss, sizeof in);
	int port = ntohs(in.sin_port);
	expect("getsockname(%d, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=" LOOPBACK "}, [128 => 16]) = 0", ls, port);

	int c = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
	expect("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = %d", c);
	syscall(SYS_connect, c, &in, sizeof in);
	expect("connect(%d, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=" LOOPBACK "}, 16) = 0", c, port);
	syscall(SYS_connect, c, (void *) 1, sizeof in);
	expect("connect(%d, 0x1, 16) = -1 EFAULT (Bad address)", c);
	len = sizeof ss;
	syscall(SYS_getsockname, c, &ss, &len);
	int client_port = ntohs(((struct sockaddr_in *) &ss)->sin_port);
	expect("getsockname(%d, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=" LOOPBACK "}, [128 => 16]) = 0", c, client_port);
	len = sizeof ss;
	int a = syscall(SYS_accept4, ls, &ss, &len, SOCK_CLOEXEC);
	expect("accept4(%d, {sa_family=AF_INET, sin_port=htons(%d), sin_addr=" LOOPBACK "}, [128 => 16], SOCK_CLOEXEC) = %d",
	       ls, client_port, a);

	syscall(SYS_sendto, c, "hello", 5, MSG_NOSIGNAL, NULL, 0);
	expect("sendto(%d, \"hello\", 5, MSG_NOSIGNAL, NULL, 0) = 5", c);
	char buf[64];
	syscall(SYS_recvfrom, a, buf, sizeof buf, 0, NULL, NULL);
	expect("recvfrom(%d, \"hello\", 64, 0, NULL, NULL) = 5", a);
	len = sizeof ss;
	syscall(SYS_recvfrom, a, buf, sizeof buf, MSG_DONTWAIT, &ss, &len);
	expect("recvfrom(%d, %p, 64, MSG_DONTWAIT, %p, [128]) = -1 EAGAIN (Resource temporarily unavailable)", a, buf, &ss);
	int type;
	socklen_t type_len = sizeof type;
	syscall(SYS_getsockopt, a, SOL_SOCKET, SO_TYPE, &type, &type_len);
	expect("getsockopt(%d, SOL_SOCKET, SO_TYPE, [1], [4]) = 0", a);
	syscall(SYS_shutdown, c, SHUT_WR);
	expect("shutdown(%d, SHUT_WR) = 0", c);

	/* A descriptor passed over a unix datagram pair. */
	int dg[2];
	syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, dg);
	expect("socketpair(AF_UNIX, SOCK_DGRAM, 0, [%d, %d]) = 0", dg[0], dg[1]);
	struct iovec iov = {"abc", 3};
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} control;
	memset(&control, 0, sizeof control);
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf, .msg_controllen = sizeof control.buf};
	struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
	cmsg->cmsg_level = SOL_SOCKET;
	cmsg->cmsg_type = SCM_RIGHTS;
	cmsg->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cmsg), &sv[0], sizeof(int));
	syscall(SYS_sendmsg, dg[0], &msg, 0);
	expect("sendmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"abc\", iov_len=3}], msg_iovlen=1, msg_control=[{cmsg_len=20,"
	       " cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[%d]}], msg_controllen=24, msg_flags=0}, 0) = 3", dg[0], sv[0]);
	char in_buf[8];
	struct iovec in_iov = {in_buf, sizeof in_buf};
	memset(&control, 0, sizeof control);
	struct msghdr in_msg = {.msg_iov = &in_iov, .msg_iovlen = 1, .msg_control = control.buf, .msg_controllen = sizeof control.buf};
	syscall(SYS_recvmsg, dg[1], &in_msg, MSG_CMSG_CLOEXEC);
	int passed;
	memcpy(&passed, CMSG_DATA(CMSG_FIRSTHDR(&in_msg)), sizeof passed);
	expect("recvmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"abc\", iov_len=8}], msg_iovlen=1, msg_control=[{cmsg_len=20,"
	       " cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[%d]}], msg_controllen=24, msg_flags=MSG_CMSG_CLOEXEC},"
	       " MSG_CMSG_CLOEXEC) = 3", dg[1], passed);
	syscall(SYS_recvmsg, dg[1], &in_msg, MSG_DONTWAIT);
	expect("recvmsg(%d, {msg_namelen=0}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)", dg[1]);

	struct mmsghdr mm[2];
	memset(mm, 0, sizeof mm);
	struct iovec parts[2] = {{"one", 3}, {"three", 5}};
	mm[0].msg_hdr.msg_iov = &parts[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &parts[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	syscall(SYS_sendmmsg, dg[0], mm, 2, 0);
	expect("sendmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", iov_len=3}], msg_iovlen=1,"
	       " msg_controllen=0, msg_flags=0}, msg_len=3}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"three\","
	       " iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}], 2, 0) = 2", dg[0]);

	/* An abstract unix name, unique to this run. */
	int u = syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
	expect("socket(AF_UNIX, SOCK_STREAM, 0) = %d", u);
	struct sockaddr_un un = {.sun_family = AF_UNIX};
	int name_len = snprintf(un.sun_path + 1, sizeof un.sun_path - 1, "jutrace-golden-%d", getpid());
	syscall(SYS_bind, u, &un, offsetof(struct sockaddr_un, sun_path) + 1 + name_len);
	expect("bind(%d, {sa_family=AF_UNIX, sun_path=@\"%s\"}, %d) = 0", u, un.sun_path + 1, (int) (3 + name_len));
	return golden_done();
}
