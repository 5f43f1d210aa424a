"""Execute notebooks top to bottom, slow cells included, and save them with their outputs (the docs show them).

    python tools/run_nbs.py nbs/05a_methods.ipynb [nbs/06_browser.ipynb ...]

Each notebook runs in a fresh kernel with `nbs/` as working directory (as `nbdev_test` does), stops at the first
error (the notebook is then left unchanged), and is cleaned with `nbdev_clean` afterwards. MNIST comes from
`DIGITXAI_DATA` if set, else it is downloaded.
"""
import os, subprocess, sys, time
from pathlib import Path

def run(path):
    "Execute the notebook at `path` in place."
    from execnb.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    p, t, cwd = Path(path).resolve(), time.time(), os.getcwd()
    os.chdir(p.parent)
    try:
        sh = CaptureShell()
        sh.run_cell('%matplotlib inline')  # figures are stored as PNG outputs (agg would store none)
        nb = read_nb(p)
        sh.run_all(nb, exc_stop=True)
        write_nb(nb, p)
    finally: os.chdir(cwd)
    subprocess.run(['nbdev_clean', '--fname', str(p)], check=True)
    print(f'{p.name}: executed and cleaned in {time.time()-t:.1f} s', flush=True)

if __name__ == '__main__':
    if len(sys.argv) < 2: sys.exit(__doc__)
    for a in sys.argv[1:]: run(a)
