/*
 * Golden test of the polling, event descriptor and futex decoders: each call, then the line the
 * trace must show. Every wait has a zero timeout or something ready, so the run is quick and
 * the time left is always zero. Traced with -e trace=GoldenPollTest's set.
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "golden.h"

int main(void)
{
	int p[2];
	if (pipe(p) != 0)
		return 1;
	int r = p[0], w = p[1];

	struct pollfd fds[3] = {{r, POLLIN, 0}, {w, POLLOUT, 0}, {-1, POLLIN, 0}};
	syscall(SYS_poll, fds, 3, 0);
	expect("poll([{fd=%d, events=POLLIN}, {fd=%d, events=POLLOUT}, {fd=-1}], 3, 0) = 1 ([{fd=%d, revents=POLLOUT}])", r, w, w);
	syscall(SYS_poll, fds, 1, 0);
	expect("poll([{fd=%d, events=POLLIN}], 1, 0) = 0 (Timeout)", r);
	syscall(SYS_poll, (void *) 1, 1, 0);
	expect("poll(0x1, 1, 0) = -1 EFAULT (Bad address)");
	if (write(w, "x", 1) != 1)
		return 1;
	struct timespec zero = {0, 0};
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	syscall(SYS_ppoll, fds, 2, &zero, &usr1, 8);
	expect("ppoll([{fd=%d, events=POLLIN}, {fd=%d, events=POLLOUT}], 2, {tv_sec=0, tv_nsec=0}, [USR1], 8) = 2"
	       " ([{fd=%d, revents=POLLIN}, {fd=%d, revents=POLLOUT}], left {tv_sec=0, tv_nsec=0})", r, w, r, w);

	fd_set rs, ws;
	FD_ZERO(&rs);
	FD_ZERO(&ws);
	FD_SET(r, &rs);
	FD_SET(w, &rs);
	FD_SET(w, &ws);
	struct timeval tv = {0, 0};
	syscall(SYS_select, w + 1, &rs, &ws, NULL, &tv);
	expect("select(%d, [%d %d], [%d], NULL, {tv_sec=0, tv_usec=0}) = 2 (in [%d], out [%d], left {tv_sec=0, tv_usec=0})",
	       w + 1, r, w, w, r, w);
	FD_ZERO(&rs);
	FD_SET(r, &rs);
	syscall(SYS_pselect6, r + 1, &rs, NULL, NULL, NULL, NULL);
	expect("pselect6(%d, [%d], NULL, NULL, NULL, NULL) = 1 (in [%d])", r + 1, r, r);

	int ep = syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
	expect("epoll_create1(EPOLL_CLOEXEC) = %d", ep);
	struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 0x100000000ULL | (unsigned) r};
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, r, &ev);
	expect("epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLIN|EPOLLET, data={u32=%d, u64=%llu}}) = 0",
	       ep, r, r, (unsigned long long) ev.data.u64);
	struct epoll_event got[4];
	syscall(SYS_epoll_wait, ep, got, 4, 0);
	expect("epoll_wait(%d, [{events=EPOLLIN, data={u32=%d, u64=%llu}}], 4, 0) = 1", ep, r, (unsigned long long) ev.data.u64);
	syscall(SYS_epoll_pwait, ep, got, 4, 0, NULL, 8);
	expect("epoll_pwait(%d, [], 4, 0, NULL, 8) = 0", ep);
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, r, NULL);
	expect("epoll_ctl(%d, EPOLL_CTL_DEL, %d, NULL) = 0", ep, r);

	int efd = syscall(SYS_eventfd2, 3, EFD_CLOEXEC | EFD_NONBLOCK);
	expect("eventfd2(3, EFD_CLOEXEC|EFD_NONBLOCK) = %d", efd);
	int sfd = syscall(SYS_signalfd4, -1, &usr1, 8, SFD_CLOEXEC);
	expect("signalfd4(-1, [USR1], 8, SFD_CLOEXEC) = %d", sfd);

	uint32_t word = 0;
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	expect("futex(%p, FUTEX_WAKE_PRIVATE, 1) = 0", (void *) &word);
	struct timespec us = {0, 1000};
	syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 1, &us, NULL, 0);
	expect("futex(%p, FUTEX_WAIT_PRIVATE, 1, {tv_sec=0, tv_nsec=1000}) = -1 EAGAIN (Resource temporarily unavailable)", (void *) &word);
	syscall(SYS_futex, &word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 1, &us, NULL, FUTEX_BITSET_MATCH_ANY);
	expect("futex(%p, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 1, {tv_sec=0, tv_nsec=1000}, FUTEX_BITSET_MATCH_ANY)"
	       " = -1 EAGAIN (Resource temporarily unavailable)", (void *) &word);
	return golden_done();
}
