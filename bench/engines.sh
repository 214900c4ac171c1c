#!/usr/bin/env bash
# The per-stop cost of the report pass with 1, 2 and 8 no-op engines attached, measured in one JVM
# by dev.jutrace.testing.bench.EnginePassBench, with strace and the untraced program as references.
# A markdown table goes to stdout, the raw runs to bench/results/engines-<timestamp>.tsv.
#
# --jfr records the measured rounds with JFR (the "profile" settings and the TLAB events, 2 kB TLABs)
# and prints what the tracer thread allocated: the allocation events on it, sorted by where in the
# tracer they happened, with their sites, and its allocated-bytes counter.
#
# Usage: bench/engines.sh [--n N] [--rounds R] [--engines 1,2,8] [--no-quiesce] [--cpu N|none]
#                         [--no-clock] [--quick] [--jfr] [--alloc-control] [--no-build]
# Environment: STRACE overrides the strace command (word-split), "none" leaves strace out.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
tracees=$root/target/tracees
thread=jutrace-bench-tracer # EnginePassBench.TRACER_THREAD

n=200000
rounds=5
rounds_given=0
engines=1,2,8
quiesce=1
control=0
clock=1
cpu=default
jfr=0
build=1

usage() {
  cat <<EOF
usage: bench/engines.sh [options]
  --n N            getppid calls per run, two syscall stops each (default 200000)
  --rounds R       measured rounds, after one warm-up round (default 5; 1 with --jfr)
  --engines LIST   engine counts (default 1,2,8; 1 is always included, as the baseline)
  --no-quiesce     leave out the variant whose engines also ask for QUIESCE
  --no-clock       engines do not time the pass from inside (two clock reads a stop)
  --cpu N|none     pin the JVM, the tracees and strace to CPU N (default: the last CPU);
                   none lets the scheduler place them
  --quick          N = 20000 and 2 rounds: checks that the benchmark works
  --jfr            record the measured rounds with JFR and report the tracer thread's allocation
  --alloc-control  add a run whose one engine allocates 32 bytes a stop, to show that the
                   allocation measurements see allocation on the per-stop path
  --no-build       use the jars as they are
environment: STRACE (default: strace; "none" to leave it out)
EOF
}

while [ $# -gt 0 ]; do
  case $1 in
    --n) n=${2:?--n needs a number}; shift 2 ;;
    --rounds) rounds=${2:?--rounds needs a number}; rounds_given=1; shift 2 ;;
    --engines) engines=${2:?--engines needs a list}; shift 2 ;;
    --no-quiesce) quiesce=0; shift ;;
    --no-clock) clock=0; shift ;;
    --cpu) cpu=${2:?--cpu needs a CPU number or none}; shift 2 ;;
    --quick) n=20000; [ "$rounds_given" = 1 ] || rounds=2; shift ;;
    --jfr) jfr=1; shift ;;
    --alloc-control) control=1; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "engines: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ "$jfr" = 1 ] && [ "$rounds_given" = 0 ]; then rounds=1; fi
case $n in ''|*[!0-9]*|0) echo "engines: --n needs a positive number" >&2; exit 2 ;; esac
case $rounds in ''|*[!0-9]*|0) echo "engines: --rounds needs a positive number" >&2; exit 2 ;; esac

. "$root/scripts/jdk.sh"
jdk_find

# ---- build -----------------------------------------------------------------------------------------
modules=(jutrace-sys jutrace-core jutrace-testing)
jars=()
for m in "${modules[@]}"; do jars+=("$root/$m/target/$m-0.1.0-SNAPSHOT.jar"); done
stale() {
  local m jar
  for m in "${modules[@]}"; do
    jar=$root/$m/target/$m-0.1.0-SNAPSHOT.jar
    [ -f "$jar" ] || return 0
    [ -z "$(find "$root/$m/src/main" "$root/$m/pom.xml" "$root/pom.xml" -newer "$jar" -print -quit)" ] || return 0
  done
  return 1
}
if [ "$build" = 1 ] && stale; then
  echo "engines: building ${modules[*]}..." >&2
  (cd "$root" && mvn -q -o -DskipTests -Dexec.skip=true package -pl jutrace-testing -am) >&2
fi
for j in "${jars[@]}"; do
  [ -f "$j" ] || { echo "engines: $j is missing; run without --no-build" >&2; exit 1; }
done

# The tracees: build.sh rebuilds what changed. Someone else's half-written tracee must not stop
# this benchmark, which needs only syscall_loop.
src=$root/jutrace-testing/src/main/c
if ! bash "$src/build.sh" "$tracees" >&2; then
  loop=$tracees/syscall_loop
  if [ -x "$loop" ] && [ ! "$src/syscall_loop.c" -nt "$loop" ] && [ ! "$src/tracee.h" -nt "$loop" ]; then
    echo "engines: build.sh failed (see above); syscall_loop is up to date, so going on" >&2
  else
    echo "engines: build.sh failed and syscall_loop is missing or stale" >&2
    exit 1
  fi
