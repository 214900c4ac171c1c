package dev.jutrace.decode.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calendar arithmetic against java.time, in UTC, where the pom runs the tests. */
class DatesTest {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxx").withZone(ZoneOffset.UTC);

    private static String dates(long seconds, long nanos, boolean withNanos) {
        StringBuilder out = new StringBuilder();
        Dates.append(out, seconds, nanos, withNanos);
        return out.toString();
    }

    @Test
    void knownDates() {
        assertThat(dates(0, 0, false)).isEqualTo("1970-01-01T00:00:00+0000");
        assertThat(dates(1, 2, true)).isEqualTo("1970-01-01T00:00:01.000000002+0000");
        assertThat(dates(1700000000, 123456789, true)).isEqualTo("2023-11-14T22:13:20.123456789+0000");
        assertThat(dates(951782400, 0, false)).isEqualTo("2000-02-29T00:00:00+0000");
        assertThat(dates(-1, 0, false)).isEqualTo("1969-12-31T23:59:59+0000");
    }

    @Test
    void agreesWithJavaTimeAcrossCenturies() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-5_000_000_000L, 20_000_000_000L);
            int nanos = random.nextInt(1_000_000_000);
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(dates(seconds, nanos, false)).as("%d", seconds).isEqualTo(SECONDS.format(instant));
            assertThat(dates(seconds, nanos, true)).as("%d.%09d", seconds, nanos).isEqualTo(NANOS.format(instant));
        }
    }
}
