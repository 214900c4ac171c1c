package dev.jutrace.decode.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jutrace.decode.DecodeOptions;
import dev.jutrace.decode.FakeMemory;
import dev.jutrace.decode.xlat.Xlat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Expected text is what strace 6.1 printed for the same arguments and memory. */
class ArgWriterTest {

    private final FakeMemory memory = new FakeMemory();

    private String print(Consumer<ArgWriter> values) {
        return print(DecodeOptions.DEFAULT, values);
    }

    private String print(DecodeOptions options, Consumer<ArgWriter> values) {
        StringBuilder out = new StringBuilder();
        ArgWriter writer = new ArgWriter(options);
        writer.start(out, memory);
        values.accept(writer);
        return out.toString();
    }

    @Test
    void valuesAreSeparatedByCommas() {
        assertThat(print(w -> {
            w.fd(3);
            w.unsigned(832);
            w.signed(-1);
        })).isEqualTo("3, 832, -1");
    }

    @Test
    void registersHoldMoreThanAnInt() {
        assertThat(print(w -> w.fd(0xffffffff00000063L))).isEqualTo("99");
        assertThat(print(w -> w.fd(0xffffffffL))).isEqualTo("-1");
        assertThat(print(w -> w.dirfd(0xffffff9cL))).isEqualTo("AT_FDCWD");
        assertThat(print(w -> w.dirfd(0x1ffffff9cL))).isEqualTo("AT_FDCWD");
        assertThat(print(w -> w.dirfd(5))).isEqualTo("5");
        assertThat(print(w -> w.uint32(-1))).isEqualTo("4294967295");
    }

    @Test
    void pointers() {
        assertThat(print(w -> w.pointer(0))).isEqualTo("NULL");
        assertThat(print(w -> w.pointer(0x7f761ac69c40L))).isEqualTo("0x7f761ac69c40");
        assertThat(print(w -> w.hex(0))).isEqualTo("0");
    }

    @Test
    void paths() {
        long etc = memory.putString(0x1000, "/etc/passwd");
        long noNul = memory.putRaw(0x2ffd, "abc");
        assertThat(print(w -> w.path(etc))).isEqualTo("\"/etc/passwd\"");
        assertThat(print(w -> w.path(0))).isEqualTo("NULL");
        assertThat(print(w -> w.path(1))).isEqualTo("0x1");
        assertThat(print(w -> w.path(noNul))).isEqualTo("0x2ffd");
        assertThat(print(DecodeOptions.DEFAULT.withStringLimit(5), w -> w.path(etc))).isEqualTo("\"/etc/passwd\"");
        assertThat(print(DecodeOptions.DEFAULT.withHexStrings(true), w -> w.path(memory.putString(0x4000, "/x/\n\u00ff"))))
                .isEqualTo("\"\\x2f\\x78\\x2f\\x0a\\xff\"");
    }

    @Test
    void pathsStopAtPathMax() {
        String longest = "/" + "a".repeat(4094);
        long exact = memory.putString(0x10000, longest);
        long over = memory.putString(0x20000, longest + "a");
        assertThat(print(w -> w.path(exact))).isEqualTo("\"" + longest + "\"");
        assertThat(print(w -> w.path(over))).isEqualTo("\"" + longest + "\"...");
    }

    @Test
    void stringsStopAtTheLimit() {
        String s32 = "01234567890123456789012345678901";
        long exact = memory.putString(0x1000, s32);
        long longer = memory.putString(0x2000, s32 + "2");
        assertThat(print(w -> w.string(exact))).isEqualTo("\"" + s32 + "\"");
        assertThat(print(w -> w.string(longer))).isEqualTo("\"" + s32 + "\"...");
        assertThat(print(DecodeOptions.DEFAULT.withStringLimit(0), w -> w.string(longer))).isEqualTo("\"\"...");
    }

    @Test
    void longLimitsReadAcrossPages() {
        long huge = memory.putString(0x1000, "short");
        assertThat(print(DecodeOptions.DEFAULT.withStringLimit(Integer.MAX_VALUE - 1), w -> w.string(huge)))
                .isEqualTo("\"short\"");
        String s5000 = "b".repeat(5000);
        long five = memory.putString(0x10000, s5000);
        assertThat(print(DecodeOptions.DEFAULT.withStringLimit(4500), w -> w.string(five)))
                .isEqualTo("\"" + s5000.substring(0, 4500) + "\"...");
        assertThat(print(DecodeOptions.DEFAULT.withStringLimit(6000), w -> w.string(five)))
                .isEqualTo("\"" + s5000 + "\"");
    }

