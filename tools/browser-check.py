#!/usr/bin/env python3
"""The HTML report in a real browser: builds it from the shipped scenarios,
opens it in headless Chromium at a phone's width (390x844) and a laptop's
(1280x900) and checks that

- the page has no horizontal overflow (wide tables scroll in their own box),
- every chart (svg, img) has a size and lies within the page's width,
- the decision summary is the first section,
- printed, every figure keeps its caption with its chart.

Screenshots (PNG) and the printed PDF go to --out. Exits 1 with a message
per failure, 2 when the browser cannot be started.

Python 3 standard library only: WebDriver over HTTP to chromedriver.

    python3 tools/browser-check.py [--binary target/debug/teamcost]
        [--report report.html] [--out target/browser-check]
"""

import argparse
import base64
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# what works on these machines: no sandbox (root), no GPU, and nothing that
# phones home (the network is closed)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
]
SIZES = [("phone", 390, 844, True), ("laptop", 1280, 900, False)]

# what the page says about itself, read in the browser
PROBE = r"""
const root = document.documentElement;
const width = root.clientWidth;
const charts = [...document.querySelectorAll('svg, img')]
  .filter(e => !e.parentElement.closest('svg'))
  .map((e, i) => {
    const r = e.getBoundingClientRect();
    const caption = e.closest('figure')?.querySelector('figcaption')?.textContent;
    return {name: caption || e.tagName + ' #' + (i + 1),
            left: r.left + window.scrollX, right: r.right + window.scrollX,
            width: r.width, height: r.height};
  });
const wide = [...document.body.querySelectorAll('*')]
  .filter(e => e.getBoundingClientRect().right > width + 0.5
               && !e.parentElement.closest('.scroll'))
  .slice(0, 5)
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
            + ' ' + (e.textContent || '').trim().slice(0, 40));
// a table shown as cards must fit its box: nothing cut off to scroll to
const cut = [...document.querySelectorAll('.scroll')]
  .filter(b => b.querySelector('table.stack') && getComputedStyle(b.querySelector('table.stack')).display === 'block'
               && b.scrollWidth > b.clientWidth + 0.5)
  .map(b => b.getAttribute('aria-label') + ': ' + b.scrollWidth + ' px in ' + b.clientWidth);
const first = document.querySelector('section');
return {
  innerWidth: window.innerWidth,
  clientWidth: width,
  scrollWidth: root.scrollWidth,
  charts: charts,
  wide: wide,
  cut: cut,
  firstSection: first ? (first.querySelector('h2')?.textContent || '') : null,
  firstHeading: document.querySelector('h2')?.textContent || null,
};
"""

# where the decision summary is, in page coordinates, for its screenshot
SUMMARY_BOX = r"""
const s = document.getElementById('summary');
if (!s) return null;
const r = s.getBoundingClientRect();
return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height};
"""

# the print styles in force, read with print media emulated
PRINT_PROBE = r"""
const figures = [...document.querySelectorAll('figure')];
const style = e => getComputedStyle(e);
return {
  figures: figures.length,
  loose: figures.filter(f => style(f).breakInside !== 'avoid').length,
  captions: figures.filter(f => {
    const c = f.querySelector('figcaption');
    return !c || style(c).breakAfter !== 'avoid';
  }).length,
  tables: [...document.querySelectorAll('table')]
    .filter(t => style(t).breakInside !== 'avoid').length,
  dark: [...document.querySelectorAll('body, body *')].filter(e => {
    const m = style(e).backgroundColor.match(/\d+(\.\d+)?/g);
    if (!m) return false;
    const [r, g, b, a] = m.map(Number);
    return (a === undefined || a > 0.5) && (r + g + b) / 3 < 128;
  }).length,
};
"""


class Failure(Exception):
    pass


