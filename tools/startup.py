"""How fast `digitxai` starts: the median wall time of several runs of `digitxai --help` and of
`digitxai explain one.png` (a PNG written to a temporary folder). A benchmark that prints figures,
not a test: the numbers depend on the machine and its load.

    python tools/startup.py [--runs N]
"""
import argparse, statistics, subprocess, sys, tempfile, time
from pathlib import Path


def median_time(cmd, runs):
    "Median wall time in seconds of `runs` runs of `cmd` (each must exit 0)."
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), max(times)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--runs', type=int, default=7, help='runs of each command (default: 7)')
    args = p.parse_args()
    from PIL import Image, ImageDraw
    with tempfile.TemporaryDirectory() as d:
        img = Image.new('L', (300, 300), 235)
        ImageDraw.Draw(img).line([(90, 60), (220, 60), (140, 250)], fill=20, width=12)
        img.save(Path(d)/'one.png')
        cmds = {'digitxai --help': ['digitxai', '--help'],
                'python -c "import torch"': [sys.executable, '-c', 'import torch'],
                'digitxai explain one.png': ['digitxai', 'explain', str(Path(d)/'one.png'),
                                             '--out', str(Path(d)/'out')]}
        for name, cmd in cmds.items():
            med, lo, hi = median_time(cmd, args.runs)
            print(f'{name:28} median {med:.2f} s  (min {lo:.2f}, max {hi:.2f}; {args.runs} runs)')


if __name__ == '__main__': main()
