package dev.jutrace.tools.strace;

import java.util.BitSet;

/**
 * What the strace engine prints.
 *
 * @param follow follow new threads and processes ({@code -f})
 * @param traced the syscall numbers to print ({@code -e trace=}); null for all
 * @param stringLimit the longest string printed in full ({@code -s})
 * @param pidPrefixAlways prefix every line with the pid ({@code PID } form, as strace does with
 *     {@code -f -o FILE}); otherwise {@code [pid N] } appears while more than one task is traced
 */
public record StraceOptions(boolean follow, BitSet traced, int stringLimit, boolean pidPrefixAlways) {

    public boolean traces(int nr) {
        return traced == null || (nr >= 0 && traced.get(nr));
    }
}
