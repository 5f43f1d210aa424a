"""Do the shown cells of every notebook run on their own? A reader runs only what the site shows.

    python tools/check_shown.py                      # every numbered notebook in nbs/
    python tools/check_shown.py nbs/05a_methods.ipynb [...]
    python tools/check_shown.py --workers 1 [...]   # one notebook at a time (default: 2 at once)

For each notebook this builds the reader's version: the hidden cells that only import (a reader
has the notebook's imports), then `from digitxai.<module> import *` for a notebook that exports a
module, then every cell the site shows (neither `#| hide` nor `#| exporti`), in order. It runs that
with nbdev's own test runner (cells flagged `slow`, `#| eval: false` skipped as `nbdev_test` does)
and stops at the first error: a shown cell that uses a name only a hidden cell defines fails here.
Exit 1 if any notebook fails. Run by `.ci/checks/shown_cells.sh`.
"""
import ast, json, os, sys, tempfile, time
from pathlib import Path

def directives(src:str) -> set:
    "The `#| name` directives at the top of a cell's source."
    out = set()
    for line in src.splitlines():
        s = line.strip()
        if not s.startswith('#|'): break
        out.add(s[2:].strip().split(' ')[0].split(':')[0])
    return out

def only_imports(src:str) -> bool:
    "Does this code consist of import statements only (directives, comments and magics aside)?"
    src = '\n'.join(l for l in src.splitlines() if not l.lstrip().startswith('%'))  # magics
    try: body = ast.parse(src).body
    except SyntaxError: return False  # cell magics and the like: not an import cell
    return bool(body) and all(isinstance(s, (ast.Import, ast.ImportFrom)) for s in body)

def module_of(cells:list):
    "The module a notebook exports (`#| default_exp name`), or None."
    for c in cells:
        for line in ''.join(c['source']).splitlines():
            if line.strip().startswith('#| default_exp'): return line.split()[-1]
    return None

def reader_cells(nb:dict) -> list:
    "The cells a reader runs: the module's names, then import-only hidden cells and shown cells, in order."
    cells = [c for c in nb['cells'] if c['cell_type'] == 'code']
    mod = module_of(cells)
    out = [_code(f'from digitxai.{mod} import *')] if mod else []
    for c in cells:
        src = ''.join(c['source'])
        d = directives(src)
        hidden = bool(d & {'hide', 'exporti', 'default_exp'})
        if hidden and not (only_imports(src) and 'default_exp' not in d): continue
        out.append(_code(src))
    return out

def _code(src:str) -> dict:
    return {'cell_type': 'code', 'execution_count': None, 'metadata': {}, 'outputs': [], 'source': src}

def check(path:Path) -> tuple:
    "Run the reader's version of the notebook at `path`: (ok, seconds)."
    from nbdev.test import test_nb
    nb = json.loads(path.read_text())
    reader = dict(nb, cells=reader_cells(nb))
    fd, tmp = tempfile.mkstemp(prefix='.shown_', suffix='.ipynb', dir=path.parent)
    try:
        with os.fdopen(fd, 'w') as f: json.dump(reader, f)
        return test_nb(Path(tmp), skip_flags=['slow'])
    finally: os.unlink(tmp)

def _one(path:Path) -> tuple:
    "Check one notebook in a fresh interpreter (its kernel takes over `__main__`): (ok, its output)."
    import subprocess
    r = subprocess.run([sys.executable, __file__, '--workers', '1', str(path)], capture_output=True,
                       text=True)
    return r.returncode == 0, (r.stdout + r.stderr).strip()

def main(args):
    root = Path(__file__).resolve().parent.parent
    workers = 2
    if args[:1] == ['--workers']: workers, args = int(args[1]), args[2:]
    paths = [Path(a).resolve() for a in args] or sorted(p for p in (root/'nbs').glob('[0-9]*.ipynb'))
    failed, t0 = [], time.time()
    if workers > 1:  # two notebooks at once, as nbdev_test runs them
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(workers) as ex:
            for p, (ok, out) in zip(paths, ex.map(_one, paths)):
                print(out.splitlines()[0] if ok else out, flush=True)
                if not ok: failed.append(p.name)
    else:
        for p in paths:
            ok, secs = check(p)
            print(f"{'ok  ' if ok else 'FAIL'} {p.name} ({secs:.1f} s)", flush=True)
            if not ok: failed.append(p.name)
    if len(paths) > 1 or workers > 1:
        print(f"shown cells: {len(paths) - len(failed)} of {len(paths)} notebooks run on their own "
              f"({time.time() - t0:.0f} s)" + (f"; failing: {', '.join(failed)}" if failed else ''))
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
