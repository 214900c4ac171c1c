package dev.jutrace.decode.text;

import dev.jutrace.decode.DecodeOptions;
import dev.jutrace.decode.Errno;
import dev.jutrace.decode.FdNames;
import dev.jutrace.decode.Memory;
import dev.jutrace.decode.SigInfo;
import dev.jutrace.decode.Signals;
import dev.jutrace.decode.xlat.Xlat;
import java.util.Arrays;

/**
 * What decoders print into: they say what each argument is (a file descriptor, a path, flags
 * from a table, a struct with fields) and this class, the one place that knows strace's
 * punctuation, writes the text. Separators, brackets and quoting never appear in a decoder.
 *
 * <p>Values at the same level are separated by {@code ", "}; {@link #field} names the next value
 * of a struct. Memory is read here, lazily, into one scratch buffer owned by the writer.
 *
 * <p>One writer serves one thread. It allocates nothing per call once its scratch buffer has
 * grown to the largest string it has been asked to read.
 */
public final class ArgWriter {

    /** The longest path the kernel accepts, less its NUL: strace prints paths up to this, ignoring -s. */
    public static final int PATH_LIMIT = 4095;

    private static final Xlat DIRFD = Xlat.load("dirfd");
    private static final int MAX_DEPTH = 16;
    /** Strings are read a page at a time, so a large -s costs nothing for short strings. */
    private static final int CHUNK = 4096;
    private static final long INT_MASK = 0xffff_ffffL;
    /**
     * The most descriptors of a select(2) set read and shown: a tracee's nfds can claim two
     * billion, and the scratch buffer would grow to match.
     */
    private static final int FD_SET_LIMIT = 1 << 16;
    /** Signal names without {@code SIG}, as signal sets print them: {@code CHLD}, {@code RT_1}. */
    private static final String[] SET_NAMES = new String[Signals.SIGRTMAX + 1];
    /**
     * strace 6.1 prints a 64-signal set as its complement once this many signals are in it: 41
     * print as a list, 42 as {@code ~[...]}.
     */
    private static final int COMPLEMENT_FROM = 42;

    static {
        for (int n = 1; n <= Signals.SIGRTMAX; n++) {
            SET_NAMES[n] = Signals.name(n).substring("SIG".length());
        }
    }

    private final DecodeOptions options;
    /** The options with -xx, for buffers that always print in hex. */
    private final DecodeOptions hexOptions;
    private final boolean[] first = new boolean[MAX_DEPTH];
    private byte[] scratch;
    private StringBuilder out;
    private Memory memory;
    private int depth;
    private int topLevelItems;
    private boolean afterField;
    private boolean completeAtEntry;
    private int flagsPrinted;
    /** Names printed from tables so far: whether -X verbose has a name to put in a comment. */
    private int namesPrinted;
    /** -X raw or verbose. */
    private final boolean rawStyle;
    private final boolean verboseStyle;
    /** Where a flags word given whole to {@link #beginFlags(long)} starts in the line, or -1. */
    private int wordStart = -1;
    private long word;
    private int wordNames;
    private boolean wordOctal;
    /** The number that -X verbose inserts before a comment, built here so none is allocated. */
    private final StringBuilder number = new StringBuilder(24);

    public ArgWriter(DecodeOptions options) {
        this.options = options;
        this.hexOptions = options.withAllHex(true);
        this.rawStyle = options.constStyle() == DecodeOptions.ConstStyle.RAW;
        this.verboseStyle = options.constStyle() == DecodeOptions.ConstStyle.VERBOSE;
        this.scratch = new byte[0]; // grows to the longest read asked of it, then stays
    }

    public DecodeOptions options() {
        return options;
    }

    /** Starts a fresh argument list appending to {@code out}, reading from {@code memory}. */
    public void start(StringBuilder out, Memory memory) {
        this.out = out;
        this.memory = memory;
        this.depth = 0;
        this.first[0] = true;
        this.topLevelItems = 0;
        this.afterField = false;
        this.completeAtEntry = false;
    }

    /** How many top-level values have been printed since {@link #start}. */
    public int topLevelItems() {
        return topLevelItems;
    }

    /**
     * Ends the part of an argument list printed at syscall entry when the rest follows at exit;
     * strace leaves the separator in place, so an interrupted call shows {@code read(3, }.
     */
    public void continuedAtExit() {
        if (topLevelItems > 0 && !completeAtEntry) {
            out.append(", ");
        }
    }

