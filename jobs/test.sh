#!/usr/bin/env bash
# All tests, as CI runs them. The report tests open pages in Debian's headless Chromium and check
# that charts draw Chinese: this installs chromium, chromium-driver and fonts-noto-cjk when they
# are missing (root + apt-get), and then requires them; elsewhere those tests are skipped, saying why.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_java
if ensure_debian_packages chromium chromium-driver fonts-noto-cjk; then
  export CHATQA_REQUIRE_BROWSER=1 CHATQA_REQUIRE_CJK_FONT=1
else
  echo "chatqa: warning: chromium, chromium-driver or fonts-noto-cjk missing and not installable here:" >&2
  echo "chatqa:          the browser and Chinese-font tests will be skipped." >&2
fi
cd "$root"
mvn -B test "$@"
