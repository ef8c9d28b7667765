#!/usr/bin/env python3
"""Opens every page of a built Descent gallery in headless Chromium and checks what a reader would meet.

    python Tools/site-check/check.py Gallery/site [--screenshots Gallery/site-check]

`make site-check` builds the gallery, sets up what this needs (Debian's `chromium` and `chromium-driver`,
selenium in Tools/site-check/.venv) and runs it. The site is served from a local http.server on 127.0.0.1
(a free port, in a thread, stopped at the end); the browser may reach nothing else. For every HTML page:

  - no console errors (the browser log at level SEVERE: script errors, failed loads);
  - no failed request (HTTP status >= 400, a load that failed, a request that left the local server);
  - every image on the page loaded and decoded (naturalWidth > 0), and every image file named by any
    src or srcset (dark-theme and animated variants included) decodes in Chromium;
  - every href/src/srcset names an existing file inside the site, links are relative, a #fragment names an
    element that exists, aria-describedby / label `for` name elements on the page; no external URL;
  - at phone width the page does not scroll sideways;
  - a sweep's slider, moved with the keyboard, swaps the shown image in place (every value, no layout
    jump); without JavaScript every variant is shown instead;
  - the tag filter: all.html shows every card, all.html?tag=X exactly the cards tagged X, and without
    JavaScript all cards whatever the tag;
  - a full-page screenshot at desktop width (1280) and phone width (390), for people to look at.

One line per page (with its problems below it), a `site-wide` line for what belongs to no single page, then
`N passed, M failed`. Exits 1 when anything failed, 2 when it could not run at all. Every wait has a
timeout, and the whole run a time budget (--budget).
"""

from __future__ import annotations

import argparse
import base64
import functools
import html.parser
import http.server
import json
import math
import os
import posixpath
import re
import shutil
import signal
import sys
import threading
import time
import urllib.parse
from pathlib import Path

try:
    from selenium import webdriver
    from selenium.common.exceptions import JavascriptException, TimeoutException, WebDriverException
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - reported to the user
    print("site-check needs selenium: python -m pip install -r Tools/site-check/requirements.txt", file=sys.stderr)
    sys.exit(2)

DESKTOP = {"name": "desktop", "width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"name": "phone", "width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
MAX_SCREENSHOT_HEIGHT = 12000  # CSS pixels; longer pages are cut there
MAX_SWEEP_STEPS = 60
MAX_TAGS = 60


class BudgetExceeded(Exception):
    pass


# ---------------------------------------------------------------------------------------------------------
# The local server


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site without caching (so every page's own requests are seen) and records every status."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".png": "image/png",
        ".apng": "image/apng",
        ".svg": "image/svg+xml",
        ".pdf": "application/pdf",
        ".json": "application/json",
        ".csv": "text/csv; charset=utf-8",
        ".yaml": "text/plain; charset=utf-8",
        ".yml": "text/plain; charset=utf-8",
    }
    timeout = 15  # seconds a connection may sit idle
    protocol_version = "HTTP/1.0"

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def log_request(self, code="-", size="-"):
        try:
            status = int(code)
        except (TypeError, ValueError):
            status = 0
        with self.server.record_lock:
            self.server.record.append((self.path, status))


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser drops connections it no longer needs (an image swapped before it arrived): not an error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class SiteServer:
    def __init__(self, root: Path):
        handler = functools.partial(SiteHandler, directory=str(root))
        self.httpd = QuietServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.record = []
        self.httpd.record_lock = threading.Lock()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                       name="site-check-server", daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def take_record(self):
        with self.httpd.record_lock:
            record, self.httpd.record = self.httpd.record, []
        return record


# ---------------------------------------------------------------------------------------------------------
# What the HTML on disk names


class PageScan(html.parser.HTMLParser):
    """Every URL an HTML file names (with the tag and attribute), its ids, and its id references."""

    URL_ATTRIBUTES = {"href", "src", "poster", "data", "action", "cite"}
    ID_REFERENCES = {"aria-describedby", "aria-labelledby", "aria-controls", "aria-details", "aria-owns", "list"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: list[str] = []
        self.id_references: list[tuple[str, str, str]] = []  # (tag, attribute, id)
        self.imgs_without_alt = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name in self.URL_ATTRIBUTES:
                self.urls.append((tag, name, value.strip()))
            elif name in ("srcset", "imagesrcset"):
                for candidate in split_srcset(value):
                    self.urls.append((tag, name, candidate))
            elif name == "style":
                for url in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", value):
                    self.urls.append((tag, "style", url.strip()))
            elif name == "id":
                self.ids.append(value)
            elif name == "name" and tag == "a":
                self.ids.append(value)
            if name in self.ID_REFERENCES or (name == "for" and tag in ("label", "output")):
                for reference in value.split():
                    self.id_references.append((tag, name, reference))
        if tag == "img" and "alt" not in attributes:
            self.imgs_without_alt += 1

    handle_startendtag = handle_starttag


def split_srcset(value: str) -> list[str]:
    urls = []
    for candidate in re.split(r",\s+|,$", value.strip()):
        candidate = candidate.strip()
        if candidate:
            urls.append(candidate.split()[0])
    return urls


@functools.lru_cache(maxsize=None)
def scan(path: Path) -> PageScan:
    parser = PageScan()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def resolve_local(site: Path, page: str, url: str):
    """(kind, detail) for a URL named by `page`: ("local", (relative path, fragment)), ("skip", None),
    or ("problem", text)."""
    if url == "":
        return "problem", "empty URL"
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in ("data", "blob"):
        return "skip", None
    if parts.scheme or parts.netloc:
        return "problem", f"external URL {url!r} (the site must be self-contained)"
    if parts.path.startswith("/"):
        return "problem", f"root-relative URL {url!r} (links must be relative)"
    if parts.path == "":
        return "local", (page, urllib.parse.unquote(parts.fragment))
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), urllib.parse.unquote(parts.path)))
    if joined == ".." or joined.startswith("../"):
        return "problem", f"{url!r} leads outside the site"
    target = site / joined
    if target.is_dir():
        joined = posixpath.join(joined, "index.html")
        target = site / joined
    if not target.is_file():
        return "problem", f"{url!r} names a missing file ({joined})"
    return "local", (joined, urllib.parse.unquote(parts.fragment))


