#!/usr/bin/env bash
# Packaging check: `python -m build` gives an sdist and a wheel (built from the sdist) that carry the default config
# and the pretrained model; the wheel, pip-installed (not editable) into a fresh virtual environment, works from a
# folder outside the repository: `import digitxai` imports the venv's copy, `digitxai --help` lists the commands,
# the shipped model predicts an MNIST test digit written as PNG, and `digitxai explain some.png` runs on it.
# The venv uses --system-site-packages so torch & co. are reused (no download); the wheel is installed --no-deps
# and `pip check` then proves its requirements are met. Exit 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
export DIGITXAI_DATA="${DIGITXAI_DATA:-$(cd .. && pwd)/shared/data}"
export MPLBACKEND=agg PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONNOUSERSITE=1
unset PYTHONPATH
start=$(date +%s)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/digitxai-pkg.XXXXXX"); trap 'rm -rf "$tmp"' EXIT
nfail=0
fail() { nfail=$((nfail+1)); echo "  FAIL: $*"; }
ok()   { echo "  ok: $*"; }
finish() { echo "package check: $nfail failure(s), $(( $(date +%s) - start )) s"; [ "$nfail" -eq 0 ]; exit $?; }

echo "-- build (sdist, then the wheel from the sdist) from a copy of the working tree"
mkdir -p "$tmp/src" "$tmp/dist"
git ls-files -z -co --exclude-standard | tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$tmp/src"
if ! python -m build --no-isolation --outdir "$tmp/dist" "$tmp/src" >"$tmp/build.log" 2>&1; then
  echo "  (no-isolation build failed; retrying in an isolated build environment)"
  python -m build --outdir "$tmp/dist" "$tmp/src" >"$tmp/build.log" 2>&1 || { tail -25 "$tmp/build.log"; fail "python -m build"; finish; }
