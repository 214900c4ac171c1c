package dev.jutrace.tools.strace;

import dev.jutrace.core.Task;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The arguments of a spawned program's own execve, which happened in the stop shim that engines
 * never see: rebuilt from the new image, where argv and envp sit on the initial stack and the path
 * is in the auxiliary vector. Shared by every engine that shows that first call.
 */
public final class InitialExec {

    private static final long AT_EXECFN = 31;

    private InitialExec() {}

    /** Fills {@code args[0..6)} as execve's registers were: path, argv, envp, then zeros. */
    public static void arguments(Task task, long[] args) {
        long sp = task.stackPointer();
        byte[] word = new byte[8];
        long argc = task.readMemory(sp, word, 0, 8) == 8 ? le(word, 0) : 0;
        args[0] = execFn(task.tid());
        args[1] = sp + 8;
        args[2] = sp + 8 * (argc + 2);
        args[3] = args[4] = args[5] = 0;
    }

    /** AT_EXECFN: the path the program was exec'd by; 0 (printed as a bare pointer) without it. */
    private static long execFn(int tid) {
        try {
            byte[] auxv = Files.readAllBytes(Path.of("/proc/" + tid + "/auxv"));
            for (int i = 0; i + 16 <= auxv.length; i += 16) {
                if (le(auxv, i) == AT_EXECFN) return le(auxv, i + 8);
            }
        } catch (IOException e) {
            // Printed as a bare pointer without it.
        }
        return 0;
    }

    private static long le(byte[] b, int off) {
        return ByteBuffer.wrap(b, off, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
