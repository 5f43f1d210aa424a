#!/usr/bin/env bash
# README.md and CONTRIBUTING.md (and the figures they link in nbs/images/) must be exactly what tools/make_readme.py renders
# from nbs/index.ipynb (the home page) and nbs/contributing.ipynb. Fix with: python tools/make_readme.py
set -uo pipefail
cd "$(dirname "$0")/../.."
python tools/make_readme.py --check