def static_checks(site: Path, page: str) -> tuple[list[str], list[str]]:
    """Problems found in the page's HTML on disk, and the stylesheets it uses."""
    problems = []
    page_scan = scan(site / page)
    stylesheets = []
    seen = set()
    for tag, attribute, url in page_scan.urls:
        if (tag, attribute, url) in seen:
            continue
        seen.add((tag, attribute, url))
        kind, detail = resolve_local(site, page, url)
        if kind == "problem":
            problems.append(f"<{tag} {attribute}>: {detail}")
            continue
        if kind == "skip":
            continue
        target, fragment = detail
        if fragment and target.endswith(".html") and fragment not in scan(site / target).ids:
            problems.append(f"<{tag} {attribute}>: {url!r}: no element with id {fragment!r} in {target}")
        if tag == "link" and target.endswith(".css"):
            stylesheets.append(target)
    ids = page_scan.ids
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"duplicate ids: {', '.join(duplicates[:10])}")
    id_set = set(ids)
    for tag, attribute, reference in page_scan.id_references:
        if reference not in id_set:
            problems.append(f"<{tag} {attribute}={reference!r}> names no element on the page")
    if page_scan.imgs_without_alt:
        problems.append(f"{page_scan.imgs_without_alt} <img> without an alt attribute")
    return problems, stylesheets


def stylesheet_problems(site: Path, stylesheet: str) -> list[str]:
    problems = []
    text = (site / stylesheet).read_text(encoding="utf-8", errors="replace")
    for url in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text):
        kind, detail = resolve_local(site, stylesheet, url.strip())
        if kind == "problem":
            problems.append(f"{stylesheet}: {detail}")
    for url in re.findall(r"@import\s+['\"]([^'\"]+)['\"]", text):
        kind, detail = resolve_local(site, stylesheet, url.strip())
        if kind == "problem":
            problems.append(f"{stylesheet}: {detail}")
    return problems


# ---------------------------------------------------------------------------------------------------------
# The browser


