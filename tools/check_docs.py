"""Docs check without Quarto: run what `nbdev_docs` does before it calls `quarto render`, and check the site config.

Run from anywhere: `python tools/check_docs.py` (used by .ci/checks/docs.sh). It works on a temporary copy of
the working tree (tracked and untracked-but-not-ignored files), so it never touches the repository: there it
runs `refresh_quarto_yml`, `_build_modidx`, `nbdev_sidebar` and `proc_nbs` exactly as nbdev 2.4.14's
`_pre_docs` does (minus `_ensure_quarto`), which executes every notebook's export, import and `show_doc` cells
and applies every docs processor. Any exception there, an unknown `#|` directive, a notebook missing from the
sidebar or without a `# Title`, or a second copy of `_quarto.yml` makes it exit 1.

Then it checks what a reader of the site sees, on the processed notebooks in _proc/ (what Quarto renders):
tracker words (issue numbers, "targets missed", ...) in markdown and outputs; shown code lines over 88 characters;
every show_doc signature as nbdev renders it (fastcore's DocmentText after nbdev's doc links): no `NoneType`, no
nn.Module `*args:Any, **kwargs:Any`, no object addresses, no backticks or markdown links in parameter comments,
commented lines within 88 characters; every `page.html#anchor` link between pages pointing at an id that page
defines; that nbdev_docs would not re-render README.md / CONTRIBUTING.md with Quarto; and the site settings a
reader meets: html the only format, wide tables that scroll, whole link words in tables, real (not quick) benchmark
runs on the benchmark page, Quarto pinned to the version the site renders with in the deploy workflow.

    python tools/check_docs.py [--keep]    # --keep: leave the temporary copy (and its _proc/) for inspection
"""
import json, os, re, subprocess, sys, tempfile, time, traceback, shutil, fnmatch, warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
errors, notes = [], []
def err(msg): errors.append(msg); print(f'  ERROR: {msg}', flush=True)
def note(msg): notes.append(msg); print(f'  note: {msg}', flush=True)

# nbdev 2.4.14 directives (export.py, processors.py, test.py) and Quarto cell options seen in nbdev projects.
NBDEV_DIRS = {'default_exp', 'export', 'exports', 'exporti', 'exec_doc', 'hide', 'filter_stream', 'eval:'}
QUARTO_OPTS = set('''echo output include warning error eval code-fold code-summary code-overflow code-line-numbers
  code-tools label fig-cap fig-alt fig-align fig-width fig-height fig-subcap fig-column fig-cap-location fig-env
  fig-pos fig-scap fig-format fig-dpi fig-link layout layout-ncol layout-nrow layout-align layout-valign tbl-cap
  tbl-subcap tbl-colwidths tbl-column tbl-cap-location column classes panel cap-location output-location
  lst-label lst-cap html-table-processing comment'''.split())

