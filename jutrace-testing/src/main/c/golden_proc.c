/*
 * Golden test of the process, signal and memory decoders: each call, then the line the trace
 * must show. Values the kernel returns (ids, limits, names) are printed from what it returned.
 */
#define _GNU_SOURCE
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "golden.h"

int main(void)
{
	long pid = syscall(SYS_getpid), tid = syscall(SYS_gettid);
	expect("getpid() = %ld", pid);
	expect("gettid() = %ld", tid);
	long ppid = syscall(SYS_getppid);
	expect("getppid() = %ld", ppid);
	long uid = syscall(SYS_getuid);
	expect("getuid() = %ld", uid);
	syscall(SYS_setuid, uid);
	expect("setuid(%ld) = 0", uid);
	syscall(SYS_setresuid, -1, -1, -1);
	expect("setresuid(-1, -1, -1) = 0");
	uid_t r, e, s;
	syscall(SYS_getresuid, &r, &e, &s);
	expect("getresuid([%u], [%u], [%u]) = 0", r, e, s);
	long groups = syscall(SYS_getgroups, 0, NULL);
	expect("getgroups(0, NULL) = %ld", groups);

	struct rlimit rl;
	syscall(SYS_getrlimit, RLIMIT_NOFILE, &rl);
	expect("getrlimit(RLIMIT_NOFILE, {rlim_cur=%lu, rlim_max=%lu}) = 0", (unsigned long) rl.rlim_cur,
	       (unsigned long) rl.rlim_max);
	syscall(SYS_getrlimit, 99, &rl);
	expect("getrlimit(0x63 /* RLIMIT_??? */, %p) = -1 EINVAL (Invalid argument)", (void *) &rl);
	struct rusage ru;
	syscall(SYS_getrusage, RUSAGE_SELF, &ru);
	expect("getrusage(RUSAGE_SELF, {ru_utime={tv_sec=%ld, tv_usec=%ld}, ru_stime={tv_sec=%ld, tv_usec=%ld}, ...}) = 0",
	       (long) ru.ru_utime.tv_sec, (long) ru.ru_utime.tv_usec, (long) ru.ru_stime.tv_sec, (long) ru.ru_stime.tv_usec);

	syscall(SYS_sched_yield);
	expect("sched_yield() = 0");
	long policy = syscall(SYS_sched_getscheduler, 0);
	expect("sched_getscheduler(0) = %ld (SCHED_OTHER)", policy);
	long max = syscall(SYS_sched_get_priority_max, SCHED_FIFO);
	expect("sched_get_priority_max(SCHED_FIFO) = %ld", max);
	cpu_set_t cpus;
	long bytes = syscall(SYS_sched_getaffinity, 0, sizeof cpus, &cpus);
	char list[4096] = "";
	for (int cpu = 0; cpu < (int) bytes * 8; cpu++)
		if (CPU_ISSET(cpu, &cpus))
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%d", list[0] ? " " : "", cpu);
	expect("sched_getaffinity(0, %zu, [%s]) = %ld", sizeof cpus, list, bytes);

	struct utsname u;
	syscall(SYS_uname, &u);
	expect("uname({sysname=\"%s\", nodename=\"%s\", ...}) = 0", u.sysname, u.nodename);
	syscall(SYS_personality, 0xffffffff);
	expect("personality(0xffffffff) = 0 (PER_LINUX)");

	syscall(SYS_prctl, PR_SET_NAME, "golden-proc");
	expect("prctl(PR_SET_NAME, \"golden-proc\") = 0");
	char name[16];
	syscall(SYS_prctl, PR_GET_NAME, name);
	expect("prctl(PR_GET_NAME, \"golden-proc\") = 0");
	long dumpable = syscall(SYS_prctl, PR_GET_DUMPABLE);
	expect("prctl(PR_GET_DUMPABLE) = %ld (SUID_DUMP_USER)", dumpable);
	syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGTERM);
	expect("prctl(PR_SET_PDEATHSIG, SIGTERM) = 0");
	int sig;
	syscall(SYS_prctl, PR_GET_PDEATHSIG, &sig);
	expect("prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0");
	syscall(SYS_prctl, 9999, 1, 2, 3, 4);
	expect("prctl(0x270f /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)");

	syscall(SYS_ptrace, PTRACE_TRACEME, 0, 0, 0);
	expect("ptrace(PTRACE_TRACEME) = -1 EPERM (Operation not permitted)");
	unsigned int action = SECCOMP_RET_LOG;
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
	expect("seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_LOG]) = 0");

	syscall(SYS_kill, pid, 0);
	expect("kill(%ld, 0) = 0", pid);
	syscall(SYS_tgkill, pid, tid, 0);
	expect("tgkill(%ld, %ld, 0) = 0", pid, tid);
	stack_t ss = {.ss_sp = malloc(65536), .ss_flags = 0, .ss_size = 65536}, old;
	syscall(SYS_sigaltstack, &ss, &old);
	expect("sigaltstack({ss_sp=%p, ss_flags=0, ss_size=65536}, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0", ss.ss_sp);
	sigset_t set;
	sigemptyset(&set);
	syscall(SYS_rt_sigpending, &set, 8);
	expect("rt_sigpending([], 8) = 0");

	/* A blocked SIGCHLD is never delivered, so no signal line interleaves with the trace. */
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid_t child = fork();
	if (child == 0)
		_exit(3);
	siginfo_t info;
	memset(&info, 0, sizeof info);
	syscall(SYS_waitid, P_PID, child, &info, WEXITED, NULL);
	expect("waitid(P_PID, %d, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=%d, si_uid=%u, si_status=3, si_utime=0,"
	       " si_stime=0}, WEXITED, NULL) = 0", child, child, info.si_uid);
	syscall(SYS_waitid, P_ALL, 0, &info, WEXITED | WNOHANG, NULL);
	expect("waitid(P_ALL, 0, %p, WNOHANG|WEXITED, NULL) = -1 ECHILD (No child processes)", (void *) &info);

	char *p = mmap(NULL, 16384, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p[0] = 1;
	p[8192] = 1;
	unsigned char vec[4];
	syscall(SYS_mincore, p, 16384, vec);
	expect("mincore(%p, 16384, [%d, %d, %d, %d]) = 0", (void *) p, vec[0] & 1, vec[1] & 1, vec[2] & 1, vec[3] & 1);
	syscall(SYS_madvise, p, 16384, MADV_DONTNEED);
	expect("madvise(%p, 16384, MADV_DONTNEED) = 0", (void *) p);
	syscall(SYS_msync, p, 4096, MS_SYNC | MS_INVALIDATE);
	expect("msync(%p, 4096, MS_SYNC|MS_INVALIDATE) = 0", (void *) p);
	syscall(SYS_mlock, p, 4096);
	expect("mlock(%p, 4096) = 0", (void *) p);
	syscall(SYS_munlock, p, 4096);
	expect("munlock(%p, 4096) = 0", (void *) p);
	long q = syscall(SYS_mremap, p, 16384, 32768, MREMAP_MAYMOVE);
	expect("mremap(%p, 16384, 32768, MREMAP_MAYMOVE) = %#lx", (void *) p, q);
	return golden_done();
}
