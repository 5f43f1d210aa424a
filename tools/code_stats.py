"""How the code reads, in numbers: module sizes, long lines, `;`-joined statements, shown-cell widths and
visible tests. `python tools/code_stats.py` prints them; `--check` exits 1 when a house rule is broken.

House rules checked (CONTRIBUTING.md): no module over 450 lines; no exported line over 100 characters
(nbdev's generated `__all__`, wrapped by nbdev at 120, and `_modidx.py` are not ours and not counted);
no statements joined with `;`; argparse only in `cli.py`; no public name defined in two modules; no
method attached to a class from outside it (`Cls.f = _f`); no import cycle between modules at import
time; no line over 88 characters in a code cell the site shows; at least 120 visible test calls.
"""
import ast, io, json, re, sys, tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIB, NBS = ROOT/'digitxai', ROOT/'nbs'
MAX_MODULE, MAX_LIB, MAX_SHOWN, MIN_VISIBLE = 450, 100, 88, 120
HIDING = ('hide', 'export', 'exporti', 'include: false', 'echo: false')


def modules():
    "The package's own modules (nbdev's `_modidx.py` left out)."
    return sorted(p for p in LIB.glob('*.py') if p.name != '_modidx.py')


def generated_all(lines):
    "Indices of the lines of nbdev's generated `__all__` list."
    out, inside = set(), False
    for i, l in enumerate(lines):
        if l.startswith('__all__ = ['): inside = True
        if inside: out.add(i)
        if inside and l.rstrip().endswith(']'): inside = False
    return out


def semicolons(src):
    "How many `;` tokens join statements in `src`."
    toks = tokenize.generate_tokens(io.StringIO(src).readline)
    return sum(t.type == tokenize.OP and t.string == ';' for t in toks)


def directives(src):
    "The `#|` directives of a cell's source."
    return [l[2:].strip() for l in src.splitlines() if l.startswith('#|')]


def shown(cell):
    "Is this code cell's source shown on the site?"
    return not any(d.startswith(h) for d in directives(cell) for h in HIDING)


def test_calls(src):
    "Calls of fastcore.test's `test_*` functions in `src` (0 if it does not parse)."
    code = '\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%', '!')))
    try: tree = ast.parse(code)
    except SyntaxError: return 0
    return sum(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id.startswith('test_')
               for n in ast.walk(tree))


def top_names(tree):
    "Public names a module defines at its top level (functions, classes, assigned names)."
    out = set()
    for n in tree.body:
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): out.add(n.name)
        elif isinstance(n, ast.Assign):
            out |= {t.id for t in n.targets if isinstance(t, ast.Name)}
    return {n for n in out if not n.startswith('_') and n != '__all__'}


def attached(tree):
    "Top-level assignments that attach something to a class from outside: `Cls.f = _f`."
    return [ast.unparse(e) for n in tree.body if isinstance(n, ast.Assign) for t in n.targets
            for e in (t.elts if isinstance(t, ast.Tuple) else [t])
            if isinstance(e, ast.Attribute) and isinstance(e.value, ast.Name) and e.value.id[:1].isupper()]


def module_imports(tree):
    "The package modules imported at module level (not inside functions)."
    out = set()
    for n in tree.body:
        if isinstance(n, ast.ImportFrom) and n.module and (n.level or n.module.startswith('digitxai.')):
            out.add(n.module.split('.')[-1])
    return out


def cycles(graph):
    "Import cycles in `graph` (module → modules it imports), as lists of names."
    found, state = [], {}
    def visit(m, path):
        state[m] = 'open'
        for d in sorted(graph.get(m, ())):
            if state.get(d) == 'open': found.append(path[path.index(d):] + [d])
            elif d not in state: visit(d, path + [d])
        state[m] = 'done'
    for m in sorted(graph):
        if m not in state: visit(m, [m])
    return found


