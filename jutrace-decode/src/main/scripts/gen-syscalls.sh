#!/bin/sh
# Rewrites the number and name columns of syscalls-x86_64.tsv from the kernel's unistd_64.h.
# Argument counts and classes are kept from the existing table, matched by name; a syscall the
# table has never seen gets "?" in both, which fails SyscallTableTest until a person fills them
# in from its man 2 page.
#
# usage: gen-syscalls.sh [unistd_64.h] [syscalls-x86_64.tsv]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
header=${1:-/usr/include/x86_64-linux-gnu/asm/unistd_64.h}
table=${2:-$here/../resources/dev/jutrace/decode/syscalls-x86_64.tsv}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{
  cat <<'HEAD'
# x86_64 system calls: number, name, argument count, classes.
# The number and name columns are generated from the kernel's
# /usr/include/x86_64-linux-gnu/asm/unistd_64.h by
#   jutrace-decode/src/main/scripts/gen-syscalls.sh
# DO NOT EDIT the number/name columns by hand. Argument counts and classes are kept across
# regeneration; edit them here.
# Argument count: the argument registers the call uses (man 2 page, kernel SYSCALL_DEFINEn).
# Classes, joined by "|", "-" for none, as strace's -e trace=%class selects them:
#   TD %desc  TF %file  TN %network  TP %process  TS %signal  TM %memory  TI %ipc  TC %creds
#   TCL %clock  PU %pure  TST %stat  TLST %lstat  TFST %fstat  TSTA %%stat  TSF %statfs
#   TFSF %fstatfs  TSFA %%statfs
HEAD
  awk -F'\t' '
    FNR == NR { if ($0 !~ /^#/ && NF >= 4) { args[$2] = $3; classes[$2] = $4 } next }
    $1 == "#define" && $2 ~ /^__NR_/ {
      name = substr($2, 6)
      a = (name in args) ? args[name] : "?"
      c = (name in classes) ? classes[name] : "?"
      if (a == "?") printf "gen-syscalls: new syscall %s: fill in its argument count and classes\n", name > "/dev/stderr"
      printf "%s\t%s\t%s\t%s\n", $3, name, a, c
    }' "$table" FS='[ \t]+' "$header"
} > "$tmp"
mv "$tmp" "$table"
trap - EXIT
