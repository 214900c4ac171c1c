package dev.jutrace.cli.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The polling, event descriptor and futex decoders against golden_poll.c. */
@Timeout(120)
class GoldenPollTest {

    @Test
    void pollingAndEvents() throws Exception {
        GoldenHarness.check("golden_poll", "poll,ppoll,select,pselect6,epoll_create1,epoll_ctl,epoll_wait,epoll_pwait,eventfd2,"
                + "signalfd4,futex");
    }
}