def notebooks():
    return sorted(p for p in NBS.glob('*.ipynb') if not p.name.startswith(('_', '.')))


def stats():
    s = dict(modules={}, long_lines=[], semicolons={}, argparse=[], shown_long=[], visible=0, hidden=0,
             twice=[], attached=[], cycles=[])
    names, graph = {}, {}
    for p in modules():
        lines = p.read_text(encoding='utf-8').splitlines()
        s['modules'][p.name] = len(lines)
        gen = generated_all(lines)
        s['long_lines'] += [(p.name, i + 1) for i, l in enumerate(lines) if len(l) > MAX_LIB and i not in gen]
        n = semicolons(p.read_text(encoding='utf-8'))
        if n: s['semicolons'][p.name] = n
        if p.name != 'cli.py' and re.search(r'\bargparse\b|add_argument\(', p.read_text(encoding='utf-8')):
            s['argparse'].append(p.name)
        tree = ast.parse(p.read_text(encoding='utf-8'))
        for n in top_names(tree): names.setdefault(n, []).append(p.stem)
        s['attached'] += [f'{p.name}: {a}' for a in attached(tree)]
        graph[p.stem] = module_imports(tree)
    s['twice'] = sorted(f"{n} ({', '.join(m)})" for n, m in names.items() if len(m) > 1)
    s['cycles'] = [' → '.join(c) for c in cycles(graph)]
    for nb in notebooks():
        for c in json.loads(nb.read_text(encoding='utf-8'))['cells']:
            if c['cell_type'] != 'code': continue
            src = ''.join(c['source'])
            calls = test_calls(src)
            if shown(src):
                s['visible'] += calls
                s['shown_long'] += [(nb.name, l) for l in src.splitlines() if len(l) > MAX_SHOWN]
            else: s['hidden'] += calls
    return s


def report(s):
    print('module lines:', ', '.join(f'{k} {v}' for k, v in sorted(s['modules'].items(), key=lambda kv: -kv[1])))
    print(f"exported lines: {sum(s['modules'].values())}; over {MAX_LIB} characters: {len(s['long_lines'])}"
          f" (nbdev's __all__ not counted)")
    print(f"';'-joined statements: {sum(s['semicolons'].values())}", s['semicolons'] or '')
    print('argparse outside cli.py:', s['argparse'] or 'none')
    print('public names defined in two modules:', s['twice'] or 'none')
    print('methods attached from outside their class:', s['attached'] or 'none')
    print('import cycles:', s['cycles'] or 'none')
    print(f"shown notebook code lines over {MAX_SHOWN} characters: {len(s['shown_long'])}")
    print(f"test calls: {s['visible']} visible, {s['hidden']} hidden")


def problems(s):
    out = [f'{k} has {v} lines (at most {MAX_MODULE})' for k, v in s['modules'].items() if v > MAX_MODULE]
    out += [f'{f}:{n} is over {MAX_LIB} characters' for f, n in s['long_lines']]
    out += [f'{k} joins statements with ";" {v} times' for k, v in s['semicolons'].items()]
    out += [f'{k} uses argparse (it belongs in cli.py)' for k in s['argparse']]
    out += [f'{n} is defined in two modules' for n in s['twice']]
    out += [f'attached from outside its class: {a}' for a in s['attached']]
    out += [f'import cycle: {c}' for c in s['cycles']]
    out += [f'{f}: shown line over {MAX_SHOWN}: {l[:60]}…' for f, l in s['shown_long']]
    if s['visible'] < MIN_VISIBLE: out.append(f"only {s['visible']} visible test calls (at least {MIN_VISIBLE})")
    return out


if __name__ == '__main__':
    s = stats()
    report(s)
    if '--check' in sys.argv:
        bad = problems(s)
        for b in bad[:40]: print('  FAIL:', b)
        if len(bad) > 40: print(f'  … and {len(bad) - 40} more')
        sys.exit(1 if bad else 0)