fi
whl=$(ls "$tmp"/dist/*.whl 2>/dev/null | head -1); sdist=$(ls "$tmp"/dist/*.tar.gz 2>/dev/null | head -1)
[ -n "$whl" ] && [ -n "$sdist" ] || { fail "build made no wheel or no sdist"; finish; }
ok "built $(basename "$sdist") and $(basename "$whl")"

echo "-- contents"
if python - "$whl" "$sdist" "$tmp/src" <<'PY'; then ok "wheel and sdist contents"; else fail "wheel/sdist contents"; fi
import sys, zipfile, tarfile
from pathlib import Path
whl, sdist, src = sys.argv[1], sys.argv[2], Path(sys.argv[3])
must = ['digitxai/default_config.yaml', 'digitxai/pretrained/digitnet.safetensors', 'digitxai/pretrained/digitnet.json']
mods = sorted(p.relative_to(src).as_posix() for p in (src/'digitxai').glob('*.py'))
w = zipfile.ZipFile(whl); wn = set(w.namelist())
s = tarfile.open(sdist); top = s.getnames()[0].split('/')[0]
sn = {n.split('/', 1)[1] for n in s.getnames() if '/' in n}
bad = 0
for kind, names, extra in (('wheel', wn, []), ('sdist', sn, ['setup.py', 'settings.ini', 'README.md', 'LICENSE', 'MANIFEST.in'])):
    missing = [m for m in must + mods + extra if m not in names]
    if missing: bad += 1; print(f'  {kind} lacks: {", ".join(missing)}')
    else: print(f'  {kind}: default config, pretrained model + sidecar, {len(mods)} modules' + (', setup files' if extra else ''))
for m in must:   # the packaged files are the repository's files, byte for byte
    if m in wn and (src/m).exists() and w.read(m) != (src/m).read_bytes(): bad += 1; print(f'  wheel {m} differs from the repository copy')
ep = [n for n in wn if n.endswith('.dist-info/entry_points.txt')]
if not ep or 'digitxai = digitxai.cli:main' not in w.read(ep[0]).decode(): bad += 1; print('  wheel has no `digitxai` console script entry point')
for f in (whl, sdist):
    mb = Path(f).stat().st_size / 2**20
    print(f'  {Path(f).name}: {mb:.2f} MiB')
    if mb > 20: bad += 1; print('  too big: data or build output got packaged?')
sys.exit(1 if bad else 0)
PY

echo "-- fresh venv (--system-site-packages), pip install of the wheel"
python -m venv --without-pip --system-site-packages "$tmp/venv" || { fail "python -m venv"; finish; }
vpy="$tmp/venv/bin/python"
if python -m pip --python "$vpy" install -q --no-index --no-deps "$whl" >"$tmp/pip.log" 2>&1; then ok "pip install $(basename "$whl")"
else cat "$tmp/pip.log"; fail "pip install of the wheel"; finish; fi
unmet=$(python -m pip --python "$vpy" check 2>&1 | grep -i '^digitxai ' || true)
if [ -z "$unmet" ]; then ok "pip check: digitxai's requirements are met"; else fail "pip check: $unmet"; fi

mkdir -p "$tmp/outside" && cd "$tmp/outside"   # no repository on the path from here on
echo "-- from $(pwd)"
if "$vpy" - "$tmp/venv" <<'PY'; then ok "import digitxai: the wheel's copy"; else fail "import digitxai"; fi
import sys, digitxai
from pathlib import Path
f = Path(digitxai.__file__).resolve()
print(f'  digitxai {digitxai.__version__} from {f}')
sys.exit(0 if Path(sys.argv[1]).resolve() in f.parents else 1)
PY
if "$tmp/venv/bin/digitxai" --help >"$tmp/help.txt" 2>&1 && grep -Eq '^ +explain +' "$tmp/help.txt"; then ok "digitxai --help lists the explain command"
else cat "$tmp/help.txt"; fail "digitxai --help (exit status, or no explain command)"; fi

label=$("$vpy" - <<'PY'
# an MNIST test digit as PNG, and the shipped model's prediction of it through the public API
import torch
from PIL import Image
from digitxai.data import load_mnist, read_image, normalize
from digitxai.checkpoint import load_pretrained
x, y = load_mnist(train=False)
Image.fromarray(x[0].numpy()).save('some.png')
model, side = load_pretrained()
with torch.no_grad(): pred = model(normalize(torch.tensor(read_image('some.png'))[None])).argmax(1).item()
print(f'  some.png: true {int(y[0])}, shipped model predicts {pred} (sidecar test accuracy {side["test_accuracy"]:.4f})', flush=True)
assert pred == int(y[0]), 'the shipped model gets the first test digit wrong'
print(int(y[0]))
PY
)
rc=$?; echo "$label" | grep '^  '; label=$(echo "$label" | tail -1)
if [ $rc -eq 0 ]; then ok "shipped model predicts the PNG's digit ($label)"; else fail "MNIST PNG / load_pretrained prediction"; label=; fi

if [ -n "$label" ]; then
  "$tmp/venv/bin/digitxai" explain some.png --out "$tmp/explain" >"$tmp/explain.txt" 2>&1; rc=$?
  sed 's/^/  | /' "$tmp/explain.txt" | tail -8
  line=$(grep 'some.png' "$tmp/explain.txt" | head -1)
  pngs=$(find "$tmp/explain" -name '*.png' 2>/dev/null | wc -l)
  if [ $rc -ne 0 ]; then fail "digitxai explain some.png exited $rc"
  elif [ -z "$line" ]; then fail "digitxai explain printed no line naming some.png"
  elif ! echo "$line" | grep -Eq "(^|[^0-9.])$label([^0-9.]|$)"; then fail "digitxai explain: the line for some.png does not name the digit $label"
  elif [ "$pngs" -lt 1 ]; then fail "digitxai explain wrote no overlay PNG into --out"
  else ok "digitxai explain some.png: predicted $label, $pngs PNG(s) written"; fi
fi
cd "$root"
finish
