package dev.jutrace.decode.syscalls;

/**
 * The calls that take no arguments: getpid(2) and the other id getters, setsid(2),
 * sched_yield(2), pause(2), vhangup(2). Claimed here so they count as decoded, not as the
 * generic fallback, which prints the same {@code getpid()}.
 */
final class Getpid {

    private static final Decoder NO_ARGUMENTS = Decoder.atEntry((args, out) -> {});

    private Getpid() {}

    static void register(Registrar r) {
        for (String name : new String[] {"getpid", "gettid", "getppid", "getuid", "geteuid", "getgid", "getegid", "getpgrp",
                "setsid", "sched_yield", "pause", "vhangup"}) {
            r.add(name, NO_ARGUMENTS);
        }
    }
}
