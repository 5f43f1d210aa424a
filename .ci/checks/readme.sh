#!/usr/bin/env bash
# README.md (and the figures it links in nbs/images/readme/) must be exactly what tools/make_readme.py renders
# from nbs/index.ipynb, the home page. Fix with: python tools/make_readme.py
set -uo pipefail
cd "$(dirname "$0")/../.."
python tools/make_readme.py --check
