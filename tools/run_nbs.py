"""Execute notebooks top to bottom, slow cells included, and save them with their outputs (the docs show them).

    python tools/run_nbs.py nbs/05a_methods.ipynb [nbs/06_browser.ipynb ...]
    python tools/run_nbs.py --skip-slow nbs/05b_photo.ipynb   # slow cells keep their stored outputs

Each notebook runs in a fresh kernel with `nbs/` as working directory (as `nbdev_test` does), stops at the first
error (the notebook is then left unchanged), and is cleaned with `nbdev_clean` afterwards. MNIST comes from
`DIGITXAI_DATA` if set, else it is downloaded.
"""
import os, subprocess, sys, time
from pathlib import Path

def _slow(cell) -> bool:
    "Is this a cell flagged `#| slow`?"
    return cell.cell_type == 'code' and any(l.strip().replace(' ', '') == '#|slow'
                                            for l in cell.source.splitlines())

def run(path, skip_slow=False):
    "Execute the notebook at `path` in place (cells flagged slow keep their stored outputs if `skip_slow`)."
    from execnb.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    p, t, cwd = Path(path).resolve(), time.time(), os.getcwd()
    os.chdir(p.parent)
    try:
        sh = CaptureShell()
        sh.run_cell('%matplotlib inline')  # figures are stored as PNG outputs (agg would store none)
        nb = read_nb(p)
        sh.run_all(nb, exc_stop=True, preproc=_slow if skip_slow else (lambda c: False))
        write_nb(nb, p)
    finally: os.chdir(cwd)
    subprocess.run(['nbdev_clean', '--fname', str(p)], check=True)
    print(f'{p.name}: executed and cleaned in {time.time()-t:.1f} s', flush=True)

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a != '--skip-slow']
    if not args: sys.exit(__doc__)
    for a in args: run(a, skip_slow='--skip-slow' in sys.argv)
