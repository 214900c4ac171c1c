/*
 * Calls whose arguments exercise strace's -x, -xx and -X: strings with and without bytes outside
 * printable ASCII, flags, values that tables name and values they do not. Every call fails or
 * changes nothing, so two runs print the same lines. Exits 0, prints nothing.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	syscall(SYS_openat, AT_FDCWD, "/nonexistent/\001x", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	syscall(SYS_openat, AT_FDCWD, "/nonexistent/x", O_RDONLY);
	syscall(SYS_write, -1, "abc\001\002\n", 6);
	syscall(SYS_write, -1, "hello\n", 6);
	syscall(SYS_write, -1, "\377\376", 2);
	syscall(SYS_lseek, -1, 0, SEEK_END);
	syscall(SYS_lseek, -1, 0, 7);
	syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC | 0x100, 0);
	syscall(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (2 << MAP_HUGE_SHIFT), -1, 0);
	syscall(SYS_access, "/nonexistent", F_OK);
	syscall(SYS_fcntl, -1, F_SETFD, FD_CLOEXEC);
	return 0;
}
