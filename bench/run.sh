#!/usr/bin/env bash
# Times jutrace against strace (and against no tracer at all) on a few workloads.
#
# Each round runs every chosen workload untraced, under `strace -f -o /dev/null` and under
# `jutrace -f -o /dev/null`, alternating which tracer goes first from round to round, so that
# drift in the machine's speed lands on both alike. Wall time per run goes to
# bench/results/<timestamp>.tsv; a markdown table of medians goes to stdout.
#
# Usage: bench/run.sh [--rounds N] [--workloads a,b,c,d,e,f|all] [--quick]
# Environment: JUTRACE and STRACE override the two tracer commands (word-split, so
# JUTRACE="strace -qq" works); the defaults are ./jutrace at the repository root and strace.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
tracees=$root/target/tracees

rounds=5
workloads=a,b
quick=0

usage() {
  cat <<EOF
usage: bench/run.sh [--rounds N] [--workloads LIST] [--quick]
  --rounds N        rounds per workload (default 5)
  --workloads LIST  comma-separated workloads, or "all" (default a,b):
                      a  syscall_loop 1000000          one getppid a million times
                      b  sh loop of 2000 /bin/true     fork and exec
                      c  file_loop 200000              openat/fstat/read/close
                      d  thread_loop 4 250000          four threads making getppid
                      e  file_loop 200000, -e trace=openat, strace with --seccomp-bpf
                      f  the same as e with neither tracer using seccomp (jutrace --no-seccomp)
                      g  start-up: tracing /bin/true, -o /dev/null
  Workloads a to d also run under bench/floor.c, the least a ptrace tracer can do (PTRACE_SYSCALL
  and PTRACE_GET_SYSCALL_INFO at every stop, nothing printed): the floor both tracers stand on.
  --quick           a tenth of each workload's size, and 2 rounds unless --rounds is given
environment: JUTRACE (default: $root/jutrace), STRACE (default: strace)
EOF
}

rounds_given=0
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=${2:?--rounds needs a number}; rounds_given=1; shift 2 ;;
    --rounds=*) rounds=${1#*=}; rounds_given=1; shift ;;
    --workloads) workloads=${2:?--workloads needs a list}; shift 2 ;;
    --workloads=*) workloads=${1#*=}; shift ;;
    --quick) quick=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
case $rounds in ''|*[!0-9]*|0) echo "bench: --rounds needs a positive number" >&2; exit 2 ;; esac
[ "$workloads" = all ] && workloads=a,b,c,d,e,f,g
if [ "$quick" = 1 ] && [ "$rounds_given" = 0 ]; then rounds=2; fi
scale=$(( quick ? 10 : 1 ))

read -ra jutrace <<<"${JUTRACE:-$root/jutrace}"
read -ra strace <<<"${STRACE:-strace}"

# Sets the array `cmd` to workload $1's command line, `label` to its name in the table, and
# `sargs`/`jargs` to the options strace and jutrace get besides -f -o /dev/null.
workload() {
  local t=$tracees
  sargs=()
  jargs=()
  case $1 in
    a) n=$((1000000 / scale)); cmd=("$t/syscall_loop" "$n"); label="syscall_loop $n" ;;
    b) n=$((2000 / scale)); cmd=(sh -c "for i in \$(seq $n); do /bin/true; done")
       label="sh: $n x fork+exec /bin/true" ;;
    c) n=$((200000 / scale)); cmd=("$t/file_loop" "$n"); label="file_loop $n" ;;
    d) n=$((250000 / scale)); cmd=("$t/thread_loop" 4 "$n"); label="thread_loop 4 $n" ;;
    e) n=$((200000 / scale)); cmd=("$t/file_loop" "$n"); label="file_loop $n, -e trace=openat, seccomp"
       sargs=(--seccomp-bpf -e trace=openat); jargs=(-e trace=openat) ;;
    f) n=$((200000 / scale)); cmd=("$t/file_loop" "$n"); label="file_loop $n, -e trace=openat, no seccomp"
       sargs=(-e trace=openat); jargs=(--no-seccomp -e trace=openat) ;;
    g) cmd=(/bin/true); label="start-up: /bin/true" ;;
    *) echo "bench: unknown workload '$1' (know a to g)" >&2; exit 2 ;;
  esac
}

IFS=, read -ra chosen <<<"$workloads"
for w in "${chosen[@]}"; do workload "$w"; done  # rejects unknown names before any work

command -v "${strace[0]}" >/dev/null || { echo "bench: ${strace[0]} not found" >&2; exit 1; }
bash "$root/jutrace-testing/src/main/c/build.sh" "$tracees"
floor=$root/target/bench-floor
if [ ! -x "$floor" ] || [ "$root/bench/floor.c" -nt "$floor" ]; then
  mkdir -p "$root/target"
  "${CC:-cc}" -O2 -Wall -Werror -o "$floor" "$root/bench/floor.c"
fi
# Whether workload $1 runs under the floor tracer: the ones that trace every call.
has_floor() { case $1 in a|b|c|d) return 0 ;; *) return 1 ;; esac; }

