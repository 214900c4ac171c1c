#!/usr/bin/env bash
# Compiles every tracee program (one .c file each) into the directory given as $1.
# Rebuilds only what changed, so repeated test runs cost nothing here.
set -euo pipefail
src=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh OUTDIR}
mkdir -p "$out"
cc=${CC:-cc}
for c in "$src"/*.c; do
  [ -e "$c" ] || continue
  name=$(basename "$c" .c)
  bin="$out/$name"
  stale=0
  for h in "$src"/*.h; do [ "$h" -nt "$bin" ] && stale=1; done
  if [ ! -x "$bin" ] || [ "$c" -nt "$bin" ] || [ "$stale" = 1 ]; then
    opt=-O1
    case "$name" in gdb_*) opt=-O0 ;; esac # gdb tests step line by line and print locals
    "$cc" $opt -g -Wall -Werror -pthread -o "$bin" "$c"
  fi
done