def make_driver(chromium: str, chromedriver: str, timeout: float):
    options = Options()
    options.binary_location = chromium
    for argument in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--mute-audio", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-features=Translate,MediaRouter,OptimizationHints",
        "--force-color-profile=srgb", "--lang=en-US", "--window-size=1280,800",
        # Nothing but the local server is reachable: any other host fails (and is reported).
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--proxy-server=direct://", "--proxy-bypass-list=*",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.page_load_strategy = "normal"
    service = Service(executable_path=chromedriver, log_output=os.devnull)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(timeout)
    driver.set_script_timeout(timeout)
    driver.implicitly_wait(0)
    return driver


def set_viewport(driver, viewport):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": viewport["width"], "height": viewport["height"],
        "deviceScaleFactor": viewport["deviceScaleFactor"], "mobile": viewport["mobile"]})


def set_javascript(driver, enabled: bool):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not enabled})


def wait_until(driver, timeout, condition, message):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)
    except TimeoutException:
        raise TimeoutException(message) from None


def load(driver, url, timeout):
    driver.get(url)
    wait_until(driver, timeout, lambda d: d.execute_script("return document.readyState") == "complete",
               f"{url} did not finish loading in {timeout:g} s")
    # Lazy images below the fold would never load in a still window: ask for them now.
    driver.execute_script("for (const i of document.images) if (i.loading === 'lazy') i.loading = 'eager';")
    try:
        wait_until(driver, timeout, lambda d: d.execute_script(
            "return Array.from(document.images).every(i => i.complete)"), "")
    except TimeoutException:
        pass  # reported image by image
    driver.execute_async_script("const done = arguments[arguments.length - 1];"
                                "document.fonts.ready.then(() => done(true), () => done(false));")


IMAGES_STATE = """
return Array.from(document.images).map(i => ({
  src: i.getAttribute('src') || '', current: i.currentSrc || i.src || '', complete: i.complete,
  width: i.naturalWidth, rendered: i.getClientRects().length > 0}));
"""

DECODE = """
const urls = arguments[0], limit = arguments[1], done = arguments[arguments.length - 1];
Promise.all(urls.map(url => new Promise(resolve => {
  const image = new Image();
  const timer = setTimeout(() => resolve([url, 'did not load in ' + limit + ' ms']), limit);
  image.onload = () => image.decode().then(
    () => { clearTimeout(timer); resolve([url, image.naturalWidth > 0 ? '' : 'decoded with naturalWidth 0']); },
    e => { clearTimeout(timer); resolve([url, 'does not decode: ' + e]); });
  image.onerror = () => { clearTimeout(timer); resolve([url, 'failed to load or decode']); };
  image.src = url;
}))).then(done);
"""


def image_problems(driver, viewport_name):
    problems = []
    for image in driver.execute_script(IMAGES_STATE):
        name = image["current"] or image["src"]
        if not image["complete"]:
            problems.append(f"{viewport_name}: image did not finish loading: {short(name)}")
        elif image["width"] == 0:
            problems.append(f"{viewport_name}: image not decoded (naturalWidth 0): {short(name)}")
    return problems


def decode_problems(driver, site, page, origin, decoded, timeout):
    """Every image file the page names anywhere (img/source src and srcset) decodes in Chromium."""
    urls = []
    for tag, attribute, url in scan(site / page).urls:
        if tag not in ("img", "source") or attribute not in ("src", "srcset"):
            continue
        kind, detail = resolve_local(site, page, url)
        if kind != "local":
            continue
        absolute = f"{origin}/{urllib.parse.quote(detail[0])}"
        if absolute not in decoded and absolute not in urls:
            urls.append(absolute)
    problems = []
    for start in range(0, len(urls), 24):
        batch = urls[start:start + 24]
        for url, problem in driver.execute_async_script(DECODE, batch, int(timeout * 1000 * 0.8)):
            if problem:
                problems.append(f"image {short(url)} {problem}")
            else:
                decoded.add(url)
    return problems


def short(url: str) -> str:
    return re.sub(r"^http://127\.0\.0\.1:\d+/", "", url)


def drain_logs(driver):
    driver.get_log("browser")
    driver.get_log("performance")


