/*
 * Raises signals of every kind at itself, and writes each siginfo_t its handler receives as one
 * line of hex to the file named by argv[1]. Run under strace, the "--- SIG... {...} ---" lines
 * strace prints pair up with those lines in order: that is SigInfoTest's golden data. See
 * ../scripts/gen-siginfo-cases.sh.
 *
 * The first half gets signals from the kernel (kill, faults, timers, children, SIGIO, seccomp);
 * the second queues hand-made siginfo with rt_sigqueueinfo(2), which a process may send itself
 * with any si_code, to reach codes and fields the kernel rarely produces.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <time.h>
#include <errno.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <sys/prctl.h>
#include <linux/seccomp.h>
#include <linux/filter.h>
#include <linux/audit.h>
#include <stddef.h>

static int out;
static pid_t self;
static sigjmp_buf jb;
static volatile int jumping;
static volatile int count;
#define EXPECT(stmt) do { int c0 = count; stmt; while (count == c0) usleep(1000); } while (0)
/* Only the process itself dumps: a forked child inherits this handler. */
static void h(int sig, siginfo_t *si, void *uc) {
  if (getpid() != self) return;
  static const char hx[] = "0123456789abcdef";
  char line[260]; unsigned char *b = (unsigned char*)si;
  for (int i = 0; i < 128; i++) { line[2*i] = hx[b[i]>>4]; line[2*i+1] = hx[b[i]&15]; }
  line[256] = '\n'; write(out, line, 257); count++;
  if (jumping) { jumping = 0; siglongjmp(jb, 1); }
}
static void q(int sig, siginfo_t *si) { syscall(SYS_rt_sigqueueinfo, getpid(), sig, si); }
static siginfo_t mk(int signo, int code, int err) { siginfo_t s; memset(&s, 0, sizeof s); s.si_signo = signo; s.si_code = code; s.si_errno = err; return s; }
#define FAULT(stmt) do { jumping = 1; if (!sigsetjmp(jb, 1)) { stmt; } } while (0)

