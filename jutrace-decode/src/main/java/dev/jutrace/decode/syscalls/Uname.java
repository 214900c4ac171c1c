package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.Errno;
import dev.jutrace.decode.text.ArgWriter;

/**
 * uname(2), sysinfo(2): structs the kernel fills, printed at exit. strace abbreviates struct
 * utsname to its first two fields by default.
 */
final class Uname {

    /** struct utsname, linux/utsname.h's new_utsname: six 65-byte strings. */
    private static final int FIELD = 65, UTSNAME_SIZE = 6 * FIELD;
    /** x86_64 struct sysinfo, linux/sysinfo.h: 112 bytes. */
    private static final int SYSINFO_SIZE = 112;

    private Uname() {}

    static void register(Registrar r) {
        r.add("uname", Decoder.split((args, out) -> {}, Uname::uname));
        r.add("sysinfo", Decoder.split((args, out) -> {}, Uname::sysinfo));
    }

    /** uname(struct utsname *buf) */
    private static void uname(long[] args, long ret, ArgWriter out) {
        long buf = args[0];
        if (Errno.isError(ret) || buf == 0 || !out.fetch(buf, UTSNAME_SIZE)) {
            out.pointer(buf);
            return;
        }
        out.beginStruct();
        out.field("sysname");
        out.fetchedString(0, FIELD);
        out.field("nodename");
        out.fetchedString(FIELD, FIELD);
        out.ellipsis();
        out.endStruct();
    }

    /** sysinfo(struct sysinfo *info) */
    private static void sysinfo(long[] args, long ret, ArgWriter out) {
        long info = args[0];
        if (Errno.isError(ret) || info == 0 || !out.fetch(info, SYSINFO_SIZE)) {
            out.pointer(info);
            return;
        }
        long uptime = out.fetchedLong(0), load1 = out.fetchedLong(8), load5 = out.fetchedLong(16), load15 = out.fetchedLong(24);
        long totalram = out.fetchedLong(32), freeram = out.fetchedLong(40), sharedram = out.fetchedLong(48);
        long bufferram = out.fetchedLong(56), totalswap = out.fetchedLong(64), freeswap = out.fetchedLong(72);
        int procs = out.fetchedUint16(80);
        long totalhigh = out.fetchedLong(88), freehigh = out.fetchedLong(96), memUnit = out.fetchedUint32(104);
        out.beginStruct();
        out.field("uptime");
        out.signed(uptime);
        out.field("loads");
        out.beginArray();
        out.unsigned(load1);
        out.unsigned(load5);
        out.unsigned(load15);
        out.endArray();
        field("totalram", totalram, out);
        field("freeram", freeram, out);
        field("sharedram", sharedram, out);
        field("bufferram", bufferram, out);
        field("totalswap", totalswap, out);
        field("freeswap", freeswap, out);
        out.field("procs");
        out.int32(procs);
        field("totalhigh", totalhigh, out);
        field("freehigh", freehigh, out);
        out.field("mem_unit");
        out.uint32(memUnit);
        out.endStruct();
    }

    private static void field(String name, long value, ArgWriter out) {
        out.field(name);
        out.unsigned(value);
    }
}