def copy_tree():
    "Copy the working tree (as git sees it) to a fresh temp dir whose path nbdev will not skip."
    base = Path(tempfile.gettempdir())
    if any(p.startswith('.') or p in ('_proc', '_docs', '_site') for p in base.parts): base = Path('/tmp')
    dst = Path(tempfile.mkdtemp(prefix='digitxai-docs-', dir=base))
    files = subprocess.run(['git', 'ls-files', '-z', '-co', '--exclude-standard'], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split('\0')
    for f in filter(None, files):
        s, d = ROOT/f, dst/f
        if not (s.exists() or s.is_symlink()): continue   # tracked but deleted in the working tree
        d.parent.mkdir(parents=True, exist_ok=True)
        if s.is_symlink(): os.symlink(os.readlink(s), d)
        else: shutil.copy2(s, d)
    return dst

def sidebar_entries(items):
    "Flatten the sidebar's contents into (kind, pattern) pairs: 'file' for hrefs, 'glob' for auto entries."
    out = []
    for it in items if isinstance(items, list) else [items]:
        if isinstance(it, str): out.append(('glob' if '*' in it else 'file', it))
        elif isinstance(it, dict):
            if 'auto' in it:
                a = it['auto']
                out += [('glob', g) for g in (a if isinstance(a, list) else [a])]
            if 'href' in it: out.append(('file', it['href']))
            if 'contents' in it: out += sidebar_entries(it['contents'])
    return out

def check_config(tmp, nbs, notebooks):
    "The one `_quarto.yml` (nbs/_quarto.yml links to it), the hand-written sidebar, and settings.ini."
    import yaml
    from nbdev.config import get_config
    cfg = get_config()
    link, top = nbs/'_quarto.yml', tmp/'_quarto.yml'
    if not link.is_symlink(): err('nbs/_quarto.yml must be a symbolic link to ../_quarto.yml (one file, no drift)')
    elif link.resolve() != top.resolve(): err(f'nbs/_quarto.yml points to {os.readlink(link)}, not ../_quarto.yml')
    if not str2bool(cfg.get('custom_quarto_yml', True)): err('settings.ini: custom_quarto_yml = False makes nbdev replace _quarto.yml')
    if not str2bool(cfg.get('custom_sidebar', False)): err('settings.ini: custom_sidebar must be True (else nbdev overwrites nbs/sidebar.yml)')
    q = yaml.safe_load(top.read_text())
    if q.get('project', {}).get('type') != 'website': err('_quarto.yml: project.type must be website')
    mf = q.get('metadata-files', [])
    for f in ('nbdev.yml', 'sidebar.yml'):
        if f not in mf: err(f'_quarto.yml: metadata-files must list {f}')
    css = q.get('format', {}).get('html', {}).get('css')
    for c in ([css] if isinstance(css, str) else css or []):
        if not (nbs/c).exists(): err(f'_quarto.yml: css file nbs/{c} is missing')
    hrefs = [i.get('href') for side in ('left', 'right') for i in q.get('website', {}).get('navbar', {}).get(side, [])]
    for h in filter(None, hrefs):
        if not h.startswith('http') and not (nbs/h).exists(): note(f'navbar link {h} has no page yet')
    check_site(tmp, nbs, q)
    sb = yaml.safe_load((nbs/'sidebar.yml').read_text())
    entries = sidebar_entries(sb['website']['sidebar']['contents'])
    for kind, pat in entries:
        if kind == 'file' and not (nbs/pat).exists(): err(f'sidebar.yml: {pat} does not exist')
        if kind == 'glob':
            if pat.split('/')[-1].startswith('*'): err(f'sidebar.yml: glob {pat} starts with * (crashes Quarto >= 1.10 when it matches nothing)')
            if not any(fnmatch.fnmatch(n, pat) for n in notebooks): note(f'sidebar step {pat!r}: no notebook yet')
    for n in notebooks:
        m = [p for k, p in entries if (p == n if k == 'file' else fnmatch.fnmatch(n, p))]
        if not m: err(f'{n} is in no entry of nbs/sidebar.yml: add it in its tutorial place')
        elif len(m) > 1: err(f'{n} matches several sidebar entries: {m}')

QUARTO_VERSION = '1.7.34'  # the Quarto the site is known to render with

def check_site(tmp, nbs, q):
    "Site settings a reader sees: no second format, wide tables, whole link words, real figures, pinned Quarto."
    fmts = q.get('format', {})
    extra = sorted(k for k in fmts if k != 'html')
    if extra: err(f'_quarto.yml: formats {extra} besides html (every page would offer them, and render twice)')
    css = (nbs/'styles.css').read_text() if (nbs/'styles.css').exists() else ''
    if 'overflow-x: auto' not in css.split('main table')[1 if 'main table' in css else 0]:
        err('nbs/styles.css: wide tables must scroll sideways (main table {... overflow-x: auto})')
    if 'main table a' not in css or 'white-space: nowrap' not in css:
        err('nbs/styles.css: link words in tables must stay whole (main table a { white-space: nowrap })')
    bench = nbs/'08_bench.ipynb'
    if bench.exists():
        src = bench.read_text()
        for name in re.findall(r"bench/([\w.-]+)\.json", src):
            f = nbs/'bench'/f'{name}.json'
            if f.exists() and json.loads(f.read_text()).get('mode') != 'full':
                err(f'08_bench.ipynb shows nbs/bench/{name}.json, a {json.loads(f.read_text()).get("mode")} '
                    'run: the benchmark page shows real runs')
    wf = Path(__file__).resolve().parent.parent/'.github'/'workflows'/'deploy.yaml'
    if not wf.exists() or QUARTO_VERSION not in wf.read_text():
        err(f'.github/workflows/deploy.yaml must pin Quarto {QUARTO_VERSION} (the version the site renders with)')

def str2bool(v):
    from fastcore.utils import str2bool as s2b
    return s2b(v)

def check_directives(nbs, notebooks):
    "Every `#|` directive must be one nbdev or Quarto knows (a typo like `#| hid` would publish a test cell)."
    from execnb.nbio import read_nb
    from nbdev.process import extract_directives
    from nbdev.config import get_config
    flags = set(get_config().get('tst_flags', '').split())
    for n in notebooks:
        nb = read_nb(nbs/n)
        for i, c in enumerate(nb.cells):
            if c.cell_type != 'code': continue
            for d in extract_directives(c, remove=False):
                ok = (d[:-1] in QUARTO_OPTS) if d.endswith(':') else (d in NBDEV_DIRS or d in flags)
                if d == 'eval:': ok = True
                if not ok: err(f'{n} cell {i}: unknown directive `#| {d}` (nbdev: {sorted(NBDEV_DIRS)}; flags: {sorted(flags)})')

def is_show_doc(node):
    "A `show_doc(...)` call statement: docs processing runs it on purpose, and it is cheap."
    import ast
    return (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
            and getattr(node.value.func, 'id', None) == 'show_doc')

def check_docs_exec(nbs, notebooks):
    """Cells that docs processing executes (nbdev's `_do_eval`: export cells, and any cell with an import) must be
    cheap. Outside export cells, such a cell may hold only imports and definitions: otherwise `nbdev_docs` runs
    its work (e.g. training) every time the site is built. Returns the notebooks that must not be processed."""
    import ast
    from execnb.nbio import read_nb
    from nbdev.process import extract_directives
    from nbdev.processors import _do_eval
    harmless = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    bad = set()
    for n in notebooks:
        nb = read_nb(nbs/n)
        for c in nb.cells: c.directives_ = extract_directives(c, remove=False) if c.cell_type == 'code' else {}
        has_docs = any(c.directives_.keys() & {'export', 'exports', 'exec_doc'} or 'show_doc(' in c.source
                       for c in nb.cells if c.cell_type == 'code')
        if not has_docs: continue
        for i, c in enumerate(nb.cells):
            if c.cell_type != 'code' or c.directives_.keys() & {'export', 'exports', 'exporti', 'exec_doc'}: continue
            try:
                with warnings.catch_warnings():   # nbdev warns "imports and other code": reported below instead
                    warnings.simplefilter('ignore')
                    if not _do_eval(c): continue
                work = [t for t in ast.parse(c.source).body if not isinstance(t, harmless) and not is_show_doc(t)]
            except SyntaxError: continue   # not Python (e.g. a shell magic); nbdev skips it too
            if work:
                bad.add(n)
                first = next((l for l in c.source.splitlines() if l.strip() and not l.startswith('#|')), '')[:60]
                err(f'{n} cell {i} ({first!r}...): it imports, so nbdev_docs executes it at docs time, and it also '
                    f'runs code (line {work[0].lineno}): put the imports in their own cell (or mark it `#| exec_doc` if '
                    f'it must run at docs time)')
    return bad

def diagnose(nbs, notebooks):
    "proc_nbs stops at the first error: process each notebook alone to name every one that fails."
    from execnb.nbio import read_nb
    from nbdev.processors import FilterDefaults
    os.environ['IN_TEST'] = '1'
    for n in notebooks:
        try:
            nb = read_nb(nbs/n); nb.path_ = str(nbs/n); FilterDefaults()(nb)
        except Exception as e:
            cause = e.__cause__ or e
            err(f'{n}: {type(e).__name__}: {str(e).strip().splitlines()[0]} -> {type(cause).__name__}: {cause}')
    os.environ.pop('IN_TEST', None)

# What a reader of the site must not see. Tracker talk: issue numbers and target bookkeeping (pages state results
# as results and open work as a roadmap).
TRACKER = re.compile(r'''(?ix) \bissues?\s*\#?\d+ | \b(?:issue|tracker)\s+targets?\b | \btargets?\s+(?:were\s+)?missed\b
    | \bmissed\s+on\s+the\s+(?:cpu|gpu)\b | \bacceptance\s+criteri | \b(?:TODO|FIXME|XXX)\b''')
SHOWN_MAX = 88     # code the site shows: nbs/styles.css sizes the code column for 88 characters at 1280 px
SIG_MAX = 88       # show_doc signature lines that carry a parameter comment (the author's words)
SIG_BAD = [(re.compile(r'\bNoneType\b'), 'NoneType as a type: annotate the parameter (e.g. x:str|None=None)'),
           (re.compile(r'\*args:Any, \*\*kwargs:Any'), "nn.Module's (*args:Any, **kwargs:Any): give the class its own __init__"),
           (re.compile(r'<[\w.]+ object at 0x[0-9a-f]+>'), 'a default shown as an object address: use None and say what it means')]

def cell_text(c):
    "The markdown of a processed cell (a markdown cell, or a code cell's markdown/html outputs) and its plain outputs."
    src = lambda x: ''.join(x) if isinstance(x, list) else (x or '')
    md, plain = [], []
    if c.cell_type == 'markdown': md.append(c.source)
    for o in c.get('outputs', []):
        d = o.get('data', {})
        if o.get('output_type') == 'stream': plain.append(src(o.get('text')))
        elif 'text/markdown' in d: md.append(src(d['text/markdown']))
        elif 'text/html' in d: md.append(src(d['text/html']))
        elif 'text/plain' in d: plain.append(src(d['text/plain']))
    return md, plain

def pandoc_id(text):
    "The id pandoc (so Quarto) gives a heading: its plain text, lower case, only letters, digits and `_-.`."
    t = re.sub(r'\{[^}]*\}\s*$', '', text)                       # trailing {.class} attributes
    t = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', t)              # links and images: their text
    t = re.sub(r'<[^>]+>', '', t).replace('`', '').replace('*', '')
    t = re.sub(r'(?<!\w)_|_(?!\w)', '', t)                         # _emphasis_ (not snake_case)
    t = ''.join(ch for ch in t.strip().lower() if ch.isalnum() or ch in '_-. \n\t')
    t = re.sub(r'\s+', '-', t)
    return re.sub(r'^[^a-z]+', '', t) or 'section'

def page_anchors(nb):
    "Every id a processed notebook's page defines: headings (made unique as pandoc does), {#id}, id=\"...\", labels."
    ids, seen = set(), {}
    for c in nb.cells:
        md, _ = cell_text(c)
        for text in md:
            text = re.sub(r'^(```|~~~).*?^\1', '', text, flags=re.S | re.M)   # no headings inside code blocks
            for m in re.finditer(r'^#{1,6}\s+(.*?)\s*#*\s*$', text, re.M):
                h = m.group(1)
                explicit = re.search(r'\{[^}]*#([\w.:-]+)[^}]*\}\s*$', h)
                if explicit:
                    ids.add(explicit.group(1))
                    continue
                i = pandoc_id(h)
                k = seen.get(i, 0)
                seen[i] = k + 1
                ids.add(i if k == 0 else f'{i}-{k}')
            ids.update(re.findall(r'\{#([\w.:-]+)[^}]*\}', text))
            ids.update(re.findall(r'''\sid=["']([^"']+)["']''', text))
        if c.cell_type == 'code': ids.update(re.findall(r'^#\|\s*label:\s*(\S+)', c.source, re.M))
    return ids

def check_signature(where, sig):
    "One show_doc signature as nbdev renders it (fastcore's DocmentText, after nbdev's doc links)."
    name = (re.match(r'(?:async )?def ([\w.]+)', sig) or [None, '?'])[1]
    for line in sig.splitlines():
        for rx, why in SIG_BAD:
            if rx.search(line): err(f'{where} show_doc({name}): {why}: {line.strip()!r}')
        code, hash_, comment = line.partition(' # ')
        if not hash_: continue
        if '`' in comment or '](' in comment:
            err(f'{where} show_doc({name}): markdown in a parameter comment (nbdev turns backticked names into '
                f'links that the signature shows as raw text; write plain words): {line.strip()!r}')
        elif len(line) > SIG_MAX:
            err(f'{where} show_doc({name}): signature line of {len(line)} > {SIG_MAX}: {line.strip()!r}')

def check_pages(nbs, cache, notebooks, unprocessed=()):
    """What the reader sees, from the processed notebooks in _proc (what Quarto renders): tracker words in markdown
    and outputs, shown code lines over SHOWN_MAX, every show_doc signature as nbdev renders it (no NoneType, no
    markdown in parameter comments, commented lines within SIG_MAX), and #anchor links between pages."""
    from execnb.nbio import read_nb
    from nbdev.config import get_config
    from nbdev.doclinks import _nbpath2html
    from nbdev.process import extract_directives
    cfg = get_config()
    site = cfg.doc_host.rstrip('/') + '/' + cfg.doc_baseurl.strip('/') + '/'
    pages, links = {}, []
    for n in notebooks:
        if not (cache/n).exists(): continue
        nb = read_nb(cache/n)
        page = _nbpath2html(Path(n)).as_posix()   # the page nbdev's doc links point at (Quarto strips the number)
        pages[page] = page_anchors(nb)
        for i, c in enumerate(nb.cells):
            md, plain = cell_text(c)
            where = f'{n} cell {i}'
            for text in md + plain:
                for m in TRACKER.finditer(text):
                    err(f'{where}: tracker words on a public page: {text[max(0, m.start()-30):m.end()+30]!r}')
            if c.cell_type == 'code' and c.source.strip() and not c.get('has_sd'):
                d = extract_directives(c, remove=False)
                if 'false' not in (d.get('echo:', [''])[0], d.get('include:', [''])[0]):
                    for k, line in enumerate(c.source.splitlines(), 1):
                        if len(line) > SHOWN_MAX and not line.startswith('#|'):
                            err(f'{where} line {k}: shown code line of {len(line)} > {SHOWN_MAX}: {line[:60]!r}...')
            for text in md:
                if c.get('has_sd'):
                    for sig in re.findall(r'```python\n(.*?)\n```', text, re.S): check_signature(where, sig)
                for m in re.finditer(r'''\]\(([^)\s]+)\)|href=["']([^"']+)["']''', text):
                    links.append((where, page, m.group(1) or m.group(2)))
    unseen = {_nbpath2html(Path(n)).as_posix(): n for n in unprocessed}
    for where, page, url in links:
        if url.startswith(site): target = url[len(site):]
        elif re.match(r'^[a-z]+:|^/', url): continue
        else: target = url
        path, _, anchor = target.partition('#')
        if path.endswith('.ipynb'): path = _nbpath2html(Path(path)).as_posix()
        path = path or page
        if not path.endswith('.html'): continue
        if path in unseen:
            if anchor: note(f'{where}: link to {url}: not checked ({unseen[path]} was not processed)')
        elif path not in pages: err(f'{where}: link to {url}: no page {path}')
        elif anchor and anchor not in pages[path]: err(f'{where}: link to {url}: {path} defines no #{anchor}')

def check_no_quarto_readme(nbs):
    """nbdev_docs also calls nbdev_readme and nbdev_contributing, which re-render README.md and CONTRIBUTING.md with
    Quarto (and leave index_files/ at the root) when the notebook is newer than the file, as in a fresh clone. Here
    the notebooks are made newer, and both must return before rendering (settings.ini: readme_nb, contributing_nb)."""
    import nbdev.quarto as q
    from nbdev.config import get_config
    cfg, calls = get_config(), []
    later = time.time() + 60
    for f in ('index.ipynb', 'contributing.ipynb', cfg.readme_nb, cfg.get('contributing_nb', 'contributing.ipynb')):
        if (nbs/f).exists(): os.utime(nbs/f, (later, later))
    orig, q._sprun = q._sprun, calls.append
    try:
        q.nbdev_readme.__wrapped__(path=nbs, chk_time=True)
        q.nbdev_contributing.__wrapped__(path=nbs, chk_time=True)
    finally: q._sprun = orig
    for cmd in calls: err(f'nbdev_docs would run `{cmd.split("&&")[-1].strip()}`, rewriting a tracked file: '
                          f'README.md and CONTRIBUTING.md are made by tools/make_readme.py (see settings.ini)')

def main():
    t0 = time.time()
    tmp = copy_tree()
    try:
        os.chdir(tmp)
        sys.path.insert(0, str(tmp))   # the copy's package, not the editable install, for the workers too
        os.environ['PYTHONPATH'] = os.pathsep.join([str(tmp)] + [p for p in [os.environ.get('PYTHONPATH')] if p])
        os.environ.pop('IN_TEST', None)  # _build_modidx does nothing under IN_TEST
        os.environ.setdefault('MPLBACKEND', 'agg')
        from nbdev.config import get_config
        from nbdev.doclinks import nbglob
        cfg = get_config()
        nbs = cfg.nbs_path
        notebooks = sorted(str(Path(f).relative_to(nbs)) for f in nbglob(nbs))
        print(f'docs: {len(notebooks)} notebooks in {nbs.relative_to(tmp)}/ (copy in {tmp})', flush=True)
        check_config(tmp, nbs, notebooks)
        check_directives(nbs, notebooks)
        skip = check_docs_exec(nbs, notebooks)

        from nbdev.quarto import refresh_quarto_yml, nbdev_sidebar
        from nbdev.serve import proc_nbs
        import nbdev.doclinks
        top_before, sb_before = (tmp/'_quarto.yml').read_text(), (nbs/'sidebar.yml').read_text()
        refresh_quarto_yml()
        if not (nbs/'_quarto.yml').is_symlink() or (tmp/'_quarto.yml').read_text() != top_before:
            err('refresh_quarto_yml replaced or changed _quarto.yml')
        if not (nbs/'nbdev.yml').exists(): err('refresh_quarto_yml wrote no nbs/nbdev.yml')
        nbdev.doclinks._build_modidx()
        nbdev_sidebar.__wrapped__(path=nbs)
        if (nbs/'sidebar.yml').read_text() != sb_before: err('nbdev_sidebar overwrote the hand-written nbs/sidebar.yml')
        t1 = time.time()
        skip_re = '^[_.]' + ''.join(f'|^{re.escape(n)}$' for n in sorted(skip))  # nbglob's default, plus those
        if skip: note(f'not processed (see errors above): {sorted(skip)}')
        try: cache = proc_nbs(nbs, skip_file_re=skip_re)
        except Exception as e:
            print('proc_nbs failed:\n' + ''.join(traceback.format_exception(e)[-6:]), flush=True)
            err(f'proc_nbs raised {type(e).__name__}; each notebook alone:')
            diagnose(nbs, [n for n in notebooks if n not in skip])
            cache = None
        print(f'proc_nbs: {time.time()-t1:.1f} s', flush=True)
        check_no_quarto_readme(nbs)
        if cache is not None:
            if (cache/'_quarto.yml').read_text() != top_before: err('_proc/_quarto.yml differs from _quarto.yml')
            for f in ('sidebar.yml', 'nbdev.yml', 'styles.css'):
                if not (cache/f).exists(): err(f'_proc/{f} missing')
            from execnb.nbio import read_nb
            for n in notebooks:
                if n in skip: continue
                p = cache/n
                if not p.exists(): err(f'{n}: not processed (no _proc/{n})'); continue
                c0 = read_nb(p).cells[0]
                if not (c0.cell_type == 'raw' and re.search(r'^title:', c0.source, re.M)):
                    err(f'{n}: no title (the first markdown cell must be `# Title` then `> subtitle`)')
            check_pages(nbs, cache, [n for n in notebooks if n not in skip], skip)
    finally:
        os.chdir(ROOT)
        if '--keep' in sys.argv[1:]: print(f'kept the copy: {tmp} (processed notebooks in _proc/)')
        else: shutil.rmtree(tmp, ignore_errors=True)
    print(f'docs check: {len(errors)} error(s), {len(notes)} note(s), {time.time()-t0:.1f} s')
    return 1 if errors else 0

if __name__ == '__main__': sys.exit(main())
