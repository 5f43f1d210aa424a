"""Drive static mistake galleries in a real browser: open each page from file:// in headless Chromium, move the
slider with the keyboard, press ▶, pick another method and another class, and check that the canvases' pixels
change each time, that no JavaScript error occurs and that the page asks the network for nothing. Saves a
screenshot of each page. Exit 1 on any failure.

    python tools/e2e/drive_gallery.py PAGE.html [PAGE.html ...] [--notebook nbs/06_browser.ipynb]
        [--out _e2e] [--chromium /usr/bin/chromium] [--timeout 60]

A PAGE is a gallery page (`digitxai.gallery.write_gallery`, the `gallery.html` of a report folder). With
--notebook, the gallery stored as an output of that notebook (an <iframe srcdoc> in a <div>) is written into a
bare HTML page under --out and driven inside its frame, as the documentation site shows it.
Used by .ci/checks/gallery_e2e.sh. Chromium is the system one (Playwright downloads no browser).
"""
import argparse, json, sys, time
from pathlib import Path

def notebook_page(nb_path, out):
    "Write the notebook's stored gallery output into a bare page under `out`; returns its path."
    nb = json.loads(Path(nb_path).read_text())
    for c in nb['cells']:
        for o in c.get('outputs', []):
            h = o.get('data', {}).get('text/html')
            h = ''.join(h) if isinstance(h, list) else h
            if h and 'class="digitxai-gallery"' in h:
                p = Path(out)/f'{Path(nb_path).stem}_gallery.html'
                p.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{h}</body></html>')
                return p
    raise SystemExit(f'{nb_path}: no stored gallery output (a text/html output with class="digitxai-gallery")')

def drive(page, url, shot, ms, step):
    "Drive the gallery at `url`; returns the list of failures."
    fails, errors, outside = [], [], []
    page.on('pageerror', lambda e: errors.append(str(e)))
    page.on('console', lambda m: m.type == 'error' and errors.append(m.text))
    page.on('request', lambda r: r.url.split(':')[0] not in ('file', 'data', 'about', 'blob') and outside.append(r.url))
    page.goto(url, timeout=ms)
    frame = page.frame_locator('iframe').first if page.locator('div.digitxai-gallery iframe').count() else None
    g = frame if frame is not None else page
    label = g.locator('#label')
    label.wait_for(timeout=ms)
    deadline = time.time() + ms / 1000
    while not label.inner_text().startswith('1 of ') and time.time() < deadline: time.sleep(0.1)
    n = int(label.inner_text().split()[-1])
    step(f'first mistake shown: "1 of {n}"')
    if n < 3: return [f'the gallery has only {n} mistakes; the test needs 3']
    js = "ids => ids.map(i => document.getElementById(i).toDataURL())"
    pix = lambda: dict(zip(['digit', 'heat0', 'heat1'], g.locator('body').evaluate(f'(b, ids) => ({js})(ids)', ['digit', 'heat0', 'heat1'])))
    def check(before, what, changed=('digit', 'heat0'), same=()):
        after = pix()
        for c in changed:
            if after[c] == before[c]: fails.append(f'{what}: canvas {c} did not change')
        for c in same:
            if after[c] != before[c]: fails.append(f'{what}: canvas {c} changed')
        if not any(f.startswith(what) for f in fails): step(f'{what}: the pictures changed')
        return after
    s = pix()
    if len(set(s.values())) < 3: fails.append('the first view: the digit and its two heatmaps are not three pictures')
    g.locator('#pos').focus()
    page.keyboard.press('ArrowRight')
    if label.inner_text() != f'2 of {n}': fails.append(f'slider: shows "{label.inner_text()}", not "2 of {n}"')
    s = check(s, 'slider moved to 2', ('digit', 'heat0', 'heat1'))
    g.locator('#next').click()
    if label.inner_text() != f'3 of {n}': fails.append(f'▶: shows "{label.inner_text()}", not "3 of {n}"')
    s = check(s, '▶ pressed (3)', ('digit', 'heat0', 'heat1'))
    methods = g.locator('#method option').evaluate_all('os => os.map(o => [o.value, o.textContent])')
    pick = next((v for v, t in methods if t == 'Saliency'), methods[-1][0])   # maps unlike Grad-CAM's
    g.locator('#method').select_option(pick)
    s = check(s, f'method {dict(methods)[pick]}', ('heat0', 'heat1'), same=('digit',))
    choices = g.locator('#cls option').evaluate_all('os => os.map(o => [o.value, o.textContent])')
    pick = next((v for v, t in choices if t == 'true'), choices[-1][0])
    g.locator('#cls').select_option(pick)   # the first panel now explains the true class
    s = check(s, f'class {dict(choices)[pick]}', ('heat0',), same=('digit',))
    g.locator('#alpha').focus()
    page.keyboard.press('ArrowRight')   # opacity up one step
    s = check(s, 'opacity changed', ('heat0',), same=('digit',))
    if errors: fails.append(f'JavaScript errors: {errors[:3]}')
    if outside: fails.append(f'the page asked the network for {outside[:3]}')
    page.screenshot(path=shot, full_page=True)
    step(f'screenshot: {shot}')
    return fails

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('pages', nargs='*'); ap.add_argument('--notebook', action='append', default=[])
    ap.add_argument('--out', default='_e2e'); ap.add_argument('--chromium', default='/usr/bin/chromium')
    ap.add_argument('--timeout', type=float, default=60)
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright
    t0, fails = time.time(), []
    def step(msg): print(f'  [{time.time() - t0:5.1f} s] {msg}', flush=True)
    Path(a.out).mkdir(parents=True, exist_ok=True)
    pages = [Path(p) for p in a.pages] + [notebook_page(nb, a.out) for nb in a.notebook]
    if not pages: sys.exit('no page to drive')
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=a.chromium, args=['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'])
        for p in pages:
            step(f'open {p} ({p.stat().st_size / 1e6:.2f} MB)')
            page = browser.new_page(viewport={'width': 1000, 'height': 800})
            try: f = drive(page, p.resolve().as_uri(), str(Path(a.out)/f'{p.stem}.png'), a.timeout * 1000, step)
            except Exception as e: f = [f'{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ""}']
            fails += [f'{p.name}: {m}' for m in f]
            page.close()
        browser.close()
    for f in fails: print(f'  FAIL: {f}')
    print(f'gallery e2e: {"ok" if not fails else f"{len(fails)} failure(s)"} in {time.time() - t0:.1f} s')
    return 1 if fails else 0

if __name__ == '__main__': sys.exit(main())