class Driver:
    """A chromedriver and one browser session, spoken to over HTTP."""

    def __init__(self, profile, log_dir):
        self.port = free_port()
        self.log = open(os.path.join(log_dir, "chromedriver.log"), "w")
        self.process = subprocess.Popen(
            [CHROMEDRIVER, f"--port={self.port}"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.session = None
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                if self.call("GET", "/status")["ready"]:
                    break
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.2)
        else:
            raise OSError("chromedriver did not answer within 20 seconds")
        options = {
            "binary": CHROMIUM,
            "args": FLAGS + [f"--user-data-dir={profile}/chromium"],
        }
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                return json.load(answer)["value"]
        except urllib.error.HTTPError as e:
            detail = json.load(e).get("value", {})
            raise OSError(f"{method} {path}: {detail.get('message', e)}") from None

    def do(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def cdp(self, command, params):
        return self.do("POST", "/goog/cdp/execute", {"cmd": command, "params": params})

    def script(self, source):
        return self.do("POST", "/execute/sync", {"script": source, "args": []})

    def close(self):
        try:
            if self.session:
                self.call("DELETE", f"/session/{self.session}", timeout=20)
        except OSError:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(binary, out):
    """The report of every shipped scenario, as a user writes it: without
    --currency, so the scenarios in GBP, USD, EUR and INR are converted to
    the first one's currency and the report says so."""
    scenarios = sorted(glob.glob(os.path.join(ROOT, "scenarios", "*.ron")))
    report = os.path.join(out, "report.html")
    command = [binary, "report", *scenarios, "-q", "-o", report]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        raise Failure(f"teamcost report failed ({run.returncode}):\n{run.stderr}")
    return report


class Checks:
    """What was checked: the number passed and a sentence per failure."""

    def __init__(self):
        self.passed = 0
        self.failures = []

    def expect(self, ok, failure):
        if ok:
            self.passed += 1
        else:
            self.failures.append(failure)


def check_size(checks, driver, url, out, name, width, height, mobile):
    """Opens the page at one size, checks it and takes its screenshots."""
    driver.cdp(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )
    driver.do("POST", "/url", {"url": url})
    page = driver.script(PROBE)
    where = f"at {width}x{height}"
    checks.expect(
        page["innerWidth"] == width,
        f"{where}: the page is laid out {page['innerWidth']} px wide, not {width} "
        "(is <meta name=viewport content='width=device-width'> missing?)",
    )
    checks.expect(
        page["scrollWidth"] <= page["clientWidth"],
        f"{where}: horizontal overflow: the page is {page['scrollWidth']} px wide "
        f"in a {page['clientWidth']} px window; too wide: {page['wide']}",
    )
    checks.expect(not page["cut"], f"{where}: a table shown as cards is wider than its box: {page['cut']}")
    checks.expect(bool(page["charts"]), f"{where}: no chart (svg or img) in the page")
    for c in page["charts"]:
        checks.expect(
            c["width"] > 0 and c["height"] > 0,
            f"{where}: chart '{c['name']}' has no size ({c['width']}x{c['height']})",
        )
        checks.expect(
            c["left"] >= -0.5 and c["right"] <= page["clientWidth"] + 0.5,
            f"{where}: chart '{c['name']}' spans {c['left']:.0f}..{c['right']:.0f} px, "
            f"outside the page's {page['clientWidth']} px",
        )
    checks.expect(
        page["firstSection"] == "Decision summary",
        f"{where}: the first section is {page['firstSection']!r}, not 'Decision summary'",
    )
    checks.expect(
        page["firstHeading"] == "Decision summary",
        f"{where}: the first heading below the title is {page['firstHeading']!r}, "
        "not 'Decision summary'",
    )
    top = driver.cdp("Page.captureScreenshot", {"format": "png"})
    save(os.path.join(out, f"{name}-top.png"), top["data"])
    full = driver.cdp("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    save(os.path.join(out, f"{name}-full.png"), full["data"])
    summary = driver.script(SUMMARY_BOX)
    if summary:
        shot = driver.cdp(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True, "clip": dict(summary, scale=1)},
        )
        save(os.path.join(out, f"{name}-summary.png"), shot["data"])
    print(
        f"{name} {width}x{height}: laid out {page['innerWidth']} px, "
        f"scroll width {page['scrollWidth']}, {len(page['charts'])} charts, "
        f"first section {page['firstSection']!r}"
    )


def check_print(checks, driver, url, out):
    """The print styles in force, and the page printed to PDF."""
    driver.cdp("Emulation.clearDeviceMetricsOverride", {})
    driver.do("POST", "/url", {"url": url})
    driver.cdp("Emulation.setEmulatedMedia", {"media": "print"})
    styles = driver.script(PRINT_PROBE)
    driver.cdp("Emulation.setEmulatedMedia", {"media": ""})
    n = styles["figures"]
    checks.expect(not styles["loose"], f"print: {styles['loose']} of {n} figures may break across pages")
    checks.expect(
        not styles["captions"], f"print: {styles['captions']} of {n} figure captions may be parted from their chart"
    )
    checks.expect(not styles["tables"], f"print: {styles['tables']} tables may be split across pages")
    checks.expect(not styles["dark"], f"print: {styles['dark']} elements have a dark background")
    # as a browser's print dialog does: A4 unless the page asks for another
    # size (the comparison's landscape page)
    pdf = driver.cdp(
        "Page.printToPDF",
        {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True, "printBackground": True},
    )
    save(os.path.join(out, "report.pdf"), pdf["data"])
    print(f"print: {n} figures, PDF written")


def save(path, data):
    with open(path, "wb") as f:
        f.write(base64.b64decode(data))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", help="teamcost to build the report with")
    parser.add_argument("--report", help="check this HTML file instead of building one")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "browser-check"))
    args = parser.parse_args()
    args.out = os.path.abspath(args.out)
    os.makedirs(args.out, exist_ok=True)
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.access(tool, os.X_OK):
            print(f"browser-check: {tool} is missing (apt-get install chromium chromium-driver)")
            return 2
    try:
        if args.report:
            report = os.path.abspath(args.report)
        else:
            built = [
                b
                for b in (os.path.join(ROOT, "target", p, "teamcost") for p in ("debug", "release"))
                if os.access(b, os.X_OK)
            ]
            # the newer of the debug and release builds
            binary = args.binary or max(built, key=os.path.getmtime, default=None)
            if binary is None:
                raise Failure("no teamcost binary: run cargo build first or pass --binary")
            report = build(binary, args.out)
    except Failure as e:
        print(f"browser-check: {e}")
        return 1
    url = "file://" + report
    profile = tempfile.mkdtemp(prefix="browser-check-")
    checks = Checks()
    try:
        try:
            driver = Driver(profile, args.out)
        except OSError as e:
            print(f"browser-check: cannot start Chromium: {e}")
            return 2
        try:
            for name, width, height, mobile in SIZES:
                check_size(checks, driver, url, args.out, name, width, height, mobile)
            check_print(checks, driver, url, args.out)
        finally:
            driver.close()
    except OSError as e:
        checks.failures.append(f"the browser failed: {e}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    print(f"screenshots and PDF in {args.out}")
    for f in checks.failures:
        print(f"FAIL {f}")
    print(f"browser-check: {checks.passed} passed, {len(checks.failures)} failed")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
