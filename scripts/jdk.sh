# Sourced by ./dharma and bench/run: finds a JDK >= 21 without any environment variable.
# JAVA_HOME wins when it is new enough; otherwise the newest JDK in the usual folders.
MIN_JAVA=21

java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

find_jdk() {
  local version
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    version="$(java_major "$JAVA_HOME/bin/java")"
    if [ -n "$version" ] && [ "$version" -ge "$MIN_JAVA" ]; then echo "$JAVA_HOME"; return; fi
  fi
  local best="" best_version=0 home
  for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
              "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /opt/java/* /usr/local/opt/openjdk*; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    version="$(java_major "$home/bin/java")"
    [ -n "$version" ] || continue
    if [ "$version" -ge "$MIN_JAVA" ] && [ "$version" -gt "$best_version" ]; then
      best="$home" best_version="$version"
    fi
  done
  [ -n "$best" ] || { echo "no JDK >= $MIN_JAVA found (looked at JAVA_HOME and the usual JDK folders)." >&2; return 1; }
  echo "$best"
}

# JVM options for running Dharma's jars on the given JDK.
java_opts() {
  # Kafka's clients still call sun.misc.Unsafe; JDK 24+ warns about it on every start.
  if [ "$(java_major "$1/bin/java")" -ge 24 ]; then echo "--sun-misc-unsafe-memory-access=allow"; fi
}
