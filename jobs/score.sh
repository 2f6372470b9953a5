#!/usr/bin/env bash
# The nightly job: score one day of exported chat logs, then build its report.
#   jobs/score.sh --input sample-data/2026-11-20 --date 2026-11-20
# Builds target/chatqa.jar first when it is missing or older than the sources, and installs a
# Chinese font for the charts when none is present (Debian fonts-noto-cjk). All options:
#   jobs/score.sh --help
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar
ensure_cjk_font
run_chatqa score "$@"