fi

read -ra strace <<<"${STRACE:-strace}"
if [ "${strace[0]}" != none ] && ! command -v "${strace[0]}" >/dev/null; then
  echo "engines: ${strace[0]} not found; leaving strace out (STRACE=none to say so)" >&2
  strace=(none)
fi

# ---- run -------------------------------------------------------------------------------------------
pin=()
if [ "$cpu" = default ]; then cpu=$(($(nproc) - 1)); fi
if [ "$cpu" != none ]; then
  command -v taskset >/dev/null || { echo "engines: taskset not found; use --cpu none" >&2; exit 1; }
  pin=(taskset -c "$cpu")
fi

mkdir -p "$root/bench/results"
stamp=$(date +%Y%m%d-%H%M%S)
tsv=$root/bench/results/engines-$stamp.tsv
args=(--n "$n" --rounds "$rounds" --engines "$engines" --strace "${strace[*]}" --tsv "$tsv")
[ "$quiesce" = 1 ] || args+=(--no-quiesce)
[ "$clock" = 1 ] || args+=(--no-clock)
[ "$control" = 1 ] && args+=(--alloc-control)
addmods=jdk.management
jvmopts=()
if [ "$jfr" = 1 ]; then
  rec=$root/bench/results/engines-$stamp.jfr
  args+=(--jfr "$rec")
  addmods+=,jdk.jfr
  # 2 kB TLABs that do not grow: a thread then takes a new TLAB, and JFR records an
  # ObjectAllocationInNewTLAB event with its stack, for about every 2 kB it allocates. With the
  # default sizing a TLAB can reach megabytes and hide a slow leak. The timings of such a run are
  # not the benchmark's figures.
  jvmopts+=(-XX:TLABSize=2k -XX:-ResizeTLAB)
fi

echo "engines: $(uname -srm), $(nproc) cpus, ${pin[*]:-unpinned}, commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" >&2
# The JVM options of the jutrace launcher, so the tracer thread runs as it does there.
# A run that fails is reported and makes the exit status 1; the table and the JFR report still come.
rc=0
"${pin[@]}" "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xss512k "${jvmopts[@]}" --enable-native-access=dev.jutrace.sys \
  --add-modules "$addmods" -Djutrace.tracees="$tracees" \
  -p "$(IFS=:; echo "${jars[*]}")" -m dev.jutrace.testing/dev.jutrace.testing.bench.EnginePassBench "${args[@]}" ||
  rc=$?
echo
echo "cpu: ${pin[*]:-unpinned}; raw results: ${tsv#"$root"/}"

[ "$jfr" = 1 ] && [ -f "$rec" ] || exit "$rc"

# ---- allocation on the tracer thread, from the recording ---------------------------------------------
jfrtool=$JAVA_HOME/bin/jfr
# Syscall stops the engines saw during the recording (every run of the measured rounds), and the
# bytes the allocating control engine's runs account for, which are no part of the tracer.
stops=$(awk -F'\t' '!/^#/ && $1 ~ /^[0-9]+$/ && $1 > 0 && $2 !~ /a$/ { s += $6 } END { print s + 0 }' "$tsv")
controlbytes=$(awk -F'\t' '!/^#/ && $1 ~ /^[0-9]+$/ && $1 > 0 && $2 ~ /a$/ { s += $7 } END { print s + 0 }' "$tsv")

echo
echo "JFR allocation profile of the measured rounds: ${rec#"$root"/}"
echo
# Three JFR events record allocation with a stack trace: ObjectAllocationSample (throttled, in the
# profile settings), and ObjectAllocationInNewTLAB and ObjectAllocationOutsideTLAB, which
# EnginePassBench turns on because they fire at every TLAB refill and every allocation outside a
# TLAB. A thread that allocates nothing in the recording has none of them.
events=jdk.ObjectAllocationSample,jdk.ObjectAllocationInNewTLAB,jdk.ObjectAllocationOutsideTLAB
echo "Allocation events (${events//jdk./}) by thread:"
"$jfrtool" print --events "$events" "$rec" |
  sed -n 's/^ *eventThread = "\(.*\)" (javaThreadId = .*/\1/p' | sort | uniq -c | sort -rn |
  awk '{ c = $1; $1 = ""; printf "  %6d %s\n", c, substr($0, 2) } END { if (NR == 0) print "  none" }'