    /**
     * Ends the entry half of a split call without the separator {@link #continuedAtExit} adds:
     * the call printed everything at entry (fcntl, for every command but the ones that read a
     * struct back), or its exit half goes on with {@link #updated} or {@link #resumeAtExit}.
     */
    public void completeAtEntry() {
        completeAtEntry = true;
    }

    /**
     * Starts an exit half that continues the entry half's list: the next value gets its
     * separator, as if the two halves had been printed in one go.
     */
    public void resumeAtExit() {
        first[depth] = false;
    }

    /**
     * What the kernel changed a value printed at entry to: <code> => </code> and the next value,
     * as sendfile's offset prints, {@code [2] => [7]}.
     */
    public void updated() {
        out.append(" => ");
        first[depth] = true;
    }

    // ---- numbers -------------------------------------------------------------------------

    /** A signed decimal, C's {@code long}. */
    public void signed(long value) {
        item();
        out.append(value);
    }

    /** An unsigned decimal, C's {@code unsigned long} or {@code size_t}. */
    public void unsigned(long value) {
        item();
        Numbers.appendUnsigned(out, value);
    }

    /** The low 32 bits as C's {@code int}: registers hold garbage above an int argument. */
    public void int32(long value) {
        item();
        out.append((int) value);
    }

    /** The low 32 bits as C's {@code unsigned int}. */
    public void uint32(long value) {
        item();
        out.append(value & INT_MASK);
    }

    /**
     * An unsigned size that strace shortens when it is a multiple of 1024 above 1024:
     * {@code 8192*1024}, {@code 1024}, {@code 1000}.
     */
    public void kibibytes(long value) {
        item();
        if (Long.compareUnsigned(value, 1024) > 0 && (value & 1023) == 0 && !rawStyle) {
            // -X verbose keeps the short form as a comment: 8388608 /* 8192*1024 */.
            if (verboseStyle) {
                Numbers.appendUnsigned(out, value);
                out.append(" /* ");
            }
            Numbers.appendUnsigned(out, value >>> 10);
            out.append("*1024");
            if (verboseStyle) {
                out.append(" */");
            }
        } else {
            Numbers.appendUnsigned(out, value);
        }
    }

    /** Hex, {@code 0} for zero: how strace prints a number it cannot decode. */
    public void hex(long value) {
        item();
        Numbers.appendHex(out, value);
    }

    /** An address: {@code NULL} or hex. */
    public void pointer(long address) {
        item();
        appendPointer(address);
    }

    /** Octal with a leading 0 and at least three digits, strace's form for modes: {@code 0644}, {@code 000}. */
    public void mode(long value) {
        item();
        Numbers.appendMode(out, value);
    }

    /** A file descriptor: C's {@code int}, then {@code </path>} under -y. */
    public void fd(long value) {
        int32(value);
        fdDetails((int) value);
    }

    /** -y's {@code <...>} after a descriptor, when the memory knows the tracee's descriptors. */
    private void fdDetails(int fd) {
        if (options.decodeFds() > 0 && memory instanceof FdNames names) {
            names.appendFd(fd, out);
        }
    }

    /** A directory descriptor of the *at() calls: {@code AT_FDCWD} or an int. */
    public void dirfd(long value) {
        String name = DIRFD.name((int) value);
        if (name != null && verboseStyle) {
            // strace prints AT_FDCWD's number in decimal, as a descriptor: -100 /* AT_FDCWD */.
            fd(value);
            out.append(" /* ").append(name).append(" */");
        } else if (name != null && !rawStyle) {
            symbol(name);
            fdDetails((int) value);
        } else {
            fd(value);
        }
    }

    /** A number in the call that converts it to network order: {@code htons(8080)}, {@code htonl(5)}. */
    public void wrapped(String function, long value) {
        item();
        out.append(function).append('(');
        Numbers.appendUnsigned(out, value);
        out.append(')');
    }

    /**
     * A value from {@code table} inside the call that converts it to network order:
     * {@code htons(ETH_P_ALL)}, {@code htons(0x1234 /* ETH_P_??? *}{@code /)}.
     */
    public void wrappedValue(String function, Xlat table, long value) {
        item();
        out.append(function).append('(');
        appendValue(table, value);
        out.append(')');
    }

