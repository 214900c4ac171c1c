package dev.jutrace.tools.strace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jutrace.decode.SyscallTable;
import org.junit.jupiter.api.Test;

/** The table's layout, checked against lines strace 6.1 printed. */
class SummaryTableTest {
    private static final SyscallTable TABLE = SyscallTable.x86_64();

    private static SummaryTable sample() {
        SummaryTable t = new SummaryTable(TABLE);
        for (int i = 0; i < 21; i++) t.count(TABLE.number("read"), 41_000 + (i == 0 ? 2_000 : 0), false);
        t.count(TABLE.number("openat"), 30_000, true);
        t.count(TABLE.number("openat"), 0, false);
        t.count(TABLE.number("close"), 0, false);
        return t;
    }

    @Test
    void defaultColumnsAsStracePrintsThem() {
        assertThat(sample().format(SummaryTable.Sort.TIME, SummaryTable.Column.DEFAULT)).isEqualTo("""
                % time     seconds  usecs/call     calls    errors syscall
                ------ ----------- ----------- --------- --------- ----------------
                 96.64    0.000863          41        21           read
                  3.36    0.000030          15         2         1 openat
                  0.00    0.000000           0         1           close
                ------ ----------- ----------- --------- --------- ----------------
                100.00    0.000893          37        24         1 total
                """);
    }

    @Test
    void chosenColumnsAndOrders() {
        assertThat(sample().format(SummaryTable.Sort.NAME, SummaryTable.Column.parseList("calls,name,min-time")))
                .isEqualTo("""
                        calls syscall          shortest
                    --------- ---------------- --------
                            1 close            0.000000
                            2 openat           0.000000
                           21 read             0.000041
                    --------- ---------------- --------
                           24 total            0.000000
                    """);
        assertThat(sample().format(SummaryTable.Sort.NOTHING, SummaryTable.Column.parseList("calls")))
                .contains("       21 read\n        1 close\n        2 openat\n");
    }

    @Test
    void aLongNameWidensTheColumn() {
        SummaryTable t = new SummaryTable(TABLE);
        t.count(TABLE.number("sched_getaffinity"), 0, false);
        assertThat(t.format(SummaryTable.Sort.TIME, SummaryTable.Column.parseList("name")))
                .startsWith("syscall\n------------------\nsched_getaffinity\n");
    }

    @Test
    void nothingCountedPrintsNothing() {
        assertThat(new SummaryTable(TABLE).format(SummaryTable.Sort.TIME, SummaryTable.Column.DEFAULT)).isEmpty();
    }

    @Test
    void strace61sErrors() {
        assertThatThrownBy(() -> SummaryTable.Sort.parse("bogus")).hasMessage("invalid sortby: 'bogus'");
        assertThatThrownBy(() -> SummaryTable.Column.parseList("bogus")).hasMessage("unknown column name: 'bogus'");
        assertThatThrownBy(() -> SummaryTable.Column.parseList("")).hasMessage("unknown column name: ''");
    }
}