# Each event on the tracer thread is put in one class by its stack: the control engine
# (--alloc-control); a request from another thread (Tracer.drainRequests: spawn, attach, the
# benchmark's own round trips; once a run); a syscall stop (Tracer.syscallStop: the report pass and
# the restart); another stop (Tracer.dispatch: exec, exit, death; once a run); the wait for the
# next stop (Tracer.loop alone: waitpid); anything else. The per-stop path is the syscall stops and
# the wait. Sites are the top frame and the first jutrace frame. Bytes are the sample's weight,
# the new TLAB's size or the allocation's size.
"$jfrtool" print --stack-depth 64 --events "$events" "$rec" | awk -v thread="$thread" '
  function bytes(v, u) { return u == "bytes" ? v : u == "kB" ? v * 1024 : u == "MB" ? v * 1048576 : u == "GB" ? v * 1073741824 : v }
  function flush() {
    if (inev && on) {
      total++
      kind = control ? "control engine" : request ? "request" : syscall ? "syscall stop" : stop ? "other stop" \
        : inloop ? "waitpid" : "other"
      kinds[kind]++
      key = type " | " kind " | " cls " | " top (via != "" && via != top ? " <- " via : "")
      count[key]++; weight[key] += w
    }
    inev = 0; on = 0; control = 0; request = 0; syscall = 0; stop = 0; inloop = 0; top = ""; via = ""; cls = ""; w = 0; instack = 0
  }
  /^jdk\.ObjectAllocation[A-Za-z]* \{/ { flush(); inev = 1; type = $1; sub(/^jdk\.ObjectAllocation/, "", type); next }
  inev && /^ *objectClass = / { cls = $3 }
  inev && /^ *(weight|tlabSize) = / { w = bytes($3, $4) }
  inev && type == "OutsideTLAB" && /^ *allocationSize = / { w = bytes($3, $4) }
  inev && /^ *eventThread = / { on = index($0, "\"" thread "\"") > 0 }
  inev && /^ *stackTrace = \[/ { instack = 1; next }
  inev && instack && /^ *\]/ { instack = 0; next }
  inev && instack {
    f = $0; sub(/^ +/, "", f)
    if (top == "") top = f
    if (via == "" && f ~ /^dev\.jutrace\./) via = f
    if (f ~ /^dev\.jutrace\.testing\.bench\.CountingEngine\./) control = 1
    if (f ~ /^dev\.jutrace\.core\.Tracer\.syscallStop\(/) syscall = 1
    if (f ~ /^dev\.jutrace\.core\.Tracer\.dispatch\(/) stop = 1
    if (f ~ /^dev\.jutrace\.core\.Tracer\.drainRequests\(/) request = 1
    if (f ~ /^dev\.jutrace\.core\.Tracer\.loop\(/) inloop = 1
  }
  END {
    flush()
    printf "\nAllocation events on the tracer thread (%s): %d", thread, total
    if (total == 0) { print ""; exit }
    printf "\n  per-stop path: %d (syscall stops %d, waitpid %d)\n", kinds["syscall stop"] + kinds["waitpid"], \
      kinds["syscall stop"], kinds["waitpid"]
    printf "  once a run: %d (requests such as spawn %d, exec/exit/death stops %d); other %d; control engine %d\n", \
      kinds["request"] + kinds["other stop"], kinds["request"], kinds["other stop"], kinds["other"], kinds["control engine"]
    print "\nTop sites (event | class | object | top frame <- first jutrace frame):"
    for (shown = 0; shown < 15; shown++) {
      best = ""
      for (k in count) if (!(k in done) && (best == "" || count[k] > count[best])) best = k
      if (best == "") break
      done[best] = 1
      printf "  %5d events  %12.0f bytes  %s\n", count[best], weight[best], best
    }
  }'

# jdk.ThreadAllocationStatistics: the tracer thread's exact allocated-bytes counter, sampled by JFR.
"$jfrtool" print --json --events jdk.ThreadAllocationStatistics "$rec" | awk -v thread="$thread" -v stops="$stops" -v control="$controlbytes" '
  /"allocated":/ { v = $2; gsub(/[^0-9]/, "", v) }
  /"javaName":/ && index($0, "\"" thread "\"") { if (first == "") first = v; last = v; k++ }
  END {
    if (k < 2) { print "\njdk.ThreadAllocationStatistics: fewer than two readings of the tracer thread"; exit }
    d = last - first - control
    printf "\njdk.ThreadAllocationStatistics, tracer thread: %d readings, %d bytes allocated between the first and\n", k, last - first
    if (control > 0) printf "the last, %d of them by the control engine'"'"'s runs (from the TSV), %d by the rest;\n", control, d
    else printf "the last;\n"
    printf "%d syscall stops in the recorded runs (control left out), so at most %.4f bytes per stop. The\n", stops, stops ? d / stops : 0
    print "table'"'"'s tracer bytes per stop, (bytes(N) - bytes(0)) / 2N, tells per-stop allocation from per-run set-up."
  }'

exit "$rc"