def log_problems(driver, origin):
    """Console errors and failed requests since the last call. Chromium's own probe of /favicon.ico (made
    for pages that declare no icon, after some navigations only) is the browser's, not the page's: skipped.
    An icon a page does declare is checked like any other file."""
    problems = []
    favicon = origin + "/favicon.ico"
    for entry in driver.get_log("browser"):
        if entry.get("message", "").startswith(favicon + " "):
            continue
        if entry.get("level") == "SEVERE":
            problems.append(f"console error: {short(entry.get('message', '').strip())}")
    urls = {}
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError, TypeError):
            continue
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            urls[params.get("requestId")] = url
            if url == favicon:
                continue
            if not (url.startswith(origin + "/") or url == origin or url.startswith(("data:", "blob:"))):
                problems.append(f"request outside the site: {url}")
        elif method == "Network.responseReceived":
            response = params.get("response", {})
            if response.get("url") == favicon:
                continue
            if response.get("status", 0) >= 400:
                problems.append(f"failed request: HTTP {response.get('status')} {short(response.get('url', ''))}")
        elif method == "Network.loadingFailed":
            if params.get("canceled"):
                continue  # superseded by the page itself (an image swapped before it arrived)
            url = urls.get(params.get("requestId"), "?")
            if url == favicon:
                continue
            problems.append(f"failed request: {params.get('errorText', 'failed')} {short(url)}")
    return problems


def server_problems(server):
    problems = []
    for path, status in server.take_record():
        if status >= 400 and path != "/favicon.ico":
            problems.append(f"server answered {status} for {path}")
    return problems


def screenshot(driver, path: Path):
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics.get("contentSize")
    viewport = metrics.get("cssLayoutViewport") or metrics.get("layoutViewport")
    width = max(1, math.ceil(min(size["width"], viewport["clientWidth"])))
    height = max(1, min(math.ceil(size["height"]), MAX_SCREENSHOT_HEIGHT))
    driver.execute_script("window.scrollTo(0, 0)")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "fromSurface": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))


# ---------------------------------------------------------------------------------------------------------
# Sweeps and the tag filter

SWEEP_STATE = """
const sweep = arguments[0];
const one = sweep.querySelector('.sweep-one');
const img = one && one.querySelector('img');
const slider = one && one.querySelector('input[type=range]');
const output = one && one.querySelector('output');
return {
  one: !!one, shown: !!one && one.checkVisibility(), img: !!img, slider: !!slider,
  src: img ? img.getAttribute('src') : null, current: img ? img.currentSrc : null,
  complete: img ? img.complete : false, width: img ? img.naturalWidth : 0,
  value: slider ? slider.value : null, min: slider ? slider.min : null, max: slider ? slider.max : null,
  step: slider ? slider.step : null, output: output ? output.textContent : null,
  focused: !!slider && document.activeElement === slider,
  height: Math.round(sweep.getBoundingClientRect().height),
  variants: sweep.querySelectorAll('.sweep-variant').length,
};
"""


