#!/usr/bin/env bash
# End-to-end check of the mistake browser (nbs/06_browser.ipynb) in a real browser: serve tools/e2e/browse_demo.ipynb
# with Voilà on 127.0.0.1, drive it with headless Chromium through Playwright (tools/e2e/drive_browser.py): move the
# slider, press ▶, change the method and the opacity, and check that the image changes each time. Installs what it
# needs (Debian's chromium, pip's voila and playwright; Playwright downloads no browser). Leaves _e2e/screenshot.png
# and _e2e/voila.log. Time-bounded (about 3 minutes at most); exit 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
. tools/e2e/common.sh "browser e2e"  # environment, $out, fail, el

echo "-- install (what is missing): chromium, voila, playwright"
. tools/e2e/chromium.sh  # sets $chromium (installs Debian's chromium if missing)
python -c "import voila, playwright" 2>/dev/null || timeout 150 python -m pip install -q voila playwright || fail "pip install voila playwright"
python -c "import voila; from playwright._repo_version import version as pw; print(f'   voila {voila.__version__}, playwright {pw}')"
echo "   $("$chromium" --version 2>/dev/null | head -1)"

echo "-- [$(el)] serve tools/e2e/browse_demo.ipynb with Voilà on 127.0.0.1"
port=$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
timeout 150 voila tools/e2e/browse_demo.ipynb --no-browser --Voila.ip=127.0.0.1 --port="$port" --show_tracebacks=True \
  --VoilaExecutor.timeout=120 >"$out/voila.log" 2>&1 &
vpid=$!
trap 'kill "$vpid" 2>/dev/null; wait "$vpid" 2>/dev/null' EXIT
up() { python -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; }  # no page request: that would run the notebook
for _ in $(seq 120); do
  up && break
  kill -0 "$vpid" 2>/dev/null || { tail -20 "$out/voila.log"; fail "voila exited"; }
  sleep 0.5
done
up || { tail -20 "$out/voila.log"; fail "voila did not answer on port $port"; }

echo "-- [$(el)] drive it with headless Chromium"
timeout 150 python tools/e2e/drive_browser.py "http://127.0.0.1:$port/" "$out/screenshot.png" --chromium "$chromium" --timeout 90
rc=$?
[ $rc -eq 0 ] || { echo "   voila log (last lines):"; tail -15 "$out/voila.log" | sed 's/^/   | /'; }
echo "browser e2e check: $(( $(date +%s) - start )) s, screenshot in $out/screenshot.png"
exit $rc
