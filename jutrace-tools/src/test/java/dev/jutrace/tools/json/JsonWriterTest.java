package dev.jutrace.tools.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void membersCommasAndLiterals() {
        JsonWriter j = new JsonWriter(new StringBuilder());
        j.begin().number("v", 1).number("ret", -2).bool("injected", false).nul("errno").string("name", null).end();
        assertThat(j.buffer()).hasToString("{\"v\":1,\"ret\":-2,\"injected\":false,\"errno\":null,\"name\":null}");
    }

    @Test
    void stringsAreEscapedToAscii() {
        JsonWriter j = new JsonWriter(new StringBuilder());
        j.begin().string("text", "a\"b\\c\nd\te\u0001f\u00e9", 0, 12).end();
        assertThat(j.buffer()).hasToString("{\"text\":\"a\\\"b\\\\c\\nd\\te\\u0001f\\u00e9\"}");
        j.begin().string("text", "xx1, 2yy", 2, 6).end();
        assertThat(j.buffer()).hasToString("{\"text\":\"1, 2\"}");
    }

    @Test
    void registersAreUnsignedHexStrings() {
        JsonWriter j = new JsonWriter(new StringBuilder());
        j.begin().beginArray("args").hexItem(0, true).hexItem(-100, false).hexItem(0x7f3c2a1b2000L, false)
                .hexItem(Long.MIN_VALUE, false).endArray().end();
        assertThat(j.buffer()).hasToString(
                "{\"args\":[\"0x0\",\"0xffffffffffffff9c\",\"0x7f3c2a1b2000\",\"0x8000000000000000\"]}");
    }

    @Test
    void secondsKeepSixDecimals() {
        JsonWriter j = new JsonWriter(new StringBuilder());
        j.begin().seconds("ts", 1_795_781_244_000_042_999L).end();
        assertThat(j.buffer()).hasToString("{\"ts\":1795781244.000042}");
    }
}