def sweep_problems(driver, timeout):
    problems = []
    sweeps = driver.find_elements(By.CSS_SELECTOR, "[data-sweep]")
    for number, sweep in enumerate(sweeps, 1):
        label = f"sweep {number}"
        state = driver.execute_script(SWEEP_STATE, sweep)
        if not (state["one"] and state["img"] and state["slider"]):
            problems.append(f"{label}: no .sweep-one with an <img> and an <input type=range>")
            continue
        if not state["shown"]:
            problems.append(f"{label}: the slider is still hidden with JavaScript on")
            continue
        slider = sweep.find_element(By.CSS_SELECTOR, ".sweep-one input[type=range]")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", slider)
        slider.send_keys(Keys.HOME)
        try:
            wait_until(driver, timeout, lambda d: d.execute_script(SWEEP_STATE, sweep)["value"] == state["min"]
                       or state["min"] in ("", None), "")
        except TimeoutException:
            problems.append(f"{label}: Home did not move the slider to its minimum")
            continue
        try:
            wait_until(driver, timeout, lambda d: (lambda s: s["complete"] and s["width"] > 0)(
                driver.execute_script(SWEEP_STATE, sweep)), "")
        except TimeoutException:
            pass
        state = driver.execute_script(SWEEP_STATE, sweep)
        minimum, maximum = float(state["min"] or 0), float(state["max"] or 100)
        step = float(state["step"]) if state["step"] not in (None, "", "any") else 1.0
        steps = int(round((maximum - minimum) / step)) if step > 0 else 0
        if steps < 1:
            problems.append(f"{label}: the slider has a single value ({state['min']}..{state['max']})")
            continue
        if state["variants"] and steps + 1 != state["variants"]:
            problems.append(f"{label}: the slider has {steps + 1} values but the sweep shows "
                            f"{state['variants']} variants")
        seen_images = {state["src"]}
        first_height = state["height"]
        for move in range(min(steps, MAX_SWEEP_STEPS)):
            before = driver.execute_script(SWEEP_STATE, sweep)
            slider.send_keys(Keys.ARROW_RIGHT)
            try:
                after = wait_until(driver, timeout, lambda d: (lambda s: s if s["src"] != before["src"]
                                   and s["complete"] and s["current"] != before["current"] else False)(
                    driver.execute_script(SWEEP_STATE, sweep)), "")
            except TimeoutException:
                after = driver.execute_script(SWEEP_STATE, sweep)
                if after["value"] == before["value"]:
                    problems.append(f"{label}: ArrowRight from value {before['value']} did not move the slider "
                                    f"(focused: {after['focused']})")
                else:
                    problems.append(f"{label}: moving the slider {before['value']} → {after['value']} by "
                                    f"keyboard did not change the shown image (src stays {after['src']!r})")
                break
            if not after["focused"]:
                problems.append(f"{label}: the slider lost the keyboard focus")
            if after["width"] == 0:
                problems.append(f"{label}: the image for value {after['value']} did not decode ({after['current']})")
            if after["src"] in seen_images:
                problems.append(f"{label}: value {after['value']} shows an image already shown ({after['src']})")
            seen_images.add(after["src"])
            if state["output"] is not None and after["output"] == before["output"]:
                problems.append(f"{label}: the printed value stays {after['output']!r} as the slider moves")
            if abs(after["height"] - first_height) > 1:
                problems.append(f"{label}: the layout jumps when the image is swapped (height {first_height}px → "
                                f"{after['height']}px at value {after['value']})")
                first_height = after["height"]
    return problems, len(sweeps)


def sweep_problems_without_javascript(driver):
    problems = []
    for number, state in enumerate(driver.execute_script("""
        return Array.from(document.querySelectorAll('[data-sweep]')).map(sweep => {
          const one = sweep.querySelector('.sweep-one');
          const variants = Array.from(sweep.querySelectorAll('.sweep-variant'));
          return {oneShown: !!one && one.checkVisibility(), variants: variants.length,
                  hidden: variants.filter(v => !v.checkVisibility()).length,
                  undecoded: variants.filter(v => { const i = v.querySelector('img');
                                                    return !i || !i.complete || i.naturalWidth === 0; }).length};
        });"""), 1):
        label = f"sweep {number} without JavaScript"
        if state["variants"] < 2:
            problems.append(f"{label}: {state['variants']} variants in .sweep-all (expected every variant)")
        if state["hidden"]:
            problems.append(f"{label}: {state['hidden']} of {state['variants']} variants are not shown")
        if state["undecoded"]:
            problems.append(f"{label}: {state['undecoded']} variant images did not load")
        if state["oneShown"]:
            problems.append(f"{label}: the slider is shown though it cannot work")
    return problems


CARDS_STATE = """
const list = document.getElementById('all-figures');
if (!list) return null;
return Array.from(list.querySelectorAll('li.card')).map(card => ({
  tags: (card.dataset.tags || '').split(/\\s+/).filter(Boolean), shown: card.checkVisibility(),
  hiddenAttribute: card.hidden}));
"""


