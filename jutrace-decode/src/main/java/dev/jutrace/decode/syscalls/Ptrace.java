package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.xlat.Xlat;

/**
 * ptrace(2). The request decides how many of pid, addr and data print and what data is: a
 * signal to deliver, options, or a word, a message or a siginfo_t the kernel stores there, which
 * print at exit.
 */
final class Ptrace {

    private static final Xlat REQUESTS = Xlat.load("ptrace_requests");
    private static final Xlat OPTIONS = Xlat.load("ptrace_options");

    private static final long TRACEME = request("PTRACE_TRACEME"), PEEKTEXT = request("PTRACE_PEEKTEXT"),
            PEEKDATA = request("PTRACE_PEEKDATA"), PEEKUSER = request("PTRACE_PEEKUSER"), CONT = request("PTRACE_CONT"),
            KILL = request("PTRACE_KILL"), SINGLESTEP = request("PTRACE_SINGLESTEP"), ATTACH = request("PTRACE_ATTACH"),
            DETACH = request("PTRACE_DETACH"), SYSCALL = request("PTRACE_SYSCALL"), SETOPTIONS = request("PTRACE_SETOPTIONS"),
            GETEVENTMSG = request("PTRACE_GETEVENTMSG"), GETSIGINFO = request("PTRACE_GETSIGINFO"),
            SETSIGINFO = request("PTRACE_SETSIGINFO"), SEIZE = request("PTRACE_SEIZE"), INTERRUPT = request("PTRACE_INTERRUPT"),
            LISTEN = request("PTRACE_LISTEN"), SYSEMU = request("PTRACE_SYSEMU"),
            SYSEMU_SINGLESTEP = request("PTRACE_SYSEMU_SINGLESTEP"), SINGLEBLOCK = request("PTRACE_SINGLEBLOCK");

    private Ptrace() {}

    private static long request(String name) {
        return REQUESTS.value(name);
    }

    static void register(Registrar r) {
        r.add("ptrace", Decoder.split(Ptrace::entry, Ptrace::exit));
    }

    private static boolean filledAtExit(long request) {
        return request == PEEKTEXT || request == PEEKDATA || request == PEEKUSER || request == GETEVENTMSG
                || request == GETSIGINFO;
    }

    private static boolean resumes(long request) {
        return request == CONT || request == SYSCALL || request == SINGLESTEP || request == DETACH || request == SYSEMU
                || request == SYSEMU_SINGLESTEP || request == SINGLEBLOCK;
    }

    /** ptrace(enum __ptrace_request request, pid_t pid, void *addr, void *data) */
    private static void entry(long[] args, ArgWriter out) {
        long request = args[0] & 0xffff_ffffL, pid = args[1], addr = args[2], data = args[3];
        out.value(REQUESTS, request);
        if (filledAtExit(request)) {
            out.int32(pid);
            out.pointer(addr);
            return;
        }
        out.completeAtEntry();
        if (request == TRACEME) {
            return;
        }
        out.int32(pid);
        if (request == ATTACH || request == KILL || request == INTERRUPT || request == LISTEN) {
            return;
        }
        out.pointer(addr);
        if (resumes(request)) {
            out.signal((int) data);
        } else if (request == SEIZE || request == SETOPTIONS) {
            out.flags(OPTIONS, data);
        } else if (request == SETSIGINFO) {
            out.siginfo(data);
        } else {
            out.pointer(data);
        }
    }

    private static void exit(long[] args, long ret, ArgWriter out) {
        long request = args[0] & 0xffff_ffffL, data = args[3];
        if (!filledAtExit(request)) {
            return;
        }
        if (Errno.isError(ret) || data == 0) {
            out.pointer(data);
        } else if (request == GETSIGINFO) {
            out.siginfo(data);
        } else if (out.fetch(data, 8)) {
            long word = out.fetchedLong(0);
            out.beginArray();
            if (request == GETEVENTMSG) {
                out.unsigned(word);
            } else {
                out.pointer(word);
            }
            out.endArray();
        } else {
            out.pointer(data);
        }
    }
}
