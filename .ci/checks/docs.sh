#!/usr/bin/env bash
# Docs check without Quarto: nbdev's pre-Quarto processing (refresh_quarto_yml, _build_modidx, nbdev_sidebar,
# proc_nbs: what nbdev_docs runs before `quarto render`) on a temp copy of the tree, plus the site config
# (_quarto.yml symlink, sidebar covers every notebook), `#|` directives, and no costly cell run at docs time.
# Then what a reader sees, on the processed pages: no tracker words, shown code lines <= 88, show_doc signatures
# as nbdev renders them (no NoneType, no markdown in parameter comments), #anchor links that resolve, and
# nbdev_docs leaving README.md / CONTRIBUTING.md alone.
# Exit 1 on any error. Details: tools/check_docs.py.
set -uo pipefail
cd "$(dirname "$0")/../.."
export MPLBACKEND=agg
timeout -k 10 300 python tools/check_docs.py