    @Test
    void aStringRunningIntoUnmappedMemory() {
        // 32 readable bytes and no NUL cannot tell a 32-byte string from a longer one
        String s40 = "0123456789012345678901234567890123456789";
        long region = memory.putRaw(0x3000, s40);
        assertThat(print(w -> w.string(region + 8))).isEqualTo("0x3008");
        assertThat(print(w -> w.string(region + 7))).isEqualTo("\"78901234567890123456789012345678\"...");
        assertThat(print(w -> w.string(region))).isEqualTo("\"01234567890123456789012345678901\"...");
        assertThat(print(w -> w.path(region))).isEqualTo("0x3000");
    }

    @Test
    void buffers() {
        long hello = memory.putRaw(0x1000, "hello world, this is more than thirty-two bytes long\n");
        long abc = memory.putRaw(0x2ffd, "abc");
        assertThat(print(w -> w.buffer(hello, 5))).isEqualTo("\"hello\"");
        assertThat(print(w -> w.buffer(hello, 53))).isEqualTo("\"hello world, this is more than t\"...");
        assertThat(print(w -> w.buffer(hello, 0))).isEqualTo("\"\"");
        assertThat(print(w -> w.buffer(hello, -1))).isEqualTo("\"hello world, this is more than t\"...");
        assertThat(print(w -> w.buffer(0, 10))).isEqualTo("NULL");
        assertThat(print(w -> w.buffer(0, 0))).isEqualTo("NULL");
        assertThat(print(w -> w.buffer(1, 10))).isEqualTo("0x1");
        assertThat(print(w -> w.buffer(abc, 3))).isEqualTo("\"abc\"");
        assertThat(print(w -> w.buffer(abc, 10))).isEqualTo("0x2ffd");
        assertThat(print(DecodeOptions.DEFAULT.withStringLimit(5), w -> w.buffer(abc, 3))).isEqualTo("\"abc\"");
        assertThat(print(DecodeOptions.DEFAULT.withStringLimit(5), w -> w.buffer(hello, 6))).isEqualTo("\"hello\"...");
    }

    @Test
    void flagsFromATable() {
        Xlat prot = Xlat.load("mmap_prot");
        assertThat(print(w -> w.flags(prot, 0))).isEqualTo("PROT_NONE");
        assertThat(print(w -> w.flags(prot, 3))).isEqualTo("PROT_READ|PROT_WRITE");
        assertThat(print(w -> w.flags(prot, 0x10))).isEqualTo("0x10 /* PROT_??? */");
        assertThat(print(w -> w.flags(prot, 0x17))).isEqualTo("PROT_READ|PROT_WRITE|PROT_EXEC|0x10");
        assertThat(print(w -> w.flags(prot, 0xffffffffL)))
                .isEqualTo("PROT_READ|PROT_WRITE|PROT_EXEC|PROT_SEM|PROT_GROWSDOWN|PROT_GROWSUP|0xfcfffff0");
        assertThat(print(w -> w.flags(Xlat.load("open_flags"), 0))).isEqualTo("0");
    }

    @Test
    void valuesFromATable() {
        Xlat arch = Xlat.load("audit_arch");
        assertThat(print(w -> w.value(arch, 0xc000003eL))).isEqualTo("AUDIT_ARCH_X86_64");
        assertThat(print(w -> w.value(arch, 0x1234))).isEqualTo("0x1234 /* AUDIT_ARCH_??? */");
        assertThat(print(w -> w.value(arch, 0))).isEqualTo("0 /* AUDIT_ARCH_??? */");
    }

