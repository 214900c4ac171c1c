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
  if [ ! -x "$bin" ] || [ "$c" -nt "$bin" ] || [ "$src/tracee.h" -nt "$bin" ]; then
    "$cc" -O1 -g -Wall -Werror -pthread -o "$bin" "$c"
  fi
done
