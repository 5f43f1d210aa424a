#!/usr/bin/env bash
# End-to-end check of the static mistake gallery (nbs/06a_gallery.ipynb) in a real browser, from file:// and
# without a kernel: (a) a gallery.html as run_pipeline writes it into a report folder (write_gallery: shipped
# model, its 4 worst mistakes, every method), (b) the gallery stored as an output of nbs/06_browser.ipynb (what
# the docs site shows).
# tools/e2e/drive_gallery.py drives each in headless Chromium through Playwright: moves the slider, presses ▶,
# picks another method and another class, changes the opacity, and checks that the canvases' pixels change each
# time, that no JavaScript error occurs and that the page asks the network for nothing. Installs what it needs
# (Debian's chromium, pip's playwright; Playwright downloads no browser). Leaves screenshots in _e2e/.
# Time-bounded (about 2 minutes at most); exit 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
. tools/e2e/common.sh "gallery e2e"  # environment, $out, fail, el

echo "-- install (what is missing): chromium, playwright"
. tools/e2e/chromium.sh  # sets $chromium (installs Debian's chromium if missing)
python -c "import playwright" 2>/dev/null || timeout 150 python -m pip install -q playwright || fail "pip install playwright"
python -c "from playwright._repo_version import version as pw; print(f'   playwright {pw}')"
echo "   $("$chromium" --version 2>/dev/null | head -1)"

echo "-- [$(el)] (a) a report's gallery.html: write_gallery, shipped model, its 4 worst mistakes, every method"
rm -rf "$out/gallery-run"
timeout 120 python -c "
import sys
from digitxai.checkpoint import load_model
from digitxai.data import load_mnist
from digitxai.gallery import write_gallery
model, side = load_model()
x, y = load_mnist(train=False)
write_gallery(sys.argv[1], model, x, y, temperature=side.get('temperature', 1.0), top=4)
" "$out/gallery-run/gallery.html" >"$out/gallery-run.log" 2>&1
rc=$?
[ $rc -eq 0 ] || { tail -15 "$out/gallery-run.log"; fail "write_gallery (exit $rc; 124: timed out)"; }
[ -s "$out/gallery-run/gallery.html" ] || fail "no gallery.html written"

echo "-- [$(el)] drive (a) and (b) nbs/06_browser.ipynb's stored gallery in headless Chromium"
timeout 120 python tools/e2e/drive_gallery.py "$out/gallery-run/gallery.html" --notebook nbs/06_browser.ipynb \
  --out "$out" --chromium "$chromium" --timeout 60
rc=$?
echo "gallery e2e check: $(( $(date +%s) - start )) s, screenshots in $out/"
exit $rc