    @Test
    void structsArraysAndComments() {
        assertThat(print(w -> {
            w.fd(1);
            w.beginStruct();
            w.field("a");
            w.signed(1);
            w.field("b");
            w.beginArray();
            w.signed(2);
            w.signed(3);
            w.ellipsis();
            w.endArray();
            w.endStruct();
            w.pointer(0x10);
            w.comment(2, "vars");
        })).isEqualTo("1, {a=1, b=[2, 3, ...]}, 0x10 /* 2 vars */");
        assertThat(print(w -> {
            w.beginArray();
            w.endArray();
        })).isEqualTo("[]");
    }

    @Test
    void theEntryHalfEndsWithTheSeparatorOfWhatFollows() {
        assertThat(print(w -> {
            w.fd(3);
            w.continuedAtExit();
        })).isEqualTo("3, ");
        assertThat(print(ArgWriter::continuedAtExit)).isEmpty();
    }

    @Test
    void ticksAsSeconds() {
        assertThat(print(w -> {
            w.unsigned(12);
            w.commentTicks(12);
        })).isEqualTo("12 /* 0.12 s */");
        assertThat(print(w -> w.commentTicks(-1))).isEqualTo(" /* 184467440737095516.15 s */");
        assertThat(print(w -> w.commentTicks(100))).isEqualTo(" /* 1.00 s */");
    }

    /** C's %#08x, as strace prints nl_groups: the width counts the 0x. */
    @Test
    void paddedHex() {
        assertThat(print(w -> w.hexPadded(5, 6))).isEqualTo("0x000005");
        assertThat(print(w -> w.hexPadded(0, 6))).isEqualTo("0x000000");
        assertThat(print(w -> w.hexPadded(0x12345678, 6))).isEqualTo("0x12345678");
    }

    @Test
    void valuesTheKernelRewrites() {
        assertThat(print(w -> {
            w.beginArray();
            w.inOut(128, 16);
            w.endArray();
            w.field("msg_namelen");
            w.inOut(0, 0);
        })).isEqualTo("[128 => 16], msg_namelen=0");
        assertThat(print(w -> w.inOut(0xffffffffL, 4))).isEqualTo("-1 => 4");
    }

    @Test
    void labelsAndNetworkOrder() {
        assertThat(print(w -> {
            w.symbol("Timeout");
            w.label("left");
            w.beginStruct();
            w.field("tv_sec");
            w.signed(0);
            w.endStruct();
            w.wrapped("htons", 8080);
        })).isEqualTo("Timeout, left {tv_sec=0}, htons(8080)");
    }

    /** select(2)'s sets: bits of whole longs, NULL, or the address when unreadable; an empty set leaves its label out. */
    @Test
    void descriptorSets() {
        long set = memory.put(0x1000, new byte[] {0x18, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0});
        long empty = memory.put(0x2000, new byte[8]);
        assertThat(print(w -> w.fdSet(set, 70))).isEqualTo("[3 4 65]");
        assertThat(print(w -> w.fdSet(set, 4))).isEqualTo("[3]");
        assertThat(print(w -> w.fdSet(0, 4))).isEqualTo("NULL");
        assertThat(print(w -> w.fdSet(set, -1))).isEqualTo("0x1000");
        assertThat(print(w -> w.fdSet(set, 200))).isEqualTo("0x1000");
        assertThat(print(w -> {
            w.labelledFdSet("in", set, 5);
            w.labelledFdSet("out", empty, 5);
            w.labelledFdSet("except", 0, 5);
        })).isEqualTo("in [3 4]");
    }

    @Test
    void flagsFollowedByOtherParts() {
        Xlat sock = Xlat.load("socket_flags");
        assertThat(print(w -> {
            w.beginFlags();
            w.flagValue(Xlat.load("socket_types"), 1);
            w.flagBitsCommented(sock, 0x100);
        })).isEqualTo("SOCK_STREAM|0x100 /* SOCK_??? */");
        assertThat(print(w -> {
            w.beginFlags();
            w.flagBitsPlain(Xlat.load("shmget_flags"), 0x10000);
            w.flagMode(0777);
        })).isEqualTo("0x10000|0777");
        assertThat(print(w -> {
            w.beginFlags();
            w.flagShiftedValue(Xlat.load("futex_wake_ops"), 7, 28);
            w.flagShiftedHex(0, 12);
            w.flagHex(0x800);
        })).isEqualTo("0x7<<28 /* FUTEX_OP_??? */|0<<12|0x800");
    }
}
