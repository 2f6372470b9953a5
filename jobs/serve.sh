#!/usr/bin/env bash
# Serve the warehouse over Spark Connect (read-only) for notebooks and BI tools, until Ctrl-C:
#   jobs/serve.sh [--warehouse warehouse] [--port 15002] [--host 127.0.0.1] [--refresh-seconds 300]
# then, in Python: SparkSession.builder.remote("sc://localhost:15002").getOrCreate()
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
run_chatqa serve "$@"
