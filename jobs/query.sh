#!/usr/bin/env bash
# Query the warehouse with Spark SQL (all days; trend views rule_daily, agent_trend, compliance_daily):
#   jobs/query.sh "SELECT * FROM agent_trend ORDER BY dt, rank" [--warehouse DIR] [--output table|csv|json] [--out FILE]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
run_chatqa sql "$@"
