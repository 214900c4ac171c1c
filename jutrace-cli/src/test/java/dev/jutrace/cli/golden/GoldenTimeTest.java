package dev.jutrace.cli.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The time decoders against golden_time.c, an interrupted sleep included. */
@Timeout(120)
class GoldenTimeTest {

    @Test
    void clocksSleepsAndTimers() throws Exception {
        GoldenHarness.check("golden_time", "clock_getres,clock_gettime,rt_sigreturn,clock_settime,nanosleep,clock_nanosleep,setitimer,"
                + "getitimer,alarm,gettimeofday,time,times,timer_create,timer_settime,timer_gettime,timer_getoverrun,"
                + "timer_delete,timerfd_create,timerfd_settime,timerfd_gettime");
    }
}
