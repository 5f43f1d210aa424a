#!/usr/bin/env bash
# The code fits the page and keeps one concern per module: module sizes, line lengths, no `;`-joined
# statements, argparse only in the CLI, no name defined in two modules, no import cycle, shown cells
# ≤ 88 characters, enough visible tests (the rules and their numbers: tools/code_stats.py).
set -uo pipefail
cd "$(dirname "$0")/../.."
python tools/code_stats.py --check
