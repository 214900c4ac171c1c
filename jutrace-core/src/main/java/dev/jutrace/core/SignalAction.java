package dev.jutrace.core;

/** What happens to a signal that engines were shown: the disposition part of a signal report. */
public enum SignalAction {
    /** Act on the signal as the thread's sigaction says: run the handler or the default action. */
    DELIVER,
    /** Discard the signal. */
    IGN,
    /** Kill the process with the signal. */
    TERM,
    /** Kill the process with the signal and dump core. */
    CORE,
    /** Stop the thread group, with SIGSTOP's semantics. */
    STOP,
    /** Stop the thread group, with job-control-signal semantics. */
    TSTP,
    /** (input only) A report with no signal, asked for by REPORT or INTERRUPT. */
    REPORT,
    /** (input only) A handler frame was just set up. */
    HANDLER
}
