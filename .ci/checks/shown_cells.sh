#!/usr/bin/env bash
# Every shown cell runs on its own: for each numbered notebook, run only what the site shows (plus the
# notebook's import-only hidden cells and `from digitxai.<module> import *`), in order, with nbdev's
# test runner; fail on the first error. Details: tools/check_shown.py.
set -uo pipefail
cd "$(dirname "$0")/../.."
export DIGITXAI_DATA="${DIGITXAI_DATA:-$(cd .. && pwd)/shared/data}"
export MPLBACKEND=agg
timeout -k 10 420 python tools/check_shown.py
