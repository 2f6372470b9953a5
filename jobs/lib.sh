# Shared by the job scripts: find Java 17+, build the jar when it is missing or older than the
# sources, and run it with the JVM flags Spark needs on Java 17.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/chatqa.jar"

# Spark reaches into these JDK packages; Java 17 closes them by default.
spark_opens=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
)

require_java() {
  if ! command -v java >/dev/null 2>&1; then
    echo "chatqa: Java 17 or newer is needed (e.g. apt-get install openjdk-17-jdk-headless)" >&2
    exit 1
  fi
  local v
  v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  if [ -z "$v" ] || [ "$v" -lt 17 ]; then
    echo "chatqa: Java 17 or newer is needed, found: $(java -version 2>&1 | head -1)" >&2
    exit 1
  fi
}

ensure_jar() {
  require_java
  if [ -f "$jar" ] && [ -z "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    return
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    echo "chatqa: $jar is missing and Maven is not installed to build it (apt-get install maven)" >&2
    exit 1
  fi
  echo "chatqa: building $jar (mvn package, tests skipped) ..." >&2
  (cd "$root" && mvn -B -q -DskipTests package) >&2
}

run_chatqa() {
  # CHATQA_JAVA_OPTS: extra JVM options, e.g. -Xmx8g for a large day.
  # shellcheck disable=SC2086
  java ${CHATQA_JAVA_OPTS:-} "${spark_opens[@]}" -jar "$jar" "$@"
}