    /** Hex with at least {@code digits} digits after the {@code 0x}, as C's {@code %#0Nx}: {@code 0x000005}. */
    public void hexPadded(long value, int digits) {
        item();
        out.append("0x");
        for (int shown = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 3) / 4); shown < digits; shown++) {
            out.append('0');
        }
        Numbers.appendHexDigits(out, value);
    }

    /**
     * A value the kernel may have rewritten, as C's {@code int}: {@code 128 => 16}, or just
     * {@code 16} when it came back unchanged.
     */
    public void inOut(long before, long after) {
        item();
        out.append((int) before);
        if ((int) before != (int) after) {
            out.append(" => ").append((int) after);
        }
    }

    /**
     * A set of descriptors as select(2) takes it, {@code nfds} bits at {@code address}:
     * {@code [3 4]}, {@code NULL}, or the address when it cannot be read. The kernel reads whole
     * longs, and so does this.
     */
    public void fdSet(long address, int nfds) {
        item();
        nfds = Math.min(nfds, FD_SET_LIMIT);
        int bytes = (int) ((nfds + 63L) / 64 * 8);
        if (address == 0 || nfds < 0 || !fetch(address, bytes)) {
            appendPointer(address);
            return;
        }
        out.append('[');
        boolean any = false;
        for (int fd = 0; fd < nfds; fd++) {
            if ((scratch[fd >>> 3] & (1 << (fd & 7))) != 0) {
                if (any) {
                    out.append(' ');
                }
                out.append(fd);
                any = true;
            }
        }
        out.append(']');
    }

    /**
     * A CPU mask of {@code bytes} bytes, sched_setaffinity(2)'s cpu_set_t, as the CPUs in it:
     * {@code [0 1]}, {@code NULL}, or the address when it cannot be read.
     */
    public void cpuSet(long address, int bytes) {
        item();
        if (address == 0 || bytes < 0 || !fetch(address, bytes)) {
            appendPointer(address);
            return;
        }
        out.append('[');
        boolean any = false;
        for (int cpu = 0; cpu < bytes * 8; cpu++) {
            if ((scratch[cpu >>> 3] & (1 << (cpu & 7))) != 0) {
                if (any) {
                    out.append(' ');
                }
                out.append(cpu);
                any = true;
            }
        }
        out.append(']');
    }

    /**
     * A descriptor set select(2) returns, after a label: {@code in [3 4]}. Nothing prints when
     * the set is NULL, unreadable or empty, as strace leaves such sets out of its note.
     */
    public void labelledFdSet(String label, long address, int nfds) {
        nfds = Math.min(nfds, FD_SET_LIMIT);
        int bytes = (int) ((nfds + 63L) / 64 * 8);
        if (address == 0 || nfds <= 0 || !fetch(address, bytes)) {
            return;
        }
        for (int fd = 0; fd < nfds; fd++) {
            if ((scratch[fd >>> 3] & (1 << (fd & 7))) != 0) {
                label(label);
                fdSet(address, nfds);
                return;
            }
        }
    }

    /** A siginfo_t in tracee memory: its fields, {@code NULL}, or its address when unreadable. */
    public void siginfo(long address) {
        if (address == 0 || !fetch(address, SigInfo.SIZE)) {
            pointer(address);
        } else {
            SigInfo.print(scratch, this);
        }
    }

    /** A signal number: {@code SIGCHLD}, or the number when it has no name. */
    public void signal(int signo) {
        String name = Signals.name(signo);
        if (name != null) {
            symbol(name);
        } else {
            int32(signo);
        }
    }

    /**
     * A 64-signal set, bit n-1 for signal n: {@code [INT TERM]}, or, when most signals are in it,
     * the ones that are not: {@code ~[RTMIN RT_1]}, {@code ~[]}.
     */
    public void sigset(long bits) {
        item();
        long shown = bits;
        if (Long.bitCount(bits) >= COMPLEMENT_FROM) {
            out.append('~');
            shown = ~bits;
        }
        out.append('[');
        boolean any = false;
        for (int n = 1; n <= Signals.SIGRTMAX; n++) {
            if ((shown & (1L << (n - 1))) != 0) {
                if (any) {
                    out.append(' ');
                }
                out.append(SET_NAMES[n]);
                any = true;
            }
        }
        out.append(']');
    }

    /**
     * A wait status as the C test that decodes it: {@code WIFEXITED(s) && WEXITSTATUS(s) == 3}.
     * A {@code detail} test, such as {@code WCOREDUMP}, follows when not null.
     */
    public void waitCondition(String test, String field, int value, String detail) {
        item();
        appendWaitTest(test, field).append(value);
        appendWaitDetail(detail);
    }

    /** A wait status whose value is a signal: {@code WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}. */
    public void waitSignalCondition(String test, String field, int signo, String detail) {
        item();
        appendWaitTest(test, field);
        String name = Signals.name(signo);
        if (name != null) {
            out.append(name);
        } else {
            out.append(signo);
        }
        appendWaitDetail(detail);
    }

    private StringBuilder appendWaitTest(String test, String field) {
        return out.append(test).append("(s) && ").append(field).append("(s) == ");
    }

    private void appendWaitDetail(String detail) {
        if (detail != null) {
            out.append(" && ").append(detail).append("(s)");
        }
    }

    /** An errno value: {@code ENOENT}, or the number, unsigned, when it has no name. */
    public void errno(int errno) {
        String name = Errno.name(errno);
        if (name != null) {
            symbol(name);
        } else {
            uint32(errno);
        }
    }

    /**
     * An unsigned number that strace names, as {@code RLIM64_INFINITY}: the name, or with -X
     * raw the number, or with verbose both, {@code 18446744073709551615 /* RLIM64_INFINITY *}{@code /}.
     */
    public void unsignedNamed(long value, String name) {
        item();
        if (rawStyle || verboseStyle) {
            Numbers.appendUnsigned(out, value);
        }
        if (verboseStyle) {
            out.append(" /* ").append(name).append(" */");
        } else if (!rawStyle) {
            out.append(name);
        }
    }

    /** A bare identifier, such as {@code AT_FDCWD} or {@code __NR_getpid}. */
    public void symbol(String name) {
        item();
        out.append(name);
    }

    // ---- tables --------------------------------------------------------------------------

    /** One value from {@code table}: its name, or hex and {@code /* X_??? *}{@code /}. */
    public void value(Xlat table, long value) {
        item();
        int from = out.length();
        int names = namesPrinted;
        appendValue(table, value);
        restyle(from, names, value, false);
    }

    /**
     * Flags from {@code table}: the names of the bits set, joined by {@code |}, then any bits no
     * entry names in hex. Zero prints as the table's name for 0, or {@code 0}.
     */
    public void flags(Xlat table, long value) {
        beginFlags(value);
        flagBits(table, value);
        endFlags(table);
    }

    /** Starts a flags value built from several parts, for arguments that pack fields with bits. */
    public void beginFlags() {
        item();
        flagsPrinted = 0;
        wordStart = -1;
    }

    /**
     * Like {@link #beginFlags()}, for a word that strace's -X raw and verbose print whole,
     * {@code 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS *}{@code /}, rather than part by part as socket's
     * type prints, {@code 0x1|0x80100}.
     */
    public void beginFlags(long word) {
        beginFlags();
        if (rawStyle || verboseStyle) {
            wordStart = out.length();
            this.word = word;
            wordNames = namesPrinted;
            wordOctal = false;
        }
    }

    /**
     * Like {@link #beginFlags(long)}, for a mode word (the file type and permissions) that -X raw
     * and verbose print in octal, as strace does: {@code 020666 /* S_IFCHR|0666 *}{@code /}.
     */
    public void beginModeFlags(long word) {
        beginFlags(word);
        wordOctal = true;
    }

    /** A field packed into the flags that holds a value rather than bits (open's access mode, mmap's type). */
    public void flagValue(Xlat table, long value) {
        flagSeparator();
        int from = out.length();
        int names = namesPrinted;
        appendValue(table, value);
        restylePart(from, names, value);
    }

    /**
     * The bits of {@code value} that {@code table} names, in table order, then what is left in
     * hex. Hex alone, with nothing named before it, gets {@code /* X_??? *}{@code /}.
     */
    public void flagBits(Xlat table, long value) {
        appendFlagBits(table, value, 0);
    }

    /**
     * Like {@link #flagBits}, but the hex remainder gets {@code /* X_??? *}{@code /} whenever
     * {@code table} itself named no bit, even after other parts: socket's type prints as
     * {@code SOCK_STREAM|0x100 /* SOCK_??? *}{@code /} and {@code SOCK_STREAM|SOCK_CLOEXEC|0x100}.
     */
    public void flagBitsCommented(Xlat table, long value) {
        appendFlagBits(table, value, flagsPrinted);
    }

    /**
     * Like {@link #flagBits}, but the hex remainder never gets a comment, for flags that another
     * part always follows: shmget's {@code 0x10000|0777}.
     */
    public void flagBitsPlain(Xlat table, long value) {
        appendFlagBits(table, value, -1);
    }

    /** Names bits, then the remainder, commented when no more than {@code namedBefore} parts printed. */
    private void appendFlagBits(Xlat table, long value, int namedBefore) {
        int before = flagsPrinted;
        int from = out.length() + (before > 0 ? 1 : 0);
        int names = namesPrinted;
        long rest = value;
        for (int i = 0, n = table.size(); i < n && rest != 0; i++) {
            long bits = table.valueAt(i);
            if (bits != 0 && (rest & bits) == bits) {
                flagSeparator();
                out.append(table.nameAt(i));
                namesPrinted++;
                rest &= ~bits;
            }
        }
        if (rest != 0) {
            boolean alone = flagsPrinted == namedBefore;
            flagSeparator();
            Numbers.appendHex(out, rest);
            if (alone) {
                appendUnknown(table);
            }
        }
        if (flagsPrinted > before) {
            restylePart(from, names, value);
        }
    }

    /** A multi-bit number packed into the flags, printed as {@code 21<<MAP_HUGE_SHIFT}; nothing when zero. */
    public void flagShifted(long value, String shiftName) {
        if (value != 0) {
            flagSeparator();
            out.append(value).append("<<").append(shiftName);
        }
    }

    /**
     * A field of a packed word named from {@code table}, with its shift: {@code FUTEX_OP_SET<<28},
     * or {@code 0x7<<28 /* FUTEX_OP_??? *}{@code /} when no entry names it.
     */
    public void flagShiftedValue(Xlat table, long value, int shift) {
        flagSeparator();
        String name = table.name(value);
        if (name != null) {
            out.append(name).append("<<").append(shift);
        } else {
            Numbers.appendHex(out, value);
            out.append("<<").append(shift);
            appendUnknown(table);
        }
    }

    /** A number field of a packed word, in hex with its shift: {@code 0x1<<12}, {@code 0<<12}. */
    public void flagShiftedHex(long value, int shift) {
        flagSeparator();
        Numbers.appendHex(out, value);
        out.append("<<").append(shift);
    }

    /** A number field of a packed word at bit 0, in hex. */
    public void flagHex(long value) {
        flagSeparator();
        Numbers.appendHex(out, value);
    }

    /** Permission bits packed into the flags, in strace's octal form: {@code S_IFREG|0644}. */
    public void flagMode(long value) {
        flagSeparator();
        Numbers.appendMode(out, value);
    }

    /** A device number split into its halves, each in hex: {@code makedev(0x1, 0x3)}. */
    public void makedev(long major, long minor) {
        item();
        appendMakedev(major, minor);
    }

    /**
     * A device number whose halves {@code major} and {@code minor} are split from {@code dev}:
     * -X raw prints {@code dev} alone, {@code 0x103}, and verbose both,
     * {@code 0x103 /* makedev(0x1, 0x3) *}{@code /}.
     */
    public void makedev(long dev, long major, long minor) {
        item();
        if (rawStyle || verboseStyle) {
            Numbers.appendHex(out, dev);
        }
        if (verboseStyle) {
            out.append(" /* ");
        }
        if (!rawStyle) {
            appendMakedev(major, minor);
        }
        if (verboseStyle) {
            out.append(" */");
        }
    }

    private void appendMakedev(long major, long minor) {
        out.append("makedev(");
        Numbers.appendHex(out, major);
        out.append(", ");
        Numbers.appendHex(out, minor);
        out.append(')');
    }

    /** A signal number packed into the flags, as clone's exit signal: {@code SIGCHLD}, or the number. */
    public void flagSignal(int signo) {
        flagSeparator();
        String name = Signals.name(signo);
        if (name != null) {
            out.append(name);
        } else {
            out.append(signo);
        }
    }

    /**
     * A field packed into flags that strace prints followed by its separator whatever comes
     * next, as the fields of struct termios' flags: {@code NL0|CR0|TAB0|BS0|VT0|FF0|OPOST}, and
     * {@code NL0|CR0|TAB0|BS0|VT0|FF0|} when no bit is set. Such flags end without
     * {@link #endFlags}: strace prints nothing, not 0, for no bits.
     */
    public void flagField(Xlat table, long value) {
        appendValue(table, value);
        out.append('|');
        flagsPrinted = 0;
    }

    /** A {@link #flagField} stored shifted, as termios' input speed: {@code B38400<<IBSHIFT|}. */
    public void flagField(Xlat table, long value, String shiftName) {
        appendValue(table, value);
        out.append("<<").append(shiftName).append('|');
        flagsPrinted = 0;
    }

    /** Ends a flags value; if no part printed anything, prints the table's name for 0, or {@code 0}. */
    public void endFlags(Xlat table) {
        int names = namesPrinted;
        if (flagsPrinted == 0) {
            String zero = table.name(0);
            if (zero != null) {
                out.append(zero);
                namesPrinted++;
            } else {
                out.append('0');
            }
            if (wordStart < 0) {
                restyle(out.length() - (zero != null ? zero.length() : 1), names, 0, false);
            }
        }
        if (wordStart >= 0) {
            int from = wordStart;
            wordStart = -1;
            restyle(from, wordNames, word, wordOctal);
        }
    }

    private static void appendNumber(StringBuilder to, long value, boolean octal) {
        if (octal) {
            Numbers.appendMode(to, value);
        } else {
            Numbers.appendHex(to, value);
        }
    }

    /** {@link #restyle} for one part of a flags word that is not printed whole. */
    private void restylePart(int from, int names, long value) {
        if (wordStart < 0) {
            restyle(from, names, value, false);
        }
    }

    /**
     * Rewrites what was printed from {@code from} in the -X style: the number alone for raw;
     * for verbose the number, then the names in a comment. What named nothing stays as it is, a
     * number that may already carry strace's {@code X_???} comment.
     */
    private void restyle(int from, int namesBefore, long value, boolean octal) {
        if (rawStyle) {
            out.setLength(from);
            appendNumber(out, value, octal);
        } else if (verboseStyle && namesPrinted > namesBefore) {
            number.setLength(0);
            appendNumber(number, value, octal);
            number.append(" /* ");
            out.insert(from, number);
            out.append(" */");
        }
    }

    private void flagSeparator() {
        if (flagsPrinted++ > 0) {
            out.append('|');
        }
    }

    private void appendValue(Xlat table, long value) {
        String name = table.name(value);
        if (name != null) {
            out.append(name);
            namesPrinted++;
        } else {
            Numbers.appendHex(out, value);
            appendUnknown(table);
        }
    }

    private void appendUnknown(Xlat table) {
        out.append(" /* ").append(table.unknown()).append(" */");
    }

    // ---- tracee memory -------------------------------------------------------------------

    /** A file name: {@code NULL}, the quoted name (up to {@value #PATH_LIMIT} bytes, whatever -s says), or its address when unreadable. */
    public void path(long address) {
        item();
        appendCString(address, PATH_LIMIT);
    }

    /** A NUL-terminated string limited by -s: {@code NULL}, {@code "text"...}, or its address when unreadable. */
    public void string(long address) {
        item();
        appendCString(address, options.stringLimit());
    }

    /**
     * A NUL-terminated string held in a fixed array of {@code max} bytes plus its NUL, such as a
     * task name: limited by -s and by {@code max}, whichever is less.
     */
    public void string(long address, int max) {
        item();
        appendCString(address, Math.min(options.stringLimit(), max));
    }

    /**
     * A buffer of {@code length} bytes, of which -s many print: {@code NULL}, {@code "data"...},
     * or its address when any of the bytes to print is unreadable.
     */
    public void buffer(long address, long length) {
        appendBuffer(address, length, options);
    }

    /** A buffer of bytes that are not text, such as random bytes: every byte in {@code \\x} hex. */
    public void hexBuffer(long address, long length) {
        appendBuffer(address, length, hexOptions);
    }

    private void appendBuffer(long address, long length, DecodeOptions options) {
        item();
        if (address == 0) {
            out.append("NULL");
            return;
        }
        int limit = options.stringLimit();
        int n = Long.compareUnsigned(length, limit) > 0 ? limit : (int) length;
        ensureScratch(n);
        if (n > 0 && memory.read(address, scratch, 0, n) != n) {
            appendPointer(address);
            return;
        }
        Quoting.append(out, scratch, 0, n, n != length, options);
    }

    private void appendCString(long address, int limit) {
        if (address == 0) {
            out.append("NULL");
            return;
        }
        // One byte past the limit tells a string of exactly `limit` bytes from a longer one.
        long want = limit + 1L;
        int have = 0;
        while (have < want) {
            int chunk = (int) Math.min(want - have, CHUNK);
            ensureScratch(have + chunk);
            int got = memory.read(address + have, scratch, have, chunk);
            if (got <= 0) {
                break;
            }
            int nul = indexOfNul(have, have + got);
            if (nul >= 0) {
                Quoting.append(out, scratch, 0, nul, false, options);
                return;
            }
            have += got;
            if (got < chunk) {
                break; // the mapping ended
            }
        }
        if (have == want) {
            Quoting.append(out, scratch, 0, limit, true, options);
        } else {
            // Unreadable, or the readable part ends before any NUL: strace prints the address.
            appendPointer(address);
        }
    }

    private int indexOfNul(int from, int to) {
        for (int i = from; i < to; i++) {
            if (scratch[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads {@code length} bytes at {@code address} into the scratch buffer for a decoder that
     * walks tracee structures; true only if every byte was readable. The bytes stay valid until
     * the next read through this writer.
     */
    public boolean fetch(long address, int length) {
        ensureScratch(length);
        return memory.read(address, scratch, 0, length) == length;
    }

    /**
     * Reads up to {@code length} bytes at {@code address} into the scratch buffer, as many as are
     * readable; returns that count, or -1 when none are.
     */
    public int fetchSome(long address, int length) {
        ensureScratch(length);
        return memory.read(address, scratch, 0, length);
    }

    /** The little-endian long at {@code offset} of the last {@link #fetch}. */
    public long fetchedLong(int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (scratch[offset + i] & 0xff);
        }
        return value;
    }

    /** The little-endian unsigned int at {@code offset} of the last {@link #fetch}. */
    public long fetchedUint32(int offset) {
        long value = 0;
        for (int i = 3; i >= 0; i--) {
            value = (value << 8) | (scratch[offset + i] & 0xff);
        }
        return value;
    }

    /** The unsigned byte at {@code offset} of the last {@link #fetch}. */
    public int fetchedByte(int offset) {
        return scratch[offset] & 0xff;
    }

    /** The little-endian int at {@code offset} of the last {@link #fetch}, sign-extended. */
    public int fetchedInt32(int offset) {
        return (int) fetchedUint32(offset);
    }

    /** The little-endian unsigned short at {@code offset} of the last {@link #fetch}. */
    public int fetchedUint16(int offset) {
        return (scratch[offset] & 0xff) | (scratch[offset + 1] & 0xff) << 8;
    }

    /** The big-endian (network order) unsigned short at {@code offset} of the last {@link #fetch}. */
    public int fetchedNetUint16(int offset) {
        return (scratch[offset] & 0xff) << 8 | (scratch[offset + 1] & 0xff);
    }

    /**
     * {@code length} bytes at {@code offset} of the last {@link #fetch}, quoted whole whatever
     * -s says, as strace prints a socket address's bytes: {@code "\37\220"}. A non-null
     * {@code prefix} goes before the quote, as {@code @} marks an abstract socket name.
     */
    public void fetchedBytes(String prefix, int offset, int length) {
        item();
        if (prefix != null) {
            out.append(prefix);
        }
        Quoting.append(out, scratch, offset, length, false, options);
    }

    /** The IPv4 address at {@code offset} of the last {@link #fetch}: {@code inet_addr("127.0.0.1")}. */
    public void fetchedInetAddr(int offset) {
        item();
        out.append("inet_addr(\"");
        appendIpv4(offset);
        out.append("\")");
    }

    /**
     * The IPv6 address at {@code offset} of the last {@link #fetch}, as the call that would store
     * it in {@code field}: {@code inet_pton(AF_INET6, "::1", &sin6_addr)}.
     */
    public void fetchedInet6Addr(int offset, String field) {
        item();
        out.append("inet_pton(AF_INET6, \"");
        appendIpv6(offset);
        out.append("\", &").append(field).append(')');
    }

    private void appendIpv4(int offset) {
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(scratch[offset + i] & 0xff);
        }
    }

    /**
     * inet_ntop(3)'s text: the longest run of two or more zero groups, the first if tied, becomes
     * {@code ::}; an address whose first 96 bits are zero (bar ::1 and ::) or that maps IPv4
     * ({@code ::ffff:0:0/96}) ends in dotted IPv4.
     */
    private void appendIpv6(int offset) {
        int bestStart = -1, bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (group(offset, i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group(offset, j) == 0) {
                j++;
            }
            if (j - i > bestLength && j - i >= 2) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        boolean ipv4Tail = bestStart == 0 && (bestLength == 6 || (bestLength == 5 && group(offset, 5) == 0xffff));
        int groups = ipv4Tail ? 6 : 8;
        for (int i = 0; i < groups; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) {
                out.append(':');
            }
            Numbers.appendHexDigits(out, group(offset, i));
        }
        if (ipv4Tail) {
            if (bestStart + bestLength < 6) {
                out.append(':');
            }
            appendIpv4(offset + 12);
        }
    }

    private int group(int offset, int i) {
        return (scratch[offset + 2 * i] & 0xff) << 8 | (scratch[offset + 2 * i + 1] & 0xff);
    }

    /**
     * A NUL-terminated string at {@code offset} of the last {@link #fetch}, of at most {@code max}
     * bytes, quoted and limited by -s: for char arrays inside structs, as utsname's fields.
     */
    public void fetchedString(int offset, int max) {
        item();
        int end = offset;
        while (end < offset + max && scratch[end] != 0) {
            end++;
        }
        int limit = options.stringLimit();
        int n = Math.min(end - offset, limit);
        Quoting.append(out, scratch, offset, n, n < end - offset, options);
    }

    /** Grows the scratch buffer, keeping what a string read has gathered so far. */
    private void ensureScratch(int length) {
        if (scratch.length < length) {
            scratch = Arrays.copyOf(scratch, Math.max(length, Math.min(2 * scratch.length, Integer.MAX_VALUE - 8)));
        }
    }

    // ---- structure -----------------------------------------------------------------------

    /** Starts an array: {@code [}. */
    public void beginArray() {
        open('[');
    }

    public void endArray() {
        close(']');
    }

    /** Starts a value written as a C macro call, {@code _IOC(}; its arguments are values. */
    public void beginCall(String macro) {
        item();
        out.append(macro).append('(');
        if (++depth == MAX_DEPTH) {
            throw new IllegalStateException("structures nested deeper than " + MAX_DEPTH);
        }
        first[depth] = true;
    }

    public void endCall() {
        close(')');
    }

    /** Starts a struct: <code>{</code>. */
    public void beginStruct() {
        open('{');
    }

    public void endStruct() {
        close('}');
    }

    /** Names the next value of a struct: {@code name=}. */
    public void field(String name) {
        item();
        out.append(name).append('=');
        afterField = true;
    }

    /**
     * Labels the next value with a word and a space, as strace's notes after a return value do:
     * {@code in [3]}, {@code left {tv_sec=0, tv_nsec=5}}.
     */
    public void label(String name) {
        item();
        out.append(name).append(' ');
        afterField = true;
    }

    /** Marks that more elements follow than were printed: {@code ...}. */
    public void ellipsis() {
        item();
        out.append("...");
    }

    /** A comment after the last value: <code> /* text *&#47;</code>. */
    public void comment(String text) {
        out.append(" /* ").append(text).append(" */");
    }

    /** A comment counting something: <code> /* 23 vars *&#47;</code>. */
    public void comment(long count, String noun) {
        out.append(" /* ").append(count).append(' ').append(noun).append(" */");
    }

    /** A comment holding an address: <code> /* 0x7ffc12345678 *&#47;</code>. */
    public void commentPointer(long address) {
        out.append(" /* ");
        appendPointer(address);
        out.append(" */");
    }

    /** A comment giving clock ticks as seconds at 100 ticks a second: <code> /* 0.12 s *&#47;</code>. */
    public void commentTicks(long ticks) {
        long seconds = Long.divideUnsigned(ticks, 100);
        long hundredths = Long.remainderUnsigned(ticks, 100);
        out.append(" /* ");
        Numbers.appendUnsigned(out, seconds);
        out.append('.').append(hundredths < 10 ? "0" : "").append(hundredths).append(" s */");
    }

    /** A time since the epoch in ISO 8601 in the local zone: {@code 2023-11-14T22:13:20+0000}. */
    public void date(long seconds) {
        item();
        Dates.append(out, seconds, 0, false);
    }

    /** A comment holding a time since the epoch: <code> /* 2023-11-14T22:13:20+0000 *&#47;</code>. */
    public void commentDate(long seconds) {
        out.append(" /* ");
        Dates.append(out, seconds, 0, false);
        out.append(" */");
    }

    /** A comment holding a time since the epoch to the nanosecond: <code> /* 1970-01-01T00:00:01.000000002+0000 *&#47;</code>. */
    public void commentDate(long seconds, long nanos) {
        out.append(" /* ");
        Dates.append(out, seconds, nanos, true);
        out.append(" */");
    }

    private void open(char bracket) {
        item();
        out.append(bracket);
        if (++depth == MAX_DEPTH) {
            throw new IllegalStateException("structures nested deeper than " + MAX_DEPTH);
        }
        first[depth] = true;
    }

    private void close(char bracket) {
        out.append(bracket);
        depth--;
    }

    private void item() {
        if (afterField) {
            afterField = false;
            return;
        }
        if (first[depth]) {
            first[depth] = false;
        } else {
            out.append(", ");
        }
        if (depth == 0) {
            topLevelItems++;
        }
    }

    private void appendPointer(long address) {
        if (address == 0) {
            out.append("NULL");
        } else {
            Numbers.appendHex(out, address);
        }
    }
}
