# Sourced by .ci/checks/browser_e2e.sh and .ci/checks/gallery_e2e.sh after tools/e2e/common.sh: sets
# $chromium to a Chromium binary, installing Debian's chromium first when there is none. Needs $out (for
# apt.log) and a `fail` function.
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  sudo=; [ "$(id -u)" -ne 0 ] && sudo=sudo
  (export DEBIAN_FRONTEND=noninteractive; timeout 150 $sudo apt-get update -qq && timeout 150 $sudo apt-get install -y -qq chromium) >"$out/apt.log" 2>&1 \
    || { tail -5 "$out/apt.log"; fail "apt-get install chromium"; }
  chromium=$(command -v chromium) || fail "no chromium after apt-get install"
fi
