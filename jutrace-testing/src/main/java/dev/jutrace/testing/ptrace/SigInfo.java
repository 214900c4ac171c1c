package dev.jutrace.testing.ptrace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fields of a 128-byte {@code siginfo_t} that the scenarios look at. The union after
 * {@code si_code} is read both ways: as {@code si_pid, si_uid, si_status} (or {@code si_value})
 * and as {@code si_addr}; which one is meaningful depends on the signal and code.
 */
public record SigInfo(int signo, int errno, int code, int pid, int uid, int status, long addr, byte[] raw) {

    static SigInfo of(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        return new SigInfo(b.getInt(0), b.getInt(4), b.getInt(8), b.getInt(16), b.getInt(20), b.getInt(24),
                b.getLong(16), raw.clone());
    }

    /** True when the union holds a fault address: the trap and fault codes of synchronous signals. */
    boolean hasAddress() {
        boolean synchronous = signo == 4 || signo == 5 || signo == 7 || signo == 8 || signo == 11;
        return synchronous && code > 0 && code < 0x80 && code != 5 && code != 0x85;
    }

    /** A copy with {@code si_code} and the {@code si_value} integer replaced, for SETSIGINFO. */
    byte[] withCodeAndValue(int newCode, int value) {
        byte[] copy = raw.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(8, newCode);
        b.putInt(24, value);
        return copy;
    }
}
