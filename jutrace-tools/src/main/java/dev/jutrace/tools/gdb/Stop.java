package dev.jutrace.tools.gdb;

/**
 * Why the target stopped, as the next stop reply will say. Built on the tracer thread when an
 * event is chosen, rendered by the session thread.
 *
 * @param thread the thread that stopped (null for a process exit)
 * @param signal the Linux signal number, 0 for none
 * @param reason extra stop-reply fields such as {@code swbreak:;}, or empty
 * @param exitStatus for an exit: the leader's wait status; else -1
 * @param pid the process, for an exit
 */
record Stop(GdbThread thread, int signal, String reason, int exitStatus, int pid) {

    static Stop signal(GdbThread thread, int signal, String reason) {
        return new Stop(thread, signal, reason, -1, thread.process.pid);
    }

    static Stop exit(int pid, int status) {
        return new Stop(null, 0, "", status, pid);
    }

    boolean isExit() {
        return exitStatus >= 0;
    }
}
