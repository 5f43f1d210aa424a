# Sourced by .ci/checks/browser_e2e.sh and .ci/checks/gallery_e2e.sh from the repository root, with the check's
# name as $1: the environment of both checks, the folder $out (_e2e), `fail` (prints "$1 FAILED: …" and exits 1)
# and `el` (seconds since the check started).
export DIGITXAI_DATA="${DIGITXAI_DATA:-$(cd .. && pwd)/shared/data}"
export MPLBACKEND=agg PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONUNBUFFERED=1
start=$(date +%s); out=_e2e; mkdir -p "$out"
e2e_check=$1
fail() { echo "$e2e_check FAILED: $*"; exit 1; }
el() { echo "$(( $(date +%s) - start )) s"; }
