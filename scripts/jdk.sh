# Sourced by the launcher and the test wrapper: exports JAVA_HOME pointing at a JDK >= 25.
# Order: $JAVA_HOME if it is new enough, else the newest suitable JDK under /usr/lib/jvm.
jdk_major() { # prints the major version of the JDK at $1, or nothing
  local rel="$1/release"
  [ -x "$1/bin/java" ] && [ -f "$rel" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
}
jdk_find() {
  local v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then return 0; fi
  fi
  local best="" bestv=0 d
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    v=$(jdk_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$bestv" ] && [ -x "$d/bin/javac" ]; then
      best=$d; bestv=$v
    fi
  done
  if [ -z "$best" ]; then
    echo "jutrace: needs a JDK 25 or newer; set JAVA_HOME to one, or install it under /usr/lib/jvm (e.g. apt-get install temurin-25-jdk)" >&2
    return 1
  fi
  export JAVA_HOME=$best
}
