#!/usr/bin/env bash
# The nightly job: score one day of exported chat logs.
#   jobs/score.sh --input sample-data/2026-11-20 --date 2026-11-20
# Builds target/chatqa.jar first when it is missing or older than the sources. All options:
#   jobs/score.sh --help
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
run_chatqa score "$@"
