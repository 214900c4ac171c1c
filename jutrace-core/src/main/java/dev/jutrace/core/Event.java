package dev.jutrace.core;

import java.util.Set;

/** The events an engine can ask to be told about; each is one bit of an engine's event mask. */
public enum Event {
    /** Before every other event's callback, and on the way back to user mode ({@code event == null}). */
    QUIESCE,
    /** The thread has been reaped; the last callback an engine ever gets. */
    REAP,
    /** A clone, fork or vfork succeeded; reported in the parent before the child runs. */
    CLONE,
    /** An execve succeeded; reported before the new image runs. */
    EXEC,
    /** The thread begins to exit; its state is still live. */
    EXIT,
    /** The thread is dead. */
    DEATH,
    /** The thread entered a system call, which has not run yet. */
    SYSCALL_ENTRY,
    /** A system call finished and has not returned to user mode yet. */
    SYSCALL_EXIT,
    /** A signal whose disposition is a handler. */
    SIGNAL,
    /** A signal that will be ignored. */
    SIGNAL_IGN,
    /** A signal whose default action is to stop. */
    SIGNAL_STOP,
    /** A signal whose default action is to terminate. */
    SIGNAL_TERM,
    /** A signal whose default action is to dump core. */
    SIGNAL_CORE,
    /** A job-control stop or continue. */
    JCTL;

    /** This event's bit in a mask. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Every signal event. */
    public static final int SIGNAL_ALL = SIGNAL.bit() | SIGNAL_IGN.bit() | SIGNAL_STOP.bit()
            | SIGNAL_TERM.bit() | SIGNAL_CORE.bit();
    /** Both syscall events. */
    public static final int SYSCALL = SYSCALL_ENTRY.bit() | SYSCALL_EXIT.bit();

    public static int mask(Event... events) {
        int m = 0;
        for (Event e : events) m |= e.bit();
        return m;
    }

    public static int mask(Set<Event> events) {
        int m = 0;
        for (Event e : events) m |= e.bit();
        return m;
    }

    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }
}
