package dev.jutrace.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tracee memory for tests: a few mapped regions, each a byte array at an address. A read
 * inside a region copies up to its end, as a read running into an unmapped page does; a read
 * outside every region fails.
 */
public final class FakeMemory implements Memory {

    private final TreeMap<Long, byte[]> regions = new TreeMap<>();

    /** Maps {@code bytes} at {@code address}; returns the address. */
    public long put(long address, byte[] bytes) {
        regions.put(address, bytes.clone());
        return address;
    }

    /** Maps {@code text} in UTF-8 with no NUL after it: a string that runs into unmapped memory. */
    public long putRaw(long address, String text) {
        return put(address, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Maps {@code text} (each char one byte) and a terminating NUL. */
    public long putString(long address, String text) {
        return putRaw(address, text + "\0");
    }

    /** Maps little-endian 64-bit words, as pointer arrays sit in memory. */
    public long putLongs(long address, long... words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long w : words) {
            b.putLong(w);
        }
        return put(address, b.array());
    }

    @Override
    public int read(long address, byte[] buffer, int offset, int length) {
        Map.Entry<Long, byte[]> region = regions.floorEntry(address);
        if (region == null || address - region.getKey() >= region.getValue().length) {
            return -1;
        }
        int from = (int) (address - region.getKey());
        int n = Math.min(length, region.getValue().length - from);
        System.arraycopy(region.getValue(), from, buffer, offset, n);
        return n;
    }
}
