#!/usr/bin/env bash
# Rebuild a scored day's HTML report from the warehouse, without scoring again.
#   jobs/report.sh --date 2026-11-20 [--warehouse warehouse] [--reports reports] [--lang zh|en] [--rules book.yaml]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
ensure_cjk_font
run_chatqa report "$@"
