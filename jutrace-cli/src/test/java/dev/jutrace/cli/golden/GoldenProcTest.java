package dev.jutrace.cli.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The process, signal and memory decoders against golden_proc.c. */
@Timeout(120)
class GoldenProcTest {

    @Test
    void processesSignalsAndMemory() throws Exception {
        GoldenHarness.check("golden_proc", "getpid,gettid,getppid,getuid,setuid,setresuid,getresuid,getgroups,getrlimit,"
                + "getrusage,sched_yield,sched_getscheduler,sched_get_priority_max,sched_getaffinity,uname,personality,prctl,"
                + "ptrace,seccomp,kill,tgkill,sigaltstack,rt_sigpending,waitid,mincore,madvise,msync,mlock,munlock,mremap");
    }
}
