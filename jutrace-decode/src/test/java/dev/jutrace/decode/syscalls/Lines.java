package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.DecodeOptions;
import dev.jutrace.decode.FakeMemory;
import dev.jutrace.decode.SyscallPrinter;
import dev.jutrace.decode.SyscallTable;
import java.util.Arrays;

/** Prints whole syscall lines, entry half then exit half, against a fake tracee memory. */
final class Lines {

    final FakeMemory memory = new FakeMemory();
    private final SyscallTable table = SyscallTable.x86_64();
    private SyscallPrinter printer;

    Lines() {
        this(DecodeOptions.DEFAULT);
    }

    Lines(DecodeOptions options) {
        printer = new SyscallPrinter(table, options);
    }

    /** The line strace prints for syscall {@code name} with these argument registers returning {@code ret}. */
    String line(String name, long ret, long... args) {
        return line(table.number(name), ret, args);
    }

    String line(int nr, long ret, long... args) {
        long[] regs = Arrays.copyOf(args, Decoder.ARGS_LENGTH);
        StringBuilder out = new StringBuilder();
        printer.entry(nr, regs, memory, out);
        printer.exit(nr, regs, ret, memory, out);
        return out.toString();
    }

    /**
     * The line of a call during which the kernel changes memory: {@code kernel} runs between
     * the entry and exit halves, as the kernel fills accept's address and length.
     */
    String line(String name, long ret, Runnable kernel, long... args) {
        int nr = table.number(name);
        long[] regs = Arrays.copyOf(args, Decoder.ARGS_LENGTH);
        StringBuilder out = new StringBuilder();
        printer.entry(nr, regs, memory, out);
        kernel.run();
        printer.exit(nr, regs, ret, memory, out);
        return out.toString();
    }

    /** What the entry stop alone prints, as strace shows before {@code <unfinished ...>}. */
    String entry(String name, long... args) {
        StringBuilder out = new StringBuilder();
        printer.entry(table.number(name), Arrays.copyOf(args, Decoder.ARGS_LENGTH), memory, out);
        return out.toString();
    }

    /** What the exit stop alone appends after strace's {@code <... name resumed>}. */
    String resumed(String name, long ret, long... args) {
        StringBuilder out = new StringBuilder("<... " + name + " resumed>");
        printer.exit(table.number(name), Arrays.copyOf(args, Decoder.ARGS_LENGTH), ret, memory, out);
        return out.toString();
    }

    /** A line that never returned, as exit_group's. */
    String noReturn(String name, long... args) {
        StringBuilder out = new StringBuilder();
        printer.entry(table.number(name), Arrays.copyOf(args, Decoder.ARGS_LENGTH), memory, out);
        printer.noReturn(out);
        return out.toString();
    }
}
