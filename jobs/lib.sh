# Shared by the job scripts: find Java 17+, build the jar when it is missing or older than the
# sources, and run it (the jar's manifest carries the JVM flags Spark needs on Java 17).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/chatqa.jar"

# Spark reaches into JDK packages that Java 17 closes by default. The jar's manifest opens them
# (Add-Opens) for `java -jar`; a launch with -cp reads the same list from the jar (jvm_opens).
jvm_opens() {
  local list
  list=$(unzip -p "$jar" chatqa/jvm/add-opens.txt 2>/dev/null) || { echo "chatqa: cannot read chatqa/jvm/add-opens.txt from $jar (is unzip installed?)" >&2; exit 1; }
  for p in $list; do printf -- '--add-opens=%s=ALL-UNNAMED\n' "$p"; done
}

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
  java ${CHATQA_JAVA_OPTS:-} -jar "$jar" "$@"
}

# Installs Debian packages that are missing, when this machine can (root and apt-get); says
# plainly what it does. Returns 1 when something stays missing.
ensure_debian_packages() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "chatqa: installing Debian packages: ${missing[*]} (apt-get, one time) ..." >&2
    if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null 2>&1; then
      return 0
    fi
    echo "chatqa: apt-get could not install ${missing[*]}" >&2
  fi
  return 1
}

# Charts label agents and rules in Chinese: without a CJK font Java draws boxes.
ensure_cjk_font() {
  if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -1)" ]; then
    return 0
  fi
  if ensure_debian_packages fonts-noto-cjk; then
    return 0
  fi
  echo "chatqa: warning: no Chinese font found; chart labels in Chinese will show as boxes." >&2
  echo "chatqa:          install one, e.g. 'sudo apt-get install fonts-noto-cjk'." >&2
  return 0
}