int main(int argc, char **argv) {
  self = getpid();
  out = open(argc > 1 ? argv[1] : "dumps.txt", O_WRONLY|O_CREAT|O_TRUNC, 0644);
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_sigaction = h; sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  for (int s = 1; s < 65; s++) if (s != SIGKILL && s != SIGSTOP) sigaction(s, &sa, 0);
  /* from the kernel */
  kill(getpid(), SIGUSR1);
  syscall(SYS_tgkill, getpid(), gettid(), SIGUSR2);
  union sigval v; v.sival_int = 42; sigqueue(getpid(), SIGRTMIN, v);
  v.sival_ptr = (void*)0x12345678abcdL; sigqueue(getpid(), SIGRTMIN+3, v);
  sigqueue(getpid(), SIGHUP, v);
  kill(getpid(), 64);
  FAULT(*(volatile int*)0 = 1);
  FAULT(*(volatile int*)0x1000 = 1);
  char *ro = mmap(0, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
  FAULT(*(volatile char*)ro = 1);
  FAULT(__asm__ volatile("ud2"));
  FAULT(__asm__ volatile("int3"));
  volatile int z = 0; FAULT(z = 5 / z);
  char empty[] = "/tmp/siginfo-cases-XXXXXX"; int fd = mkstemp(empty); unlink(empty);
  char *bus = mmap(0, 4096, PROT_READ, MAP_SHARED, fd, 0);
  FAULT((void)*(volatile char*)bus);
  /* timer */
  timer_t t; struct sigevent ev; memset(&ev, 0, sizeof ev); ev.sigev_notify = SIGEV_SIGNAL; ev.sigev_signo = SIGALRM; ev.sigev_value.sival_int = 7;
  timer_create(CLOCK_MONOTONIC, &ev, &t);
  struct itimerspec its = {{0,0},{0,1000000}}; EXPECT(timer_settime(t, 0, &its, 0));
  /* children */
  pid_t c; EXPECT(c = fork(); if (!c) _exit(3)); waitpid(c, 0, 0);
  c = fork(); if (!c) { for (;;) pause(); } EXPECT(kill(c, SIGKILL)); waitpid(c, 0, 0);
  c = fork(); if (!c) { for (;;) pause(); } EXPECT(kill(c, SIGSTOP)); EXPECT(kill(c, SIGCONT)); EXPECT(kill(c, SIGKILL)); waitpid(c, 0, 0);
  /* SIGIO */
  int p[2]; pipe(p); fcntl(p[0], F_SETOWN, getpid()); fcntl(p[0], F_SETSIG, SIGIO); fcntl(p[0], F_SETFL, O_ASYNC|O_NONBLOCK);
  EXPECT(write(p[1], "x", 1));
  /* hand-made */
  siginfo_t s;
  s = mk(SIGUSR1, SI_USER, ENOENT); s.si_pid = 77; s.si_uid = 1000; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_QUEUE, 0); s.si_pid = 77; s.si_uid = 1000; s.si_value.sival_ptr = (void*)0xffffffff00000005L; q(SIGUSR1, &s);
  s = mk(SIGUSR1, -60, 0); s.si_pid = 77; s.si_uid = 1000; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_MESGQ, 0); s.si_pid = 77; s.si_uid = 1000; s.si_value.sival_int = -1; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_ASYNCIO, 0); s.si_pid = 77; s.si_uid = 1000; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_SIGIO, 0); s.si_band = 1; s.si_fd = 3; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_TIMER, 0); s.si_timerid = 9; s.si_overrun = 2; s.si_value.sival_int = 3; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_TKILL, 0); s.si_pid = 77; s.si_uid = 1000; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_DETHREAD, 0); s.si_pid = 77; s.si_uid = 1000; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_KERNEL, 0); s.si_pid = 77; s.si_uid = 1000; q(SIGUSR1, &s);
  s = mk(SIGUSR1, 5, 0); s.si_pid = 77; s.si_uid = 1000; q(SIGUSR1, &s);
  s = mk(SIGCHLD, CLD_EXITED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = 255; s.si_utime = 12; s.si_stime = 34; q(SIGCHLD, &s);
  s = mk(SIGCHLD, CLD_KILLED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = SIGSEGV; q(SIGCHLD, &s);
  s = mk(SIGCHLD, CLD_DUMPED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = SIGABRT; q(SIGCHLD, &s);
  s = mk(SIGCHLD, CLD_TRAPPED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = SIGTRAP; q(SIGCHLD, &s);
  s = mk(SIGCHLD, CLD_STOPPED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = SIGTSTP; q(SIGCHLD, &s);
  s = mk(SIGCHLD, CLD_CONTINUED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = SIGCONT; q(SIGCHLD, &s);
  s = mk(SIGCHLD, CLD_KILLED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = 99; q(SIGCHLD, &s);
  s = mk(SIGCHLD, 9, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = 99; q(SIGCHLD, &s);
  s = mk(SIGCHLD, SI_USER, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = 99; q(SIGCHLD, &s);
  s = mk(SIGSEGV, SEGV_MAPERR, 0); s.si_addr = (void*)0xdeadbeef; q(SIGSEGV, &s);
  s = mk(SIGSEGV, SEGV_ACCERR, 0); s.si_addr = (void*)0x1; q(SIGSEGV, &s);
  s = mk(SIGSEGV, SEGV_BNDERR, 0); s.si_addr = (void*)0x10; s.si_lower = (void*)0x20; s.si_upper = (void*)0x30; q(SIGSEGV, &s);
  s = mk(SIGSEGV, SEGV_PKUERR, 0); s.si_addr = (void*)0x10; s.si_pkey = 3; q(SIGSEGV, &s);
  s = mk(SIGSEGV, 5, 0); s.si_addr = (void*)0x10; q(SIGSEGV, &s);
  s = mk(SIGSEGV, 6, 0); s.si_addr = (void*)0x10; q(SIGSEGV, &s);
  s = mk(SIGSEGV, 7, 0); s.si_addr = (void*)0x10; q(SIGSEGV, &s);
  s = mk(SIGSEGV, 8, 0); s.si_addr = (void*)0x10; q(SIGSEGV, &s);
  s = mk(SIGSEGV, 9, 0); s.si_addr = (void*)0x10; q(SIGSEGV, &s);
  s = mk(SIGSEGV, 10, 0); s.si_addr = (void*)0x10; q(SIGSEGV, &s);
  s = mk(SIGSEGV, 0, 0); s.si_pid = 1; s.si_uid = 2; q(SIGSEGV, &s);
  s = mk(SIGSEGV, -6, 0); s.si_pid = 1; s.si_uid = 2; q(SIGSEGV, &s);
  for (int k = 1; k <= 12; k++) { s = mk(SIGILL, k, 0); s.si_addr = (void*)0x40; q(SIGILL, &s); }
  for (int k = 1; k <= 16; k++) { s = mk(SIGFPE, k, 0); s.si_addr = (void*)0x40; q(SIGFPE, &s); }
  for (int k = 1; k <= 7; k++) { s = mk(SIGBUS, k, 0); s.si_addr = (void*)0x40; s.si_addr_lsb = 12; q(SIGBUS, &s); }
  for (int k = 1; k <= 7; k++) { s = mk(SIGTRAP, k, 0); s.si_addr = (void*)0x40; q(SIGTRAP, &s); }
  for (int k = 1; k <= 8; k++) { s = mk(SIGPOLL, k, 0); s.si_band = 0x41; s.si_fd = 5; q(SIGPOLL, &s); }
  for (int k = 1; k <= 3; k++) { s = mk(SIGSYS, k, 0); s.si_call_addr = (void*)0x401000; s.si_syscall = 39; s.si_arch = AUDIT_ARCH_X86_64; q(SIGSYS, &s); }
  s = mk(SIGSYS, 1, 0); s.si_call_addr = (void*)0; s.si_syscall = 999; s.si_arch = 0x1234; q(SIGSYS, &s);
  s = mk(SIGUSR2, SI_USER, 200); s.si_pid = -1; s.si_uid = -1; q(SIGUSR2, &s);
  s = mk(SIGUSR2, SI_USER, -5); s.si_pid = 0; s.si_uid = 0; q(SIGUSR2, &s);
  s = mk(SIGRTMIN+5, SI_QUEUE, 0); s.si_pid = 3; s.si_uid = 4; s.si_value.sival_int = 5; q(SIGRTMIN+5, &s);
  s = mk(SIGRTMIN, SI_QUEUE, 0); s.si_pid = 3; s.si_uid = 4; s.si_value.sival_int = 5; q(SIGRTMIN, &s);
  s = mk(SIGCHLD, SI_QUEUE, 0); s.si_pid = 3; s.si_uid = 4; s.si_value.sival_int = 5; q(SIGCHLD, &s);
  s = mk(SIGUSR1, SI_USER, 0); s.si_signo = SIGUSR2; s.si_pid = 3; s.si_uid = 4; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_USER, 0); s.si_signo = 0; s.si_pid = 3; s.si_uid = 4; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_USER, 0); s.si_signo = 100; s.si_pid = 3; s.si_uid = 4; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_USER, 0); s.si_signo = 32; s.si_pid = 3; s.si_uid = 4; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_USER, 0); s.si_signo = 33; s.si_pid = 3; s.si_uid = 4; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_USER, 0); s.si_signo = 34; s.si_pid = 3; s.si_uid = 4; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_QUEUE, 0); s.si_pid = 77; s.si_uid = 1000; s.si_value.sival_ptr = 0; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_QUEUE, 0); s.si_pid = 77; s.si_uid = 1000; s.si_value.sival_ptr = (void*)0x80000000L; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_TIMER, 0); s.si_timerid = 0; s.si_overrun = -1; s.si_value.sival_int = 0; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_SIGIO, 0); s.si_band = -5; s.si_fd = -1; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_SIGIO, 0); s.si_band = 0x7fffffffffffffffL; s.si_fd = 0; q(SIGUSR1, &s);
  s = mk(SIGCHLD, CLD_EXITED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = -1; s.si_utime = 5; s.si_stime = 100; q(SIGCHLD, &s);
  s = mk(SIGCHLD, CLD_EXITED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = 0; s.si_utime = 12345; s.si_stime = -1; q(SIGCHLD, &s);
  s = mk(SIGCHLD, CLD_EXITED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = 0; s.si_utime = 1; s.si_stime = 0x7fffffffffffffffL; q(SIGCHLD, &s);
  s = mk(SIGUSR1, -8, 0); s.si_pid = 77; s.si_uid = 1000; s.si_value.sival_int = 3; q(SIGUSR1, &s);
  s = mk(SIGUSR1, -100, 0); s.si_pid = 77; s.si_uid = 1000; s.si_value.sival_int = 3; q(SIGUSR1, &s);
  s = mk(SIGCHLD, SI_KERNEL, 0); s.si_pid = 77; s.si_uid = 1000; q(SIGCHLD, &s);
  s = mk(SIGIO, SI_KERNEL, 0); s.si_band = 3; s.si_fd = 4; q(SIGIO, &s);
  s = mk(SIGSYS, SI_KERNEL, 0); s.si_call_addr = (void*)0x10; s.si_syscall = 1; s.si_arch = AUDIT_ARCH_X86_64; q(SIGSYS, &s);
  s = mk(SIGSEGV, SI_KERNEL, 0); s.si_addr = (void*)0x10; q(SIGSEGV, &s);
  s = mk(SIGSEGV, SEGV_MAPERR, 0); s.si_addr = 0; q(SIGSEGV, &s);
  s = mk(SIGSYS, 0, 0); s.si_pid = 5; s.si_uid = 6; q(SIGSYS, &s);
  s = mk(SIGSYS, 1, 0); s.si_call_addr = 0; s.si_syscall = -1; s.si_arch = AUDIT_ARCH_X86_64; q(SIGSYS, &s);
  s = mk(SIGSYS, 1, 0); s.si_call_addr = 0; s.si_syscall = 451; s.si_arch = AUDIT_ARCH_X86_64; q(SIGSYS, &s);
  s = mk(SIGSYS, 1, 0); s.si_call_addr = 0; s.si_syscall = 0x40000000 + 600; s.si_arch = AUDIT_ARCH_X86_64; q(SIGSYS, &s);
  s = mk(SIGSYS, 1, 0); s.si_call_addr = 0; s.si_syscall = 0; s.si_arch = 0; q(SIGSYS, &s);
  s = mk(SIGSYS, 1, 0); s.si_call_addr = 0; s.si_syscall = 0; s.si_arch = AUDIT_ARCH_AARCH64; q(SIGSYS, &s);
  s = mk(SIGBUS, BUS_MCEERR_AR, 0); s.si_addr = 0; s.si_addr_lsb = 0; q(SIGBUS, &s);
  s = mk(SIGUSR1, SI_USER, EAGAIN); s.si_pid = 1; s.si_uid = 0xfffffffe; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_USER, 41); s.si_pid = 1; s.si_uid = 2; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_USER, 512); s.si_pid = 1; s.si_uid = 2; q(SIGUSR1, &s);
  s = mk(SIGRTMIN+1, SI_USER, 0); s.si_pid = 1; s.si_uid = 2; q(SIGRTMIN+1, &s);
  s = mk(SIGRTMIN+1, SI_TKILL, 0); s.si_pid = 1; s.si_uid = 2; q(SIGRTMIN+1, &s);
  s = mk(SIGRTMIN+1, SI_MESGQ, 0); s.si_pid = 1; s.si_uid = 2; q(SIGRTMIN+1, &s);
  s = mk(SIGTRAP, 0x80, 0); s.si_addr = (void*)0x123; q(SIGTRAP, &s);
  s = mk(SIGCHLD, CLD_STOPPED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = 0; q(SIGCHLD, &s);
  s = mk(SIGCHLD, CLD_DUMPED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = 34; q(SIGCHLD, &s);
  s = mk(SIGCHLD, CLD_DUMPED, 0); s.si_pid = 77; s.si_uid = 1000; s.si_status = 32; q(SIGCHLD, &s);
  s = mk(SIGUSR1, SI_USER, 0); s.si_pid = 7; s.si_uid = 8; s.si_value.sival_int = 9; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_TKILL, 0); s.si_pid = 7; s.si_uid = 8; s.si_value.sival_int = 9; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_DETHREAD, 0); s.si_pid = 7; s.si_uid = 8; s.si_value.sival_int = 9; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_ASYNCIO, 0); s.si_pid = 7; s.si_uid = 8; s.si_value.sival_int = 9; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_ASYNCNL, 0); s.si_pid = 7; s.si_uid = 8; s.si_value.sival_int = 9; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_KERNEL, 0); s.si_pid = 7; s.si_uid = 8; s.si_value.sival_int = 9; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_SIGIO, 0); s.si_pid = 7; s.si_uid = 8; s.si_value.sival_int = 9; q(SIGUSR1, &s);
  s = mk(SIGUSR1, SI_TIMER, 0); s.si_pid = 7; s.si_uid = 8; s.si_value.sival_int = 9; q(SIGUSR1, &s);
  s = mk(SIGUSR1, -9, 0); s.si_pid = 7; s.si_uid = 8; s.si_value.sival_int = 9; q(SIGUSR1, &s);
  s = mk(SIGUSR1, 5, 0); s.si_pid = 7; s.si_uid = 8; s.si_value.sival_int = 9; q(SIGUSR1, &s);
  s = mk(SIGCHLD, SI_USER, 0); s.si_pid = 7; s.si_uid = 8; s.si_status = 9; s.si_utime = 1; q(SIGCHLD, &s);
  s = mk(SIGCHLD, SI_QUEUE, 0); s.si_pid = 7; s.si_uid = 8; s.si_status = 9; s.si_utime = 1; q(SIGCHLD, &s);
  s = mk(SIGSEGV, SI_QUEUE, 0); s.si_pid = 7; s.si_uid = 8; s.si_status = 9; s.si_utime = 1; q(SIGSEGV, &s);
  s = mk(SIGSEGV, SI_USER, 0); s.si_pid = 7; s.si_uid = 8; s.si_status = 9; s.si_utime = 1; q(SIGSEGV, &s);
  /* seccomp last: after it, getppid raises SIGSYS */
  struct sock_filter f[] = {
    BPF_STMT(BPF_LD|BPF_W|BPF_ABS, offsetof(struct seccomp_data, nr)),
    BPF_JUMP(BPF_JMP|BPF_JEQ|BPF_K, SYS_getppid, 0, 1),
    BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_TRAP),
    BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW) };
  struct sock_fprog prog = { 4, f };
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0); prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
  syscall(SYS_getppid);
  return 0;
}
