"""Drive the mistake browser in a real browser: open the Voilà page at URL in headless Chromium, wait for the first
image, move the slider with the keyboard, press ▶, pick another method, and check that the image changed each time
and that the page shows no error. Saves a screenshot of the page. Exit 1 on any failure.

    python tools/e2e/drive_browser.py URL SCREENSHOT.png [--chromium /usr/bin/chromium] [--timeout 90]

Used by .ci/checks/browser_e2e.sh. Chromium is the system one (Playwright downloads no browser).
"""
import argparse, re, sys, time
from pathlib import Path

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('url'); ap.add_argument('screenshot')
    ap.add_argument('--chromium', default='/usr/bin/chromium'); ap.add_argument('--timeout', type=float, default=90)
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright, expect
    t0, fails, ms = time.time(), [], a.timeout * 1000
    def step(msg): print(f'  [{time.time() - t0:5.1f} s] {msg}', flush=True)
    Path(a.screenshot).parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=a.chromium, args=['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'])
        page = browser.new_page(viewport={'width': 1280, 'height': 900})
        errors = []
        page.on('pageerror', lambda e: errors.append(str(e)))
        try:
            page.goto(a.url, timeout=ms); step(f'opened {a.url}')
            img, label = page.locator('img.digitxai-image'), page.locator('.digitxai-label')
            expect(img).to_have_attribute('src', re.compile(r'.+'), timeout=ms)   # the kernel ran and the first view arrived
            expect(label).to_have_text(re.compile(r'^1 of \d+$'), timeout=ms)
            n = int(label.inner_text().split()[-1]); step(f'first image shown: "1 of {n}"')
            if n < 3: raise AssertionError(f'the demo selection has only {n} images; the test needs 3')
            def shown(): return img.get_attribute('src'), img.screenshot()
            def changed(before, what):
                try: expect(img).not_to_have_attribute('src', before[0], timeout=min(ms, 15_000))
                except AssertionError: fails.append(f'{what}: no new image within 15 s'); return before
                after = shown()
                if after[1] == before[1]: fails.append(f'{what}: the image did not change')
                else: step(f'{what}: the image changed')
                return after
            s = shown()
            page.locator('.digitxai-slider .noUi-handle').focus(); page.keyboard.press('ArrowRight')   # move the slider
            expect(label).to_have_text(f'2 of {n}', timeout=ms); s = changed(s, 'slider moved to 2')
            page.locator('button.digitxai-next').click()
            expect(label).to_have_text(f'3 of {n}', timeout=ms); s = changed(s, '▶ pressed (3)')
            page.locator('.digitxai-method select').select_option('gradcam++')
            s = changed(s, 'method gradcam++')
            page.locator('.digitxai-alpha .noUi-handle').focus(); page.keyboard.press('ArrowRight')    # opacity up one step
            s = changed(s, 'opacity changed')
            text = page.locator('body').inner_text()
            if re.search(r'Traceback|Error:|There was an error', text): fails.append('the page shows an error')
            if errors: fails.append(f'JavaScript errors: {errors[:3]}')
        except Exception as e:
            fails.append(f'{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ""}')
        finally:
            try: page.screenshot(path=a.screenshot, full_page=True); step(f'screenshot: {a.screenshot}')
            except Exception as e: print(f'  (no screenshot: {e})')
            browser.close()
    for f in fails: print(f'  FAIL: {f}')
    print(f'browser e2e: {"ok" if not fails else f"{len(fails)} failure(s)"} in {time.time() - t0:.1f} s')
    return 1 if fails else 0

if __name__ == '__main__': sys.exit(main())
