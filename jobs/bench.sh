#!/usr/bin/env bash
# Benchmark: generate N conversations with chatqa's generator, then measure in one run
#   1. bare HanLP segmentation of every message text on one thread (the NLP floor),
#   2. the full `chatqa score` job end to end (local[*]),
#   3. what the sentence-comparing and composed rules cost: `chatqa bench rules` scores 10,000 of the
#      conversations in one JVM with the rule book, without its similar-sentence and repeat rules,
#      and without any composed rule, finely interleaved (this build, also with --job-jar);
#   4. the peer baseline, a plain pandas + jieba script (bench/peer/peer.py), on the same files;
# print messages/second of each and the ratios, and append a row to bench/results.csv.
#   jobs/bench.sh                        # 50,000 conversations (about a million messages)
#   jobs/bench.sh --conversations 200000
# Options: --conversations N, --follow-ups MEAN (7: ~20 messages a conversation), --seed S,
#          --skip-peer, --keep (keep the warehouse), --job-jar JAR (score with another build of
#          chatqa, e.g. one of an older commit, for before/after rows; segmentation uses this build). The input stays in bench/work/nN/ for the next run.
# Timings on a shared machine are noisy: compare rows of one run (the ratios), and the CPU
# seconds, which other load disturbs less than wall time (job CPU / segmentation CPU).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

conversations=50000
follow_ups=7
seed=20261120
skip_peer=0
keep=0
job_jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --conversations) conversations="$2"; shift 2 ;;
    --follow-ups) follow_ups="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --skip-peer) skip_peer=1; shift ;;
    --keep) keep=1; shift ;;
    --job-jar) job_jar="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

day=2026-11-20
work="$root/bench/work/n$conversations"
results="$root/bench/results.csv"

# --- tools: GNU time for peak RSS, Debian's pandas and jieba for the peer (PyPI is not needed) ---
apt_install() {
  echo "bench: installing Debian packages: $* (apt-get update; apt-get install -y $*)" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "bench: need root for apt-get; install them yourself: apt-get install -y $*" >&2
    exit 1
  fi
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}
[ -x /usr/bin/time ] || apt_install time
if [ "$skip_peer" -eq 0 ]; then
  missing=()
  for pkg in python3-pandas python3-jieba python3-yaml; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
fi
ensure_jar

# --- input: generated once per (N, follow-ups, seed), reused by later runs with --keep ---
input="$work/input/$day"
stamp="$work/input/.generated-$conversations-$follow_ups-$seed"
if [ ! -f "$stamp" ]; then
  rm -rf "$work/input"
  mkdir -p "$work"
  echo "bench: generating $conversations conversations (follow-ups $follow_ups, seed $seed) into $work/input" >&2
  run_chatqa generate --date "$day" --conversations "$conversations" --follow-ups "$follow_ups" --seed "$seed" \
    --out "$work/input" >"$work/generate.log"
  touch "$stamp"
fi
input_bytes=$(du -sb "$input" | cut -f1)

# field NAME FILE: the value of a key=value line
field() { sed -n "s/^$1=//p" "$2" | tail -1; }
# from /usr/bin/time -v output
wall_of() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
cpu_of() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$1"; }
rss_mb_of() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
# the largest heap in use after a collection, and the largest committed heap, from -Xlog:gc
heap_of() { grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$1" | tr 'M()>-' '     ' |
  awk '{ if ($2 > used) used = $2; if ($3 > committed) committed = $3 } END { printf "%d %d", used, committed }'; }

echo "bench: [1/4] bare segmentation, one thread" >&2
/usr/bin/time -v -o "$work/segment.time" java -jar "$jar" bench segment --input "$input" >"$work/segment.out"
seg_messages=$(field messages "$work/segment.out")
seg_seconds=$(field segment_seconds "$work/segment.out")
seg_cpu=$(field segment_cpu_seconds "$work/segment.out")

echo "bench: [2/4] chatqa score, local[*]" >&2
rm -rf "$work/warehouse" "$work/reports"
# shellcheck disable=SC2086
/usr/bin/time -v -o "$work/job.time" java ${CHATQA_JAVA_OPTS:-} -Xlog:gc:file="$work/gc-job.log" \
  -jar "${job_jar:-$jar}" score --input "$input" --date "$day" \
  --warehouse "$work/warehouse" --reports "$work/reports" >"$work/job.out" 2>"$work/job.err" \
  || { cat "$work/job.err" >&2; exit 1; }
job_messages=$(sed -n 's/^ *accepted *\([0-9,]*\).*/\1/p' "$work/job.out" | tr -d ,)
job_seconds=$(wall_of "$work/job.time")
job_cpu=$(cpu_of "$work/job.time")
job_rss=$(rss_mb_of "$work/job.time")
read -r heap_used heap_committed <<<"$(heap_of "$work/gc-job.log")"

echo "bench: [3/4] rule costs, one JVM, one thread" >&2
java -jar "$jar" bench rules --input "$input" --limit 10000 --rounds 3 >"$work/rules.out" 2>"$work/rules.err" \
  || { cat "$work/rules.err" >&2; exit 1; }
rules_cpu=$(field rules_cpu_seconds "$work/rules.out")
rules_no_similar_cpu=$(field rules_without_similar_cpu_seconds "$work/rules.out")
rules_base_cpu=$(field rules_base_cpu_seconds "$work/rules.out")
similar_ratio=$(field similar_repeat_cost_ratio "$work/rules.out")
composed_ratio=$(field composed_cost_ratio "$work/rules.out")

