package dev.jutrace.decode;

import dev.jutrace.decode.syscalls.Decoder;
import dev.jutrace.decode.syscalls.DecoderTable;
import dev.jutrace.decode.text.ArgWriter;
import dev.jutrace.decode.text.ReturnValue;

/**
 * Prints syscall lines in strace 6.1's default format, in two halves: {@link #entry} at the
 * syscall-entry stop and {@link #exit} at the syscall-exit stop. Between them the caller may
 * print other lines (strace's {@code <unfinished ...>}); the halves share no state, so one
 * printer serves every thread of every tracee.
 *
 * <p>Used from one thread: it owns a scratch buffer for tracee memory, and allocates nothing per
 * call in steady state.
 */
public final class SyscallPrinter {

    private final SyscallTable table;
    private final DecoderTable decoders;
    private final ArgWriter writer;

    public SyscallPrinter(SyscallTable table, DecodeOptions options) {
        this.table = table;
        this.decoders = DecoderTable.of(table);
        this.writer = new ArgWriter(options);
    }

    /**
     * Appends "name(" and every argument decodable at entry, e.g.
     * {@code openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC}. When more arguments follow at
     * exit, it ends with their separator, as strace does: {@code read(3, }. {@code args} holds
     * {@link Decoder#ARGS_LENGTH} longs: the six argument registers, then slots the entry half may
     * fill for the exit half, so the caller passes the same array to both.
     */
    public void entry(int nr, long[] args, Memory memory, StringBuilder out) {
        table.appendName(nr, out);
        out.append('(');
        writer.start(out, memory);
        switch (decoders.get(nr)) {
            case Decoder.AtEntry d -> d.entry().print(args, writer);
            case Decoder.Split d -> {
                d.entry().print(args, writer);
                writer.continuedAtExit();
            }
        }
    }

    /**
     * Appends the arguments only known at exit (e.g. read's buffer), then {@code ) = 3},
     * {@code ) = -1 ENOENT (No such file or directory)}, {@code ) = 0x7f3c2a1b2000} (mmap, brk),
     * {@code ) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)} etc. {@code ret} is the
     * raw rax value. {@code =} is padded to column 40 of the line, counted from the last newline
     * in {@code out}, so {@code out} should hold the line from its start. Returns the index of
     * the closing {@code )}, where the arguments end, for callers that keep arguments and result
     * apart (the JSON engine).
     */
    public int exit(int nr, long[] args, long ret, Memory memory, StringBuilder out) {
        Decoder decoder = decoders.get(nr);
        if (decoder instanceof Decoder.Split split) {
            writer.start(out, memory);
            split.exit().print(args, ret, writer);
        }
        int close = out.length();
        if (decoder.value() != null && !Errno.isError(ret)) {
            ReturnValue.appendEquals(out);
            writer.start(out, memory);
            decoder.value().print(args, ret, writer);
        } else {
            ReturnValue.append(out, ret, decoder.returns());
        }
        if (decoder.annotation() != null && !Errno.isError(ret)) {
            annotate(decoder.annotation(), args, ret, memory, out);
        }
        return close;
    }

    /** Appends {@code  (...)} after the return value, or nothing when the annotation printed nothing. */
    private void annotate(Decoder.Results annotation, long[] args, long ret, Memory memory, StringBuilder out) {
        int mark = out.length();
        out.append(" (");
        writer.start(out, memory);
        annotation.print(args, ret, writer);
        if (writer.topLevelItems() == 0) {
            out.setLength(mark);
        } else {
            out.append(')');
        }
    }

    /**
     * Appends {@code ) = ?}, padded like {@link #exit}: the end of a line whose call never
     * returned, exit_group's, or any call the tracee died in.
     */
    public void noReturn(StringBuilder out) {
        ReturnValue.appendUnknown(out);
    }

    public SyscallTable table() {
        return table;
    }
}
