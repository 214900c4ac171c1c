package dev.jutrace.decode.syscalls;

import dev.jutrace.decode.text.ArgWriter;

/**
 * execve(2): the program, its argument strings, and a count of its environment strings, which
 * strace does not print by default.
 */
final class Execve {

    private static final int POINTER = 8;
    private static final int COUNT_BLOCK = 64;

    private Execve() {}

    static void register(Registrar r) {
        r.add("execve", Decoder.atEntry(Execve::execve));
    }

    /** execve(const char *pathname, char *const argv[], char *const envp[]) */
    private static void execve(long[] args, ArgWriter out) {
        long pathname = args[0], argv = args[1], envp = args[2];
        out.path(pathname);
        stringArray(argv, out);
        if (out.options().noAbbrev()) {
            stringArray(envp, out); // -v: the environment in full, as strace -v prints it
        } else {
            countedArray(envp, "vars", out);
        }
    }

    /**
     * A NULL-terminated array of string pointers: {@code ["ls", "-l"]}. At most -s elements
     * print, then {@code ...}; an unreadable slot past the first ends the array with
     * {@code ... /* its address *}{@code /}; an unreadable first slot prints the array's address.
     */
    static void stringArray(long array, ArgWriter out) {
        if (array == 0 || !out.fetch(array, POINTER)) {
            out.pointer(array);
            return;
        }
        // strace cuts the array at -s elements, but -v prints every one.
        int limit = out.options().noAbbrev() ? Integer.MAX_VALUE : out.options().stringLimit();
        out.beginArray();
        for (int i = 0; ; i++) {
            long slot = array + (long) i * POINTER;
            if (i > 0 && !out.fetch(slot, POINTER)) {
                out.ellipsis();
                out.commentPointer(slot);
                break;
            }
            long element = out.fetchedLong(0);
            if (element == 0) {
                break;
            }
            if (i == limit) {
                out.ellipsis();
                break;
            }
            out.string(element);
        }
        out.endArray();
    }

    /**
     * A NULL-terminated array of pointers shown only by address and length:
     * {@code 0x7ffd... /* 23 vars *}{@code /}, or {@code /* 2 vars, unterminated *}{@code /} when
     * memory ends before the NULL.
     */
    static void countedArray(long array, String noun, ArgWriter out) {
        if (array == 0 || !out.fetch(array, POINTER)) {
            out.pointer(array);
            return;
        }
        long count = 0;
        boolean terminated = false;
        long slot = array;
        // A block of pointers per read: an environment has dozens, and each read is a syscall.
        for (int words; !terminated; slot += (long) words * POINTER) {
            words = Math.max(0, out.fetchSome(slot, COUNT_BLOCK * POINTER)) / POINTER;
            if (words == 0) {
                break;
            }
            for (int i = 0; i < words; i++) {
                if (out.fetchedLong(i * POINTER) == 0) {
                    terminated = true;
                    break;
                }
                count++;
            }
        }
        out.pointer(array);
        out.comment(count, terminated ? noun : noun + ", unterminated");
    }
}
