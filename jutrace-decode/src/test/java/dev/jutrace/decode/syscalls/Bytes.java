package dev.jutrace.decode.syscalls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds the bytes of a C struct as x86_64 lays it out, little-endian, for a fake tracee memory. */
final class Bytes {

    private final ByteBuffer b;

    private Bytes(int size) {
        b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static Bytes of(int size) {
        return new Bytes(size);
    }

    Bytes u8(int offset, int v) {
        b.put(offset, (byte) v);
        return this;
    }

    Bytes u16(int offset, int v) {
        b.putShort(offset, (short) v);
        return this;
    }

    /** A big-endian short, as ports are stored. */
    Bytes net16(int offset, int v) {
        b.put(offset, (byte) (v >> 8)).put(offset + 1, (byte) v);
        return this;
    }

    Bytes u32(int offset, long v) {
        b.putInt(offset, (int) v);
        return this;
    }

    Bytes u64(int offset, long v) {
        b.putLong(offset, v);
        return this;
    }

    Bytes bytes(int offset, int... v) {
        for (int i = 0; i < v.length; i++) {
            b.put(offset + i, (byte) v[i]);
        }
        return this;
    }

    Bytes text(int offset, String s) {
        byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
        b.put(offset, t);
        return this;
    }

    byte[] get() {
        return b.array();
    }
}
