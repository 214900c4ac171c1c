/*
 * Golden test of the file and descriptor decoders: each call, then the line the trace must show.
 * Traced with -e trace=GoldenFilesTest's set; the program runs in a directory of its own.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>
#include <linux/close_range.h>

#include "golden.h"

int main(void)
{
	char dir[64], file[96], link_path[96], sub[96], moved[96], buf[256];
	snprintf(dir, sizeof dir, "/tmp/jutrace-golden-%d", getpid());
	snprintf(file, sizeof file, "%s/f.txt", dir);
	snprintf(link_path, sizeof link_path, "%s/l", dir);
	snprintf(sub, sizeof sub, "%s/d", dir);
	snprintf(moved, sizeof moved, "%s/d2", dir);

	syscall(SYS_mkdir, dir, 0700);
	expect("mkdir(\"%s\", 0700) = 0", dir);
	syscall(SYS_chdir, dir);
	expect("chdir(\"%s\") = 0", dir);
	long n = syscall(SYS_getcwd, buf, sizeof buf);
	expect("getcwd(\"%s\", 256) = %ld", dir, n);
	syscall(SYS_getcwd, buf, 2);
	expect("getcwd(%p, 2) = -1 ERANGE (Numerical result out of range)", buf);

	int fd = open(file, O_RDWR | O_CREAT | O_TRUNC, 0644);
	syscall(SYS_fcntl, fd, F_GETFD);
	expect("fcntl(%d, F_GETFD) = 0", fd);
	syscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
	expect("fcntl(%d, F_SETFD, FD_CLOEXEC) = 0", fd);
	syscall(SYS_fcntl, fd, F_GETFD);
	expect("fcntl(%d, F_GETFD) = 0x1 (flags FD_CLOEXEC)", fd);
	syscall(SYS_fcntl, fd, F_GETFL);
	expect("fcntl(%d, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)", fd);
	syscall(SYS_fcntl, fd, F_SETFL, O_APPEND | O_NONBLOCK);
	expect("fcntl(%d, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = 0", fd);
	long dup = syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 20);
	expect("fcntl(%d, F_DUPFD_CLOEXEC, 20) = %ld", fd, dup);
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 100};
	syscall(SYS_fcntl, fd, F_SETLK, &fl);
	expect("fcntl(%d, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100}) = 0", fd);
	syscall(SYS_fcntl, fd, F_GETLK, &fl);
	expect("fcntl(%d, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=100, l_pid=0}) = 0", fd);
	syscall(SYS_fcntl, fd, F_SETSIG, SIGUSR2);
	expect("fcntl(%d, F_SETSIG, SIGUSR2) = 0", fd);
	syscall(SYS_fcntl, fd, F_GETSIG);
	expect("fcntl(%d, F_GETSIG) = 12 (SIGUSR2)", fd);
	syscall(SYS_fcntl, fd, 9999, 5);
	expect("fcntl(%d, 0x270f /* F_??? */, 0x5) = -1 EINVAL (Invalid argument)", fd);
	syscall(SYS_fcntl, -1, F_GETFL);
	expect("fcntl(-1, F_GETFL) = -1 EBADF (Bad file descriptor)");

	struct iovec out[2] = {{"hello ", 6}, {"world\n", 6}};
	syscall(SYS_writev, fd, out, 2);
	expect("writev(%d, [{iov_base=\"hello \", iov_len=6}, {iov_base=\"world\\n\", iov_len=6}], 2) = 12", fd);
	char a[4], b[16];
	struct iovec in[2] = {{a, sizeof a}, {b, sizeof b}};
	syscall(SYS_preadv, fd, in, 2, 0, 0);
	expect("preadv(%d, [{iov_base=\"hell\", iov_len=4}, {iov_base=\"o world\\n\", iov_len=16}], 2, 0) = 12", fd);
	syscall(SYS_ftruncate, fd, 5);
	expect("ftruncate(%d, 5) = 0", fd);
	syscall(SYS_truncate, file, 100);
	expect("truncate(\"%s\", 100) = 0", file);
	syscall(SYS_fsync, fd);
	expect("fsync(%d) = 0", fd);
	syscall(SYS_fdatasync, fd);
	expect("fdatasync(%d) = 0", fd);
	syscall(SYS_flock, fd, LOCK_EX | LOCK_NB);
	expect("flock(%d, LOCK_EX|LOCK_NB) = 0", fd);
	syscall(SYS_flock, fd, LOCK_UN);
	expect("flock(%d, LOCK_UN) = 0", fd);
	syscall(SYS_fchmod, fd, 0600);
	expect("fchmod(%d, 0600) = 0", fd);
	syscall(SYS_chmod, file, 04755);
	expect("chmod(\"%s\", 04755) = 0", file);
	syscall(SYS_fchmodat, AT_FDCWD, "f.txt", 0644);
	expect("fchmodat(AT_FDCWD, \"f.txt\", 0644) = 0");
	syscall(SYS_fchown, fd, -1, -1);
	expect("fchown(%d, -1, -1) = 0", fd);

	syscall(SYS_symlink, "f.txt", link_path);
	expect("symlink(\"f.txt\", \"%s\") = 0", link_path);
	n = syscall(SYS_readlink, link_path, buf, sizeof buf);
	expect("readlink(\"%s\", \"f.txt\", 256) = %ld", link_path, n);
	syscall(SYS_readlinkat, AT_FDCWD, "l", buf, 3);
	expect("readlinkat(AT_FDCWD, \"l\", \"f.t\", 3) = 3");
	syscall(SYS_readlink, "missing", buf, sizeof buf);
	expect("readlink(\"missing\", %p, 256) = -1 ENOENT (No such file or directory)", buf);
	syscall(SYS_unlink, link_path);
	expect("unlink(\"%s\") = 0", link_path);
	syscall(SYS_link, "f.txt", "g.txt");
	expect("link(\"f.txt\", \"g.txt\") = 0");
	syscall(SYS_unlinkat, AT_FDCWD, "g.txt", 0);
	expect("unlinkat(AT_FDCWD, \"g.txt\", 0) = 0");

	syscall(SYS_mkdirat, AT_FDCWD, "d", 0755);
	expect("mkdirat(AT_FDCWD, \"d\", 0755) = 0");
	syscall(SYS_rename, sub, moved);
	expect("rename(\"%s\", \"%s\") = 0", sub, moved);
	syscall(SYS_renameat2, AT_FDCWD, "d2", AT_FDCWD, "f.txt", RENAME_NOREPLACE);
	expect("renameat2(AT_FDCWD, \"d2\", AT_FDCWD, \"f.txt\", RENAME_NOREPLACE) = -1 EEXIST (File exists)");
	syscall(SYS_rmdir, moved);
	expect("rmdir(\"%s\") = 0", moved);

	int dfd = open(".", O_RDONLY | O_DIRECTORY);
	n = syscall(SYS_getdents64, dfd, buf, sizeof buf);
	expect("getdents64(%d, %p /* 3 entries */, 256) = %ld", dfd, buf, n);
	n = syscall(SYS_getdents64, dfd, buf, sizeof buf);
	expect("getdents64(%d, %p /* 0 entries */, 256) = 0", dfd, buf);
	syscall(SYS_fchdir, dfd);
	expect("fchdir(%d) = 0", dfd);

	int p[2];
	syscall(SYS_pipe2, p, O_CLOEXEC | O_NONBLOCK);
	expect("pipe2([%d, %d], O_NONBLOCK|O_CLOEXEC) = 0", p[0], p[1]);
	int queued;
	syscall(SYS_ioctl, p[0], FIONREAD, &queued);
	expect("ioctl(%d, FIONREAD, [0]) = 0", p[0]);
	syscall(SYS_ioctl, p[0], FIOCLEX);
	expect("ioctl(%d, FIOCLEX) = 0", p[0]);
	struct termios tio;
	syscall(SYS_ioctl, p[0], TCGETS, &tio);
	expect("ioctl(%d, TCGETS, %p) = -1 ENOTTY (Inappropriate ioctl for device)", p[0], (void *) &tio);
	syscall(SYS_ioctl, p[0], _IOC(_IOC_READ, 0x99, 0x12, 0x10), 0x1234);
	expect("ioctl(%d, _IOC(_IOC_READ, 0x99, 0x12, 0x10), 0x1234) = -1 ENOTTY (Inappropriate ioctl for device)", p[0]);
	syscall(SYS_fcntl, p[0], F_GETPIPE_SZ);
	expect("fcntl(%d, F_GETPIPE_SZ) = 65536", p[0]);
	long m = syscall(SYS_memfd_create, "golden", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	expect("memfd_create(\"golden\", MFD_CLOEXEC|MFD_ALLOW_SEALING) = %ld", m);
	syscall(SYS_close_range, 100, ~0U, CLOSE_RANGE_CLOEXEC);
	expect("close_range(100, 4294967295, CLOSE_RANGE_CLOEXEC) = 0");

	syscall(SYS_unlink, file);
	expect("unlink(\"%s\") = 0", file);
	syscall(SYS_rmdir, dir);
	expect("rmdir(\"%s\") = 0", dir);
	return golden_done();
}
