package dev.jutrace.testing.ptrace;

import static dev.jutrace.testing.ptrace.Consts.*;

import java.util.List;

/** Survey scenarios 1-5, 9 and 25: attaching to running and stopped tasks, and detaching. */
final class AttachScenarios {
    private AttachScenarios() {}

    static List<Scenario> all() {
        return List.of(
                new Scenario("s01-attach-running", "ATTACH to a running task, DETACH leaves pause() asleep",
                        "survey 1; attach-into-signal, detach-sigkill-race", AttachScenarios::attachRunning),
                new Scenario("s02-attach-group-stopped", "ATTACH to a group-stopped task reports SIGSTOP once",
                        "survey 2; stop-attach-then-wait, attach-wait-on-stopped", AttachScenarios::attachGroupStopped),
                new Scenario("s03-cont-sigstop-detach", "CONT(SIGSTOP) makes a group stop; DETACH leaves it stopped",
                        "survey 3; ptrace-on-job-control-stopped, ptrace-cont-sigstop-detach", AttachScenarios::contSigstopDetach),
                new Scenario("s04-stopped-detach-sigcont", "DETACH from a stopped task, then SIGCONT wakes it",
                        "survey 4; stopped-detach-sleeping-3x", AttachScenarios::stoppedDetachSigcont),
                new Scenario("s05-threads-stopped", "attach and DETACH(SIGSTOP) every thread of a stopped process",
                        "survey 5; detach-stopped, stopped-attach-transparency", AttachScenarios::threadsStopped),
                new Scenario("s09-attach-into-signal-storm", "attach and detach again and again amid a SIGQUIT storm",
                        "survey 9; attach-into-signal", AttachScenarios::signalStorm),
                new Scenario("s25-eintr-on-attach", "ATTACH does not break a blocked read()",
                        "survey 25; eintr-on-attach", AttachScenarios::eintrOnAttach));
    }

    private static void attachRunning(Script s) {
        int t = s.spawn("pause-once");
        s.awaitSyscall(t, NR_PAUSE);
        s.attach(t);
        s.expectWait(t, stop(SIGSTOP));
        SigInfo i = s.getSigInfo(t);
        s.checkEq(SIGSTOP, i.signo(), "si_signo");
        s.checkEq(0x80, i.code(), "si_code (SI_KERNEL)");
        s.checkEq(0, i.pid(), "si_pid");
        s.expectState(t, 't');
        s.expectNothing(t);
        s.detach(t, 0);
        s.expectState(t, 'S');
        s.settle();
        // pause-once exits 3 if its pause() returned: the attach must not have interrupted it.
        s.checkEq(0, s.parentWait(t, Script.WNOHANG), "parent's wait (pause() still sleeping)");
        s.kill(t, SIGKILL);
        s.checkEq(SIGKILL, s.reap(t), "reaped status");
    }

    private static void attachGroupStopped(Script s) {
        int t = s.spawn("raise-sigstop");
        s.expectState(t, 'T');
        s.attach(t);
        s.expectWait(t, stop(SIGSTOP));
        s.expectErrno(EINVAL, () -> s.getSigInfo(t));
        s.expectNothing(t);
        s.peekUser(t, user(Script.ORIG_RAX), "orig_rax");
        s.getRegs(t, "orig_rax");
        s.cont(t, 0);
        s.expectWait(t, stop(SIGSTOP));
        s.kill(t, SIGCONT);
        s.settle();
        s.expectNothing(t);
        s.cont(t, 0);
        s.expectWait(t, stop(SIGCONT));
        s.cont(t, SIGCONT);
        s.expectWait(t, exit(7));
    }

    private static void contSigstopDetach(Script s) {
        int t = s.spawn("pause-loop");
        s.awaitSyscall(t, NR_PAUSE);
        s.attach(t);
        s.expectWait(t, stop(SIGSTOP));
        s.cont(t, SIGSTOP);
        s.expectWait(t, stop(SIGSTOP));
        s.expectErrno(EINVAL, () -> s.getSigInfo(t));
        s.detach(t, 0);
        s.expectState(t, 'T');
        s.checkEq(stop(SIGSTOP), s.parentWait(t, Script.WUNTRACED | Script.WNOHANG), "parent's job-control wait");
        s.kill(t, SIGKILL);
        s.checkEq(SIGKILL, s.reap(t), "reaped status");
    }

    private static void stoppedDetachSigcont(Script s) {
        int t = s.spawn("raise-sigstop", "pause");
        s.expectState(t, 'T');
        s.attach(t);
        s.expectWait(t, stop(SIGSTOP));
        s.detach(t, 0);
        s.kill(t, SIGCONT);
        s.expectState(t, 'S');
        s.kill(t, SIGKILL);
        s.checkEq(SIGKILL, s.reap(t), "reaped status");
    }

    private static void threadsStopped(Script s) {
        int t = s.spawn("threads-stop");
        s.expectState(t, 'T');
        List<Integer> tids = s.threads(t);
        s.checkEq(3, tids.size(), "threads");
        for (int tid : tids) s.expectState(tid, 'T');
        // The real parent takes its job-control report first; it must not come back after the
        // tracer has come and gone.
        s.checkEq(stop(SIGSTOP), s.parentWait(t, Script.WUNTRACED), "parent's job-control wait");
        for (int tid : tids) {
            s.attach(tid);
            s.expectWait(tid, stop(SIGSTOP));
        }
        for (int tid : tids) s.detach(tid, SIGSTOP);
        for (int tid : tids) s.expectState(tid, 'T');
        s.checkEq(0, s.parentWait(t, Script.WUNTRACED | Script.WNOHANG), "parent's job-control wait after detach");
        s.kill(t, SIGKILL);
        s.checkEq(SIGKILL, s.reap(t), "reaped status");
    }

    private static void signalStorm(Script s) {
        int t = s.spawn("sigquit-storm");
        s.awaitHandler(t, SIGQUIT);
        for (int round = 0; round < 3; round++) {
            s.attach(t);
            s.expectWaitPassing(t, stop(SIGSTOP), SIGQUIT);
            s.cont(t, 0);
            s.expectWait(t, stop(SIGQUIT));
            s.cont(t, SIGQUIT);
            s.expectWait(t, stop(SIGQUIT));
            s.detach(t, SIGQUIT);
        }
        s.attach(t);
        s.expectWaitPassing(t, stop(SIGSTOP), SIGQUIT);
        s.detach(t, SIGPIPE);
        s.checkEq(SIGPIPE, s.reap(t), "killed by the parting SIGPIPE");
    }

    private static void eintrOnAttach(Script s) {
        int t = s.spawn("inotify-read");
        s.awaitSyscall(t, NR_READ);
        s.attach(t);
        s.expectWait(t, stop(SIGSTOP));
        s.cont(t, 0);
        // read() restarts transparently; the next report is the alarm, not an exit with EINTR.
        s.expectWait(t, stop(SIGALRM));
    }
}