def tag_filter_problems(driver, page_url, timeout):
    """all.html shows every card; all.html?tag=X exactly the cards tagged X."""
    problems = []
    cards = driver.execute_script(CARDS_STATE)
    if not cards:
        return ["#all-figures has no li.card"], []
    hidden = sum(not card["shown"] for card in cards)
    if hidden:
        problems.append(f"tag filter: {hidden} of {len(cards)} cards hidden with no ?tag=")
    links = driver.execute_script("return Array.from(document.querySelectorAll('a.tag[data-tag]'), a => "
                                  "[a.dataset.tag, a.getAttribute('href')])")
    if not links:
        problems.append("tag filter: no a.tag[data-tag] links on the page")
    tags = sorted({tag for tag, _ in links if tag} | {tag for card in cards for tag in card["tags"]})
    for tag, href in links:
        # data-tag="" is the "all figures" link: all.html itself.
        expected = f"all.html?tag={urllib.parse.quote(tag)}" if tag else "all.html"
        if href not in (expected, f"all.html?tag={tag}"):
            problems.append(f"tag filter: the link for {tag!r} goes to {href!r}, expected {expected!r}")
    for tag in tags[:MAX_TAGS]:
        load(driver, f"{page_url}?tag={urllib.parse.quote(tag)}", timeout)
        shown = driver.execute_script(CARDS_STATE)
        wrong_shown = [i for i, card in enumerate(shown) if card["shown"] and tag not in card["tags"]]
        wrong_hidden = [i for i, card in enumerate(shown) if not card["shown"] and tag in card["tags"]]
        count = sum(card["shown"] for card in shown)
        if wrong_shown:
            problems.append(f"tag filter: ?tag={tag} shows {len(wrong_shown)} cards without that tag")
        if wrong_hidden:
            problems.append(f"tag filter: ?tag={tag} hides {len(wrong_hidden)} cards with that tag")
        if count == 0:
            problems.append(f"tag filter: ?tag={tag} shows no card")
    # A reader's path: click the first tag link, land on ?tag=, see the filtered list.
    if tags and any(tag for tag, _ in links):
        load(driver, page_url, timeout)
        link = driver.find_element(By.CSS_SELECTOR, "a.tag[data-tag]:not([data-tag=''])")
        tag = link.get_attribute("data-tag")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        try:
            wait_until(driver, timeout, lambda d: "tag=" in d.current_url
                       and d.execute_script("return document.readyState") == "complete", "")
            shown = driver.execute_script(CARDS_STATE) or []
            if any(card["shown"] != (tag in card["tags"]) for card in shown):
                problems.append(f"tag filter: after clicking the {tag!r} tag the cards shown are not those tagged")
        except TimeoutException:
            problems.append(f"tag filter: clicking the {tag!r} tag did not lead to ?tag= (at {driver.current_url})")
    return problems, tags


def tag_filter_problems_without_javascript(driver, page_url, tags, timeout):
    problems = []
    for query in [""] + [f"?tag={urllib.parse.quote(tag)}" for tag in tags[:3]]:
        load(driver, page_url + query, timeout)
        cards = driver.execute_script(CARDS_STATE) or []
        hidden = sum(not card["shown"] for card in cards)
        if hidden:
            problems.append(f"without JavaScript, all.html{query} hides {hidden} of {len(cards)} cards")
    return problems


# ---------------------------------------------------------------------------------------------------------
# One page


def check_page(driver, server, site, page, shots, decoded, timeout, state):
    problems = []
    url = f"{server.origin}/{urllib.parse.quote(page)}"
    static, stylesheets = static_checks(site, page)
    problems += static
    state["stylesheets"].update(stylesheets)
    drain_logs(driver)
    server.take_record()

    # Desktop, JavaScript on.
    set_javascript(driver, True)
    set_viewport(driver, DESKTOP)
    load(driver, url, timeout)
    problems += image_problems(driver, DESKTOP["name"])
    problems += decode_problems(driver, site, page, server.origin, decoded, timeout)
    if shots:
        load(driver, url, timeout)  # fresh from the top, before any interaction
        screenshot(driver, shots / f"{DESKTOP['name']}-{DESKTOP['width']}" / screenshot_name(page))
    found, sweeps = sweep_problems(driver, timeout)
    problems += found
    state["sweeps"] += sweeps
    has_cards = driver.execute_script("return !!document.getElementById('all-figures')")
    tags = []
    if has_cards:
        state["tag pages"] += 1
        found, tags = tag_filter_problems(driver, url, timeout)
        problems += found

    # Phone.
    set_viewport(driver, PHONE)
    load(driver, url, timeout)
    problems += image_problems(driver, PHONE["name"])
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        problems.append(f"phone: the page is {overflow}px wider than the {PHONE['width']}px screen "
                        f"(it scrolls sideways)")
    if shots:
        screenshot(driver, shots / f"{PHONE['name']}-{PHONE['width']}" / screenshot_name(page))
    set_viewport(driver, DESKTOP)

    # Without JavaScript: sweeps show every variant, the tag filter shows every card.
    if sweeps or has_cards:
        set_javascript(driver, False)
        try:
            load(driver, url, timeout)
            if sweeps:
                problems += sweep_problems_without_javascript(driver)
            if has_cards:
                problems += tag_filter_problems_without_javascript(driver, url, tags, timeout)
        finally:
            set_javascript(driver, True)

    problems += log_problems(driver, server.origin)
    problems += server_problems(server)
    return list(dict.fromkeys(problems))  # in order, each once