peer_messages=0 peer_seconds=0 peer_rss=0
if [ "$skip_peer" -eq 0 ]; then
  echo "bench: [4/4] peer: pandas + jieba" >&2
  /usr/bin/time -v -o "$work/peer.time" /usr/bin/python3 "$root/bench/peer/peer.py" --input "$input" \
    --rules "$root/src/main/resources/chatqa/rules/default.yaml" --out "$work/peer-conversations.csv" >"$work/peer.out"
  peer_messages=$(field messages "$work/peer.out")
  peer_seconds=$(wall_of "$work/peer.time")
  peer_rss=$(rss_mb_of "$work/peer.time")
fi

cores=$(nproc)
mem_gb=$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)
load=$(cut -d' ' -f1 /proc/loadavg)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git -C "$root" status --porcelain --untracked-files=no -- . ":!bench/results.csv" 2>/dev/null)" ] || commit="$commit-dirty"
[ -z "$job_jar" ] || commit="$commit job:$(basename "$job_jar")"

read -r seg_rate job_rate peer_rate job_vs_floor vs_peer cpu_vs_floor <<<"$(awk -v sm="$seg_messages" -v ss="$seg_seconds" \
  -v jm="$job_messages" -v js="$job_seconds" -v pm="$peer_messages" -v ps="$peer_seconds" -v c="$cores" \
  -v sc="$seg_cpu" -v jc="$job_cpu" 'BEGIN {
    seg = sm / ss; job = jm / js; peer = ps > 0 ? pm / ps : 0
    # job time over (segmentation time of the same messages / cores): the pipeline overhead factor;
    # the same with CPU seconds, which other load on the machine disturbs less
    printf "%.0f %.0f %.0f %.2f %.2f %.2f", seg, job, peer, seg * c / job, (peer > 0 ? job / peer : 0), (sc > 0 ? jc / (sc * jm / sm) : 0) }')"

printf '\nchatqa bench: %s conversations, %s messages (%s MB of exports), %s cores, %s GB, load %s, commit %s\n' \
  "$conversations" "$job_messages" "$((input_bytes / 1048576))" "$cores" "$mem_gb" "$load" "$commit"
printf '  %-28s %10s %10s %12s\n' "" "messages" "seconds" "messages/s"
printf '  %-28s %10s %10s %12s\n' "segmentation floor (1 core)" "$seg_messages" "$seg_seconds" "$seg_rate"
printf '  %-28s %10s %10s %12s   (CPU %s s)\n' "chatqa score (end to end)" "$job_messages" "$job_seconds" "$job_rate" "$job_cpu"
[ "$skip_peer" -eq 1 ] || printf '  %-28s %10s %10s %12s\n' "peer: pandas + jieba" "$peer_messages" "$peer_seconds" "$peer_rate"
printf '  full job / (segmentation / %s cores): %sx\n' "$cores" "$job_vs_floor"
printf '  job CPU / segmentation CPU:          %sx   (target <= 5; segmentation %s CPU s)\n' "$cpu_vs_floor" "$seg_cpu"
printf '  scoring CPU with / without similar+repeat rules: %sx (target <= 1.10); with / without all composed rules: %sx\n' \
  "$similar_ratio" "$composed_ratio"
[ "$skip_peer" -eq 1 ] || printf '  chatqa / peer messages per second:    %sx   (target >= 1.5 at 50,000 conversations, >= 3 at 200,000)\n' "$vs_peer"
printf '  chatqa peak RSS %s MB; driver heap: at most %s MB in use after a GC, %s MB committed\n' \
  "$job_rss" "$heap_used" "$heap_committed"
[ "$skip_peer" -eq 1 ] || printf '  peer peak RSS %s MB\n' "$peer_rss"

header="date,commit,nproc,memory_gb,load_avg,conversations,messages,segment_seconds,segment_msg_per_s,job_seconds,job_cpu_seconds,job_msg_per_s,peer_seconds,peer_msg_per_s,job_over_segmentation_per_core,chatqa_over_peer,job_peak_rss_mb,driver_heap_used_after_gc_mb,driver_heap_committed_mb,peer_peak_rss_mb,segment_cpu_seconds,job_cpu_over_segmentation_cpu,rules_cpu_seconds,rules_without_similar_cpu_seconds,rules_base_cpu_seconds,similar_repeat_cost_ratio,composed_cost_ratio"
if [ ! -f "$results" ]; then
  echo "$header" >"$results"
elif [ "$(head -1 "$results")" != "$header" ]; then
  # columns were added since older rows were written: new header, older rows padded with empty fields
  awk -F, -v h="$header" 'BEGIN { n = split(h, f, ",") } NR == 1 { print h; next }
    { line = $0; for (i = NF; i < n; i++) line = line ","; print line }' "$results" >"$results.tmp"
  mv "$results.tmp" "$results"
fi
if [ "$skip_peer" -eq 1 ]; then peer_seconds="" peer_rate="" vs_peer="" peer_rss=""; fi
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$commit,$cores,$mem_gb,$load,$conversations,$job_messages,$seg_seconds,$seg_rate,$job_seconds,$job_cpu,$job_rate,$peer_seconds,$peer_rate,$job_vs_floor,$vs_peer,$job_rss,$heap_used,$heap_committed,$peer_rss,$seg_cpu,$cpu_vs_floor,$rules_cpu,$rules_no_similar_cpu,$rules_base_cpu,$similar_ratio,$composed_ratio" >>"$results"
echo "  appended to $results"
if [ "$keep" -eq 0 ]; then
  rm -rf "$work/warehouse" "$work/reports"
fi
