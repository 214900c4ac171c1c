package dev.jutrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --json}: every line one object of schema v1 (docs/JSON.md), on real programs. */
@Timeout(120)
class JsonOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aFailedCallAnInjectedOneAndTheExit() throws Exception {
        List<Map<String, Object>> events = trace("--inject=getppid:error=EPERM",
                Jutrace.tracee("inject_probe"), "g", "o:/nonexistent/json-test");

        Map<String, Object> first = events.getFirst();
        assertThat(first).containsEntry("type", "syscall").containsEntry("name", "execve")
                .containsEntry("ret", new BigDecimal(0)).containsEntry("errno", null);
        assertThat((String) first.get("text")).startsWith("\"" + Jutrace.tracee("inject_probe") + "\"");

        Map<String, Object> open = events.stream()
                .filter(e -> "openat".equals(e.get("name")) && ((String) e.get("text")).contains("json-test"))
                .findFirst().orElseThrow();
        assertThat(open).containsEntry("nr", new BigDecimal(257)).containsEntry("ret", new BigDecimal(-2))
                .containsEntry("errno", "ENOENT").containsEntry("ret_text", "-1 ENOENT (No such file or directory)")
                .containsEntry("text", "AT_FDCWD, \"/nonexistent/json-test\", O_RDONLY")
                .containsEntry("injected", false);
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) open.get("args");
        assertThat(args).hasSize(6).allMatch(a -> a instanceof String s && s.matches("0x[0-9a-f]{1,16}"));
        // AT_FDCWD as the register holds it: an int, so 32 bits wide or sign-extended to 64.
        assertThat((String) args.getFirst()).matches("0x(ffffffff)?ffffff9c");

        Map<String, Object> ppid = events.stream().filter(e -> "getppid".equals(e.get("name"))).findFirst().orElseThrow();
        assertThat(ppid).containsEntry("injected", true).containsEntry("errno", "EPERM")
                .containsEntry("ret", new BigDecimal(-1)).containsEntry("text", "");

        Map<String, Object> exitGroup = events.get(events.size() - 2);
        assertThat(exitGroup).containsEntry("name", "exit_group").containsEntry("text", "0")
                .containsEntry("ret", null).containsEntry("ret_text", "?").containsEntry("errno", null);
        assertThat(events.getLast()).containsEntry("type", "exit").containsEntry("code", new BigDecimal(0));
    }

    @Test
    void signalsAndDeathsBySignal() throws Exception {
        List<Map<String, Object>> events = trace("-e", "trace=none", Jutrace.tracee("signals"), "handle", "10");
        assertThat(events).hasSize(2);
        assertThat(events.getFirst()).containsEntry("type", "signal").containsEntry("signo", new BigDecimal(10))
                .containsEntry("name", "SIGUSR1");
        assertThat((String) events.getFirst().get("siginfo")).startsWith("{si_signo=SIGUSR1, si_code=SI_TKILL,");
        assertThat(events.getLast()).containsEntry("type", "exit").containsEntry("code", new BigDecimal(0));

        List<Map<String, Object>> killed = trace("-e", "trace=none", "-e", "signal=none",
                "/bin/sh", "-c", "kill -TERM $$");
        assertThat(killed).singleElement().satisfies(e -> assertThat(e).containsEntry("type", "killed")
                .containsEntry("signo", new BigDecimal(15)).containsEntry("name", "SIGTERM").containsEntry("core", false));
    }

    @Test
    void traceFilterFollowAndStringLimit() throws Exception {
        List<Map<String, Object>> events = trace("-f", "-s", "4", "-e", "trace=write",
                Jutrace.tracee("forker"), "fork");
        List<Map<String, Object>> calls = events.stream().filter(e -> "syscall".equals(e.get("type"))).toList();
        assertThat(calls).singleElement().satisfies(e -> assertThat(e).containsEntry("text", "1, \"chil\"..., 6")
                .containsEntry("ret", new BigDecimal(6)).containsEntry("ret_text", "6"));
        List<Map<String, Object>> exits = events.stream().filter(e -> "exit".equals(e.get("type"))).toList();
        assertThat(exits).hasSize(2);
        assertThat(exits.getFirst().get("pid")).isNotEqualTo(exits.getLast().get("pid"));
        assertThat(calls.getFirst().get("pid")).isNotEqualTo(exits.getLast().get("pid"));
    }

    @Test
    void attachedProcessKilledInsideACall() throws Exception {
        Path pidFile = dir.resolve("sleeper.out");
        Path file = dir.resolve("attached.json");
        // An orphan, so that nothing but jutrace traces or waits for it.
        new ProcessBuilder("sh", "-c", "\"$0\" >\"$1\" 2>&1 &", Jutrace.tracee("sleeper"), pidFile.toString())
                .start().waitFor();
        int pid = Integer.parseInt(awaitLine(pidFile, 0, "").trim());
        Path err = dir.resolve("jutrace.err");
        Process jutrace = Jutrace.builder(List.of("--json", "-o", file.toString(), "-p", String.valueOf(pid)))
                .redirectError(err.toFile()).start();
        try {
            awaitLine(err, 0, "");
            new ProcessBuilder("kill", "-USR1", String.valueOf(pid)).start().waitFor();
            awaitLine(file, 0, "\"write\"");
            // Back in pause(): the thread dies inside it, so the call has no result.
            Thread.sleep(200);
            new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor();
            assertThat(jutrace.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor();
            jutrace.destroyForcibly();
        }
        List<Map<String, Object>> events = parse(file);
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("type", "signal").containsEntry("name", "SIGUSR1"));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("name", "write")
                .containsEntry("text", "1, \"usr1\\n\", 5").containsEntry("ret", new BigDecimal(5)));
        assertThat(events.get(events.size() - 2)).containsEntry("type", "syscall").containsEntry("ret", null)
                .containsEntry("ret_text", "?").containsEntry("pid", new BigDecimal(pid));
        assertThat(events.getLast()).containsEntry("type", "killed").containsEntry("name", "SIGKILL")
                .containsEntry("signo", new BigDecimal(9)).containsEntry("core", false);
    }

    /** Waits for line {@code index} of {@code file} (containing {@code text}, when it is the trace). */
    private static String awaitLine(Path file, int index, String text) throws Exception {
        for (int i = 0; i < 1000; i++) {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            for (int k = index; k < lines.size(); k++) {
                if (lines.get(k).contains(text)) return lines.get(k);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no line with " + text + " in " + file);
    }

    @Test
    void summaryIsRefused() throws Exception {
        Jutrace.Result r = Jutrace.run("--json", "-c", Jutrace.tracee("exit_code"), "0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines()).containsExactly("jutrace: --json and -c/-C are mutually exclusive");
        r = Jutrace.run("--json", "-P", "/etc/passwd", Jutrace.tracee("exit_code"), "0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderrLines()).containsExactly("jutrace: --json and -P/--trace-fds are mutually exclusive");
    }

    /** Runs jutrace --json -o FILE ARGS and parses every line, each of which must be a v1 object. */
    private List<Map<String, Object>> trace(String... args) throws Exception {
        Path file = dir.resolve("trace.json");
        List<String> all = new ArrayList<>(List.of("--json", "-o", file.toString()));
        all.addAll(List.of(args));
        Jutrace.run(all.toArray(String[]::new));
        return parse(file);
    }

    /** Every line of {@code file}, each of which must be a v1 object. */
    private static List<Map<String, Object>> parse(Path file) throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Object value = new Json(line).document();
            assertThat(value).as(line).isInstanceOf(Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) value;
            assertThat(e).as(line).containsEntry("v", new BigDecimal(1)).containsKeys("type", "pid", "ts");
            assertThat(e.get("pid")).as(line).isInstanceOf(BigDecimal.class);
            assertThat(line).as(line).containsPattern("\"ts\":\\d{10}\\.\\d{6},");
            assertThat(Math.abs(((BigDecimal) e.get("ts")).longValue() - System.currentTimeMillis() / 1000))
                    .isLessThan(300);
            events.add(e);
        }
        return events;
    }

    /** A strict RFC 8259 reader: objects, arrays, strings, numbers, literals; anything else fails. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value();
            if (i != s.length()) throw error("trailing text");
            return v;
        }

        private Object value() {
            if (i >= s.length()) throw error("end of text");
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (peek('}')) return m;
                    do {
                        if (s.charAt(i) != '"') throw error("member name");
                        String name = string();
                        expect(':');
                        if (m.containsKey(name)) throw error("no duplicate member " + name);
                        m.put(name, value());
                    } while (peek(','));
                    expect('}');
                    return m;
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    if (peek(']')) return l;
                    do {
                        l.add(value());
                    } while (peek(','));
                    expect(']');
                    return l;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    for (String lit : new String[] {"true", "false", "null"}) {
                        if (s.startsWith(lit, i)) {
                            i += lit.length();
                            return lit.equals("null") ? null : Boolean.valueOf(lit);
                        }
                    }
                    int start = i;
                    if (!s.substring(i).matches("(?s)-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?([,}\\]].*)?")) {
                        throw error("value");
                    }
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
                    return new BigDecimal(s.substring(start, i));
                }
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++;
            while (true) {
                if (i >= s.length()) throw error("unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c < 0x20) throw error("control character in string");
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        String hex = s.substring(i, i + 4);
                        if (!hex.matches("[0-9a-fA-F]{4}")) throw error("\\u escape");
                        b.append((char) Integer.parseInt(hex, 16));
                        i += 4;
                    }
                    default -> throw error("escape \\" + e);
                }
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) throw error("'" + c + "'");
        }

        private AssertionError error(String what) {
            return new AssertionError("bad JSON at " + i + " (expected " + what + "): " + s);
        }
    }
}
