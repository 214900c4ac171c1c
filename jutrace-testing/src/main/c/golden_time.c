/*
 * Golden test of the time decoders: each call, then the line the trace must show. Times the
 * kernel returns are printed from what it returned; a timer interrupts one sleep, so the trace
 * shows the time left and the signal.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "golden.h"

static void on_alarm(int signo)
{
	(void) signo;
}

/* A time as strace dates it in comments: ISO 8601 in the local zone. */
static const char *date(time_t t)
{
	static char text[64];
	strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S%z", localtime(&t));
	return text;
}

int main(void)
{
	struct timespec ts, rem;
	tzset();

	syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
	expect("clock_getres(CLOCK_MONOTONIC, {tv_sec=%ld, tv_nsec=%ld}) = 0", (long) ts.tv_sec, ts.tv_nsec);
	syscall(SYS_clock_gettime, CLOCK_BOOTTIME, &ts);
	expect("clock_gettime(CLOCK_BOOTTIME, {tv_sec=%ld, tv_nsec=%ld}) = 0", (long) ts.tv_sec, ts.tv_nsec);
	syscall(SYS_clock_gettime, 99, &ts);
	expect("clock_gettime(0x63 /* CLOCK_??? */, %p) = -1 EINVAL (Invalid argument)", (void *) &ts);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, (void *) 1);
	expect("clock_gettime(CLOCK_REALTIME, 0x1) = -1 EFAULT (Bad address)");
	ts.tv_sec = 1;
	ts.tv_nsec = 0;
	syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts);
	expect("clock_settime(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=0}) = -1 EINVAL (Invalid argument)");

	ts.tv_sec = 0;
	ts.tv_nsec = 1000;
	syscall(SYS_nanosleep, &ts, &rem);
	expect("nanosleep({tv_sec=0, tv_nsec=1000}, %p) = 0", (void *) &rem);
	ts.tv_nsec = 2000000000;
	syscall(SYS_nanosleep, &ts, NULL);
	expect("nanosleep({tv_sec=0, tv_nsec=2000000000}, NULL) = -1 EINVAL (Invalid argument)");
	struct timespec past = {1, 0};
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL);
	expect("clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=1, tv_nsec=0}, NULL) = 0");

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	struct itimerval soon = {{0, 0}, {0, 20000}}, old;
	syscall(SYS_setitimer, ITIMER_REAL, &soon, NULL);
	expect("setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=20000}}, NULL) = 0");
	ts.tv_sec = 5;
	ts.tv_nsec = 0;
	syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, &rem);
	expect("clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=5, tv_nsec=0}, {tv_sec=%ld, tv_nsec=%ld})"
	       " = ? ERESTART_RESTARTBLOCK (Interrupted by signal)", (long) rem.tv_sec, rem.tv_nsec);
	expect("--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---");
	expect("rt_sigreturn({mask=[]}) = -1 EINTR (Interrupted system call)");
	syscall(SYS_getitimer, ITIMER_REAL, &old);
	expect("getitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0");
	syscall(SYS_getitimer, 5, &old);
	expect("getitimer(0x5 /* ITIMER_??? */, %p) = -1 EINVAL (Invalid argument)", (void *) &old);
	long left = syscall(SYS_alarm, 10);
	expect("alarm(10) = %ld", left);
	left = syscall(SYS_alarm, 0);
	expect("alarm(0) = %ld", left);

	struct timeval tv;
	struct timezone tz;
	syscall(SYS_gettimeofday, &tv, &tz);
	expect("gettimeofday({tv_sec=%ld, tv_usec=%ld}, {tz_minuteswest=%d, tz_dsttime=%d}) = 0",
	       (long) tv.tv_sec, (long) tv.tv_usec, tz.tz_minuteswest, tz.tz_dsttime);
	time_t now;
	long t = syscall(SYS_time, &now);
	expect("time([%ld /* %s */]) = %ld (%s)", (long) now, date(now), t, date(t));
	struct tms tms;
	long ticks = syscall(SYS_times, &tms);
	expect("times({tms_utime=%ld, tms_stime=%ld, tms_cutime=%ld, tms_cstime=%ld}) = %ld",
	       (long) tms.tms_utime, (long) tms.tms_stime, (long) tms.tms_cutime, (long) tms.tms_cstime, ticks);

	int timer;
	struct sigevent sev;
	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	sev.sigev_value.sival_int = 7;
	syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &timer);
	expect("timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=7, sival_ptr=0x7}, sigev_signo=SIGUSR1,"
	       " sigev_notify=SIGEV_SIGNAL}, [%d]) = 0", timer);
	struct itimerspec later = {{0, 0}, {100, 0}}, cur;
	syscall(SYS_timer_settime, timer, 0, &later, &cur);
	expect("timer_settime(%d, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=100, tv_nsec=0}},"
	       " {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0", timer);
	syscall(SYS_timer_gettime, timer, &cur);
	expect("timer_gettime(%d, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=%ld, tv_nsec=%ld}}) = 0",
	       timer, (long) cur.it_value.tv_sec, cur.it_value.tv_nsec);
	syscall(SYS_timer_getoverrun, timer);
	expect("timer_getoverrun(%d) = 0", timer);
	syscall(SYS_timer_delete, timer);
	expect("timer_delete(%d) = 0", timer);
	syscall(SYS_timer_delete, 99);
	expect("timer_delete(99) = -1 EINVAL (Invalid argument)");

	long tfd = syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	expect("timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = %ld", tfd);
	struct itimerspec far = {{0, 0}, {2000000000, 0}};
	syscall(SYS_timerfd_settime, tfd, TFD_TIMER_ABSTIME, &far, NULL);
	expect("timerfd_settime(%ld, TFD_TIMER_ABSTIME, {it_interval={tv_sec=0, tv_nsec=0},"
	       " it_value={tv_sec=2000000000, tv_nsec=0}}, NULL) = 0", tfd);
	syscall(SYS_timerfd_gettime, tfd, &cur);
	expect("timerfd_gettime(%ld, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=%ld, tv_nsec=%ld}}) = 0",
	       tfd, (long) cur.it_value.tv_sec, cur.it_value.tv_nsec);
	return golden_done();
}