def screenshot_name(page: str) -> str:
    return page[:-len(".html")].replace("/", "--") + ".png"


# ---------------------------------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check a built Descent gallery in headless Chromium.")
    parser.add_argument("site", type=Path, help="the built site (e.g. Gallery/site)")
    parser.add_argument("--screenshots", type=Path, default=None,
                        help="folder for the screenshots (default: site-check next to the site)")
    parser.add_argument("--no-screenshots", action="store_true", help="skip the screenshots")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER",
                        shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    parser.add_argument("--timeout", type=float, default=20, help="seconds for any one load or wait (20)")
    parser.add_argument("--budget", type=float, default=900, help="seconds for the whole run (900)")
    args = parser.parse_args(argv)

    site = args.site.resolve()
    if not (site / "index.html").is_file():
        print(f"site-check: no site at {args.site} (no index.html); build it first (make gallery)", file=sys.stderr)
        return 2
    for tool in (args.chromium, args.chromedriver):
        if not (os.path.isfile(tool) and os.access(tool, os.X_OK)):
            print(f"site-check: {tool} not found; install Debian's chromium and chromium-driver", file=sys.stderr)
            return 2
    shots = None
    if not args.no_screenshots:
        shots = (args.screenshots or site.parent / "site-check").resolve()
        for viewport in (DESKTOP, PHONE):
            folder = shots / f"{viewport['name']}-{viewport['width']}"
            shutil.rmtree(folder, ignore_errors=True)  # no stale pictures of removed pages
            folder.mkdir(parents=True, exist_ok=True)

    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    started = time.monotonic()
    deadline = started + args.budget

    def on_alarm(signum, frame):
        raise BudgetExceeded()

    # A hard stop a little after the budget, should the browser hang in a way no timeout catches.
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(int(args.budget + 4 * args.timeout + 30))

    results = []
    state = {"sweeps": 0, "tag pages": 0, "stylesheets": set()}
    decoded = set()
    driver = None
    try:
        with SiteServer(site) as server:
            try:
                driver = make_driver(args.chromium, args.chromedriver, args.timeout)
            except WebDriverException as error:
                print(f"site-check: could not start headless Chromium: {error.msg or error}", file=sys.stderr)
                return 2
            for page in pages:
                if time.monotonic() > deadline:
                    problems = [f"not checked: the {args.budget:g} s budget ran out"]
                else:
                    try:
                        problems = check_page(driver, server, site, page, shots, decoded, args.timeout, state)
                    except TimeoutException as error:
                        problems = [f"timed out: {error.msg or 'a wait'}"]
                    except (JavascriptException, WebDriverException) as error:
                        problems = [f"browser error: {(error.msg or str(error)).splitlines()[0]}"]
                report(page, problems)
                results.append(problems)

            site_wide = []
            for stylesheet in sorted(state["stylesheets"]):
                site_wide += stylesheet_problems(site, stylesheet)
            if not (site / "all.html").is_file():
                site_wide.append("no all.html")
            if state["tag pages"] == 0:
                site_wide.append("no page has the tag filter (#all-figures): nothing tested it")
            if state["sweeps"] == 0:
                site_wide.append("no page has a sweep ([data-sweep]): no slider was tested")
            report("site-wide", site_wide)
            results.append(site_wide)
    except BudgetExceeded:
        print(f"site-check: stopped after {time.monotonic() - started:.0f} s, over the time budget", file=sys.stderr)
        results.append(["over the time budget"])
    finally:
        signal.alarm(0)
        if driver is not None:
            try:
                driver.quit()
            except Exception:  # noqa: BLE001 - the browser may already be gone
                pass

    failed = sum(1 for problems in results if problems)
    passed = len(results) - failed
    if shots:
        print(f"screenshots: {shots}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def report(name, problems):
    if problems:
        print(f"FAIL {name}")
        for problem in problems:
            print(f"     - {problem}")
    else:
        print(f"ok   {name}")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