err=$(mktemp)
trap 'rm -f "$err"' EXIT

# Runs "$@" once with stdout and stderr discarded (stderr kept in $err), and sets `secs` to its
# wall time and `rc` to its exit status. EPOCHREALTIME costs no fork, unlike date.
timed() {
  local t0 t1
  t0=${EPOCHREALTIME/./}
  set +e
  "$@" >/dev/null 2>"$err"
  rc=$?
  set -e
  t1=${EPOCHREALTIME/./}
  secs=$(printf '%d.%06d' $(( (t1 - t0) / 1000000 )) $(( (t1 - t0) % 1000000 )))
}

# One untimed run of each tracer: it catches a tracer that does not work before any numbers are
# taken, and keeps one-off costs (jutrace builds itself on first use) out of the first round.
for who in strace jutrace; do
  if [ $who = strace ]; then tracer=("${strace[@]}"); else tracer=("${jutrace[@]}"); fi
  timed "${tracer[@]}" -f -o /dev/null /bin/true
  if [ "$rc" != 0 ]; then
    echo "bench: warm-up failed: ${tracer[*]} -f -o /dev/null /bin/true exited $rc:" >&2
    cat "$err" >&2
    exit 1
  fi
done

mkdir -p "$root/bench/results"
out=$root/bench/results/$(date +%Y%m%d-%H%M%S).tsv
{
  echo "# jutrace bench $(date -Iseconds) on $(uname -srm), $(nproc) cpus"
  echo "# commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "# jutrace: ${jutrace[*]}"
  echo "# strace: ${strace[*]} ($("${strace[0]}" -V 2>/dev/null | head -1))"
  printf 'round\tworkload\trunner\tseconds\texit\n'
} >"$out"

failures=0
run_one() { # round workload runner command...
  local r=$1 w=$2 who=$3
  shift 3
  timed "$@"
  printf '%s\t%s\t%s\t%s\t%s\n' "$r" "$w" "$who" "$secs" "$rc" >>"$out"
  if [ "$rc" != 0 ]; then
    failures=$((failures + 1))
    echo "bench: round $r, $w, $who: exit $rc: $(head -c 300 "$err")" >&2
  fi
}

for ((r = 1; r <= rounds; r++)); do
  for w in "${chosen[@]}"; do
    workload "$w"
    echo "bench: round $r/$rounds: $label" >&2
    run_one "$r" "$w" untraced "${cmd[@]}"
    if has_floor "$w"; then run_one "$r" "$w" floor "$floor" -f -o /dev/null "${cmd[@]}"; fi
    if ((r % 2)); then
      run_one "$r" "$w" strace "${strace[@]}" -f -o /dev/null "${sargs[@]}" "${cmd[@]}"
      run_one "$r" "$w" jutrace "${jutrace[@]}" -f -o /dev/null "${jargs[@]}" "${cmd[@]}"
    else
      run_one "$r" "$w" jutrace "${jutrace[@]}" -f -o /dev/null "${jargs[@]}" "${cmd[@]}"
      run_one "$r" "$w" strace "${strace[@]}" -f -o /dev/null "${sargs[@]}" "${cmd[@]}"
    fi
  done
done

# Prints the median of the numbers on stdin, one a line; "-" when there are none.
median() {
  sort -g | awk '{ v[NR] = $1 }
    END { if (NR == 0) print "-"; else if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2];
          else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# Prints the seconds of workload $1 under runner $2, one per round.
times_of() {
  awk -F'\t' -v w="$1" -v who="$2" '!/^#/ && $2 == w && $3 == who { print $4 }' "$out"
}
# Prints runner $2's time over runner $3's for workload $1, one ratio per round.
ratios_of() {
  awk -F'\t' -v w="$1" -v a="${2:-jutrace}" -v b="${3:-strace}" '!/^#/ && $2 == w && $3 == b { s[$1] = $4 }
    !/^#/ && $2 == w && $3 == a { j[$1] = $4 }
    END { for (r in s) if ((r in j) && s[r] > 0) print j[r] / s[r] }' "$out"
}

echo
echo "Wall seconds, median of $rounds rounds; each ratio is the median of its per-round ratios."
echo "floor/jutrace is the share of jutrace's time that ptrace itself takes (1.0: nothing on top)."
echo
echo "| workload | untraced | floor | strace | jutrace | jutrace/strace | floor/jutrace |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for w in "${chosen[@]}"; do
  workload "$w"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" \
    "$(times_of "$w" untraced | median)" "$(times_of "$w" floor | median)" "$(times_of "$w" strace | median)" \
    "$(times_of "$w" jutrace | median)" "$(ratios_of "$w" | median)" "$(ratios_of "$w" floor jutrace | median)"
done
echo
echo "raw results: ${out#"$root"/}"
if [ "$failures" != 0 ]; then
  echo "bench: $failures run(s) exited non-zero; their times are in the table all the same" >&2
  exit 1
fi
