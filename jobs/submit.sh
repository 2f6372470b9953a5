#!/usr/bin/env bash
# Run a chatqa command on a Spark cluster:
#   jobs/submit.sh --master spark://HOST:7077 score --input /shared/exports/2026-11-21
# Uses spark-submit from SPARK_HOME when there is one (the cluster's own Spark), otherwise the
# SparkSubmit launcher inside target/chatqa.jar. Either way the jar is shipped to the executors;
# input, warehouse and reports paths must be visible to the driver and the executors (HDFS, S3,
# NFS). Extra spark-submit options go in SPARK_SUBMIT_OPTS_EXTRA, e.g.
#   SPARK_SUBMIT_OPTS_EXTRA="--executor-memory 4g --total-executor-cores 16"
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [ "${1:-}" != "--master" ] || [ -z "${2:-}" ]; then
  echo "usage: jobs/submit.sh --master URL <chatqa command and options>" >&2
  exit 2
fi
master="$2"; shift 2
ensure_jar
# shellcheck disable=SC2086
if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
  exec "$SPARK_HOME/bin/spark-submit" --master "$master" --class chatqa.cli.ChatQa ${SPARK_SUBMIT_OPTS_EXTRA:-} "$jar" "$@"
fi
mapfile -t opens < <(jvm_opens)
exec java ${CHATQA_JAVA_OPTS:-} "${opens[@]}" -cp "$jar" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --class chatqa.cli.ChatQa ${SPARK_SUBMIT_OPTS_EXTRA:-} "$jar" "$@"
