"""Drive Debian's Chromium through Playwright and record everything a page does to a visitor.

In a guarded browser context every request is recorded, anything not addressed to the site's own
server is stopped by routing (and recorded as blocked), and an init script records every attempt
to store something on the visitor's device.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

CHROMIUM = Path(os.environ.get("DISCREET_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium phones home at start, which this machine's
# closed network refuses; --disable-gpu and --disable-quic keep headless runs quiet and stable.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# What axe-core reports: what it cannot decide (say, a contrast over a background image) counts
# too, since a check that cannot tell must not pass silently.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_21_AA},
    "resultTypes": ["violations", "incomplete"],
}
# A page has finished loading once no request is in flight and none started for this long (the
# quiet time of Playwright's "networkidle"): a font or lazy picture that rendering asked for, or
# a script's late fetch, starts within it.
NETWORK_QUIET_MS = 500
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}

# Runs before any page script: every write to Web Storage or document.cookie leaves a trace,
# even one undone before the page finishes loading.
STORAGE_PROBE = """
(() => {
  const writes = [];
  Object.defineProperty(window, "__storageWrites", { value: writes });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const kind = this === window.sessionStorage ? "sessionStorage" : "localStorage";
    writes.push(`${kind}.setItem(${String(key)})`);
    return setItem.apply(this, arguments);
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {
    configurable: true,
    get() { return cookie.get.call(this); },
    set(value) {
      writes.push(`document.cookie = ${String(value).split("=")[0]}`);
      cookie.set.call(this, value);
    },
  });
})();
"""

# What is stored on the device once the page has loaded, whoever wrote it and however.
STORED_NOW = """
async () => {
  const found = [];
  for (const name of ["localStorage", "sessionStorage"]) {
    const store = window[name];
    for (let i = 0; i < store.length; i++) found.push(`${name}: ${store.key(i)}`);
  }
  if (indexedDB.databases) {
    for (const db of await indexedDB.databases()) found.push(`IndexedDB: ${db.name}`);
  }
  if (window.caches) {
    for (const key of await caches.keys()) found.push(`Cache Storage: ${key}`);
  }
  return found;
}
"""

# Every URL the page points at or loads from, resolved by the browser itself.
REFERENCES = """
() => {
  const urls = [];
  for (const el of document.querySelectorAll("a[href], area[href], link[href]")) urls.push(el.href);
  for (const el of document.querySelectorAll("[src]")) urls.push(el.src);
  // A form that posts is checked by submitting it (the contact form tests), not by a GET.
  for (const el of document.querySelectorAll("form[action]")) {
    if (el.method === "get") urls.push(el.action);
  }
  for (const el of document.querySelectorAll("[srcset]")) {
    for (const part of el.getAttribute("srcset").split(",")) {
      const candidate = part.trim().split(/\\s+/)[0];
      if (candidate) urls.push(new URL(candidate, document.baseURI).href);
    }
  }
  return urls.filter((url) => url.startsWith("http:") || url.startsWith("https:"));
}
"""

# Two frames rendered, so the requests of the last change (a colour scheme's pictures, fonts
# that the new layout needs) have started, and the fonts asked for have loaded.
RENDERED = """
async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await document.fonts.ready;
}
"""

PAGE_COLOURS = """
() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]
"""


# Every picture of the page loaded, lazy ones too, before a full-page screenshot shows them all:
# one the screenshot only scrolled into view would start loading then, and the next page would
# cancel it (net::ERR_ABORTED). A picture that fails still fails: the recorder sees it.
LOAD_EVERY_PICTURE = """
async (timeoutMs) => {
  const images = [...document.images];
  for (const img of images) if (img.loading === "lazy") img.loading = "eager";
  const settled = images.map((img) => img.complete ? null : new Promise((done) => {
    img.addEventListener("load", done, { once: true });
    img.addEventListener("error", done, { once: true });
  }));
  await Promise.race([Promise.all(settled), new Promise((done) => setTimeout(done, timeoutMs))]);
}
"""


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def without_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(fragment=""))


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, with a fresh temporary profile (Playwright makes one)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@dataclass
class Recorder:
    """Everything one browser context asked for and complained about."""

    origin: str
    requests: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    in_flight: dict[int, Any] = field(default_factory=dict)  # neither finished nor failed yet
    last_started: float = field(default_factory=time.monotonic)  # when the last request began
    # While axe-core runs: it fetches the page's cross-origin stylesheets again itself, and a
    # URL the page already asked for tells nothing new (its first request is on record).
    ignoring_repeats: bool = False

    def attach(self, context: Any) -> None:
        context.route("**/*", self._route)
        context.route_web_socket(lambda url: True, self._route_web_socket)
        context.add_init_script(STORAGE_PROBE)
        context.on("request", self._request)
        context.on("requestfailed", self._request_failed)
        context.on("requestfinished", self._request_finished)
        context.on("response", self._response)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.console_errors.append(f"uncaught: {error.error}"))

    def load_every_picture(self, page: Any, timeout_ms: float = 15_000) -> None:
        """Load the page's lazy pictures now and wait for every request to finish."""
        page.evaluate(LOAD_EVERY_PICTURE, timeout_ms)
        self.settle(page, timeout_ms)

    def settle(
        self,
        page: Any,
        timeout_ms: float = 15_000,
        quiet_ms: float = 300,
        quiet_since: float | None = None,
    ) -> None:
        """Wait until every request the page started has finished or failed, and none began
        for `quiet_ms` (a font or picture that rendering asked for may start a moment later).

        Leaving a page cancels what it is still loading (net::ERR_ABORTED). Waiting first means
        a failure recorded is the site's, never the test's own haste; a request still hanging
        after `timeout_ms` is left to fail, as it would for a visitor. The quiet time counts from
        the last request or from `quiet_since` (time.monotonic(); by default now), whichever is
        later: what the test did since then without a request (axe-core, say) counts towards it."""
        quiet_from = time.monotonic() if quiet_since is None else quiet_since
        page.evaluate(RENDERED)
        deadline = time.monotonic() + timeout_ms / 1000
        while (now := time.monotonic()) < deadline:
            quiet_for = (now - max(quiet_from, self.last_started)) * 1000
            if not self.in_flight and quiet_for >= quiet_ms:
                return
            # Waiting inside Playwright lets it deliver the request events meanwhile: until a
            # request in flight ends, or until the quiet time is over unless one starts.
            wait = 50 if self.in_flight else quiet_ms - quiet_for
            page.wait_for_timeout(min(wait, (deadline - now) * 1000))

    def start_over(self) -> None:
        """Forget what was recorded so far (not the requests still in flight): a new page."""
        for entries in (self.requests, self.posts, self.blocked, self.failed, self.console_errors):
            entries.clear()
        self.last_started = time.monotonic()
        self.ignoring_repeats = False

    def snapshot(self) -> Recorder:
        """What was recorded so far, kept apart from what the audit tools do afterwards."""
        lists = (self.requests, self.posts, self.blocked, self.failed, self.console_errors)
        return Recorder(self.origin, *(list(entries) for entries in lists), dict(self.in_flight))

    def third_party(self) -> list[str]:
        return [url for url in self.requests if origin_of(url) != self.origin]

    def _is_repeat(self, request: Any) -> bool:
        return self.ignoring_repeats and request.method == "GET" and request.url in self.requests

    def _route(self, route: Any) -> None:
        if origin_of(route.request.url) == self.origin:
            route.continue_()
        else:
            if not self._is_repeat(route.request):
                self.blocked.append(route.request.url)
            route.abort("blockedbyclient")

    def _route_web_socket(self, socket: Any) -> None:
        self.last_started = time.monotonic()
        self.requests.append(socket.url)
        self.blocked.append(socket.url)
        socket.close()

    def _request(self, request: Any) -> None:
        self.last_started = time.monotonic()
        self.in_flight[id(request)] = request
        if self._is_repeat(request):
            return
        self.requests.append(request.url)
        if request.method == "POST":
            self.posts.append(request.url)

    def _request_finished(self, request: Any) -> None:
        self.in_flight.pop(id(request), None)

    def _request_failed(self, request: Any) -> None:
        self.in_flight.pop(id(request), None)
        if request.url not in self.blocked:
            self.failed.append(f"{request.url}: {request.failure}")

    def _response(self, response: Any) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            location = message.location.get("url", "")
            self.console_errors.append(f"{message.text} ({location})")


@contextmanager
def guarded_context(browser: Any, origin: str, **options: Any) -> Iterator[tuple[Any, Recorder]]:
    """A fresh context (no cookies, no storage) whose every request is recorded and guarded."""
    settings = {"viewport": DESKTOP, "service_workers": "block", "locale": "en-GB"}
    context = browser.new_context(**{**settings, **options})
    recorder = Recorder(origin)
    recorder.attach(context)
    try:
        yield context, recorder
    finally:
        context.close()


@dataclass
class PageVisit:
    """What visiting one page did: the recorder's view plus what stayed behind."""

    url: str
    status: int | None
    recorder: Recorder
    storage_writes: list[str]
    stored: list[str]
    cookies: list[str]
    references: list[str]
    ids: set[str]
    lang: str
    colours: dict[str, list[str]] = field(default_factory=dict)
    violations: dict[str, list[str]] = field(default_factory=dict)

    def left_something(self) -> bool:
        """Whether the page wrote to the visitor's device: the next page needs a clean one."""
        return bool(self.storage_writes or self.stored or self.cookies)


def take_stock(
    context: Any, page: Any, recorder: Recorder, url: str, status: int | None
) -> PageVisit:
    """What the page has done so far, and what it left on the device."""
    return PageVisit(
        url=url,
        status=status,
        recorder=recorder.snapshot(),
        storage_writes=page.evaluate("() => [...(window.__storageWrites || [])]"),
        stored=page.evaluate(STORED_NOW),
        cookies=[f"{c['name']} ({c['domain']})" for c in context.cookies()],
        references=page.evaluate(REFERENCES),
        ids=set(page.evaluate("() => [...document.querySelectorAll('[id]')].map((e) => e.id)")),
        lang=page.evaluate("() => document.documentElement.lang"),
    )


def visit(context: Any, recorder: Recorder, url: str) -> tuple[Any, PageVisit]:
    """Load ``url`` in a new page, wait until the network is quiet, and take stock."""
    page = context.new_page()
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")  # settle() needs JavaScript, which a test may turn off
    return page, take_stock(context, page, recorder, url, response.status if response else None)


def accessibility_violations(page: Any) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it is now, one line per node.

    axe-core (half a megabyte of script) is put into the page once; later checks of the same
    page, in the other colour scheme say, run the copy already there."""
    if not page.evaluate("() => typeof window.axe?.run === 'function'"):
        from axe_playwright_python.base import AXE_SCRIPT

        page.evaluate(AXE_SCRIPT)
    response = page.evaluate("(options) => axe.run(options)", AXE_OPTIONS)
    lines = []
    for verdict, results in (("", response["violations"]), ("undecided ", response["incomplete"])):
        for result in results:
            for node in result["nodes"]:
                where = ", ".join(map(str, node["target"]))
                why = node.get("failureSummary") or _first_message(node)
                lines.append(f"{result['id']} ({verdict}{result['impact']}): {where}: {why}")
    return lines


def _first_message(node: dict[str, Any]) -> str:
    checks = [*node.get("any", []), *node.get("all", []), *node.get("none", [])]
    return next((check["message"] for check in checks if check.get("message")), "")


class Inspector:
    """Everything the suite checks on a page, in both colour schemes, page after page.

    Pages are loaded one after another in one guarded context and tab while none leaves anything
    on the device (cookies, storage, even a write undone); after one does, the next page gets a
    fresh context. So every page is judged on a device with nothing stored, as in a context of
    its own, without a new renderer process (and axe-core compiled anew) for every page, which
    was most of the cost of a crawl."""

    def __init__(self, browser: Any, origin: str) -> None:
        self.browser, self.origin = browser, origin
        self._contexts = ExitStack()  # the open context, if any
        self._context: Any = None
        self._recorder = Recorder(origin)
        self._page: Any = None

    def __enter__(self) -> Inspector:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._contexts.close()

    def inspect(self, url: str) -> PageVisit:
        """Load ``url`` in the light scheme, run axe-core in the dark one and in light again,
        wait until the network is quiet (the axe runs count towards the quiet time, and what
        either scheme loaded is the page's too), and take stock."""
        if self._page is None:
            guarded = guarded_context(self.browser, self.origin)
            self._context, self._recorder = self._contexts.enter_context(guarded)
            self._page = self._context.new_page()
        page, recorder = self._page, self._recorder
        recorder.start_over()
        response = page.goto(url, wait_until="load")
        loaded = time.monotonic()
        colours, violations = {}, {}
        recorder.ignoring_repeats = True
        for scheme in ("dark", "light"):  # ending in light, as the next page must load
            page.emulate_media(color_scheme=scheme)
            colours[scheme] = page.evaluate(PAGE_COLOURS)
            violations[scheme] = accessibility_violations(page)
        recorder.settle(page, quiet_ms=NETWORK_QUIET_MS, quiet_since=loaded)
        recorder.ignoring_repeats = False
        status = response.status if response else None
        result = take_stock(self._context, page, recorder, url, status)
        result.colours, result.violations = colours, violations
        if result.left_something():
            self._contexts.close()
            self._page = None
        return result


def full_page_screenshot(page: Any, target: Path) -> None:
    """The whole page, shot in a viewport as tall as the page and as wide as before.

    Playwright's full_page=True renders beyond the viewport, where Chromium chose other srcset
    candidates for a moment and cancelled them (net::ERR_ABORTED: a failure that was not the
    site's); a taller viewport changes no width, so no picture is chosen again."""
    viewport = page.viewport_size
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.set_viewport_size({"width": viewport["width"], "height": max(height, viewport["height"])})
    try:
        page.screenshot(path=target, animations="disabled", caret="hide")
    finally:
        page.set_viewport_size(viewport)


def full_page_shots(
    page: Any,
    recorder: Recorder,
    url: Callable[[str], str],
    pages: dict[str, str],
    file_for: Callable[[str, str], Path],
) -> Iterator[tuple[str, str, Path]]:
    """Each of ``pages`` (name: path) loaded once and shot full-page in the light and the dark
    scheme into ``file_for(name, scheme)``; yields (name, scheme, file) after each shot, the page
    still showing it.

    Every picture is loaded before a shot, and what a shot made the page load is waited for
    after it. Each page loads in the scheme the one before was shown in last, so no scheme
    changes on a page about to be left (what a change loads would be cut off)."""
    schemes = ["light", "dark"]
    for name, path in pages.items():
        response = page.goto(url(path), wait_until="load")
        assert response is not None and response.status == 200, f"{path} does not exist"
        for scheme in schemes:
            page.emulate_media(color_scheme=scheme)
            target = file_for(name, scheme)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            recorder.load_every_picture(page)  # the whole page's pictures, for the full page
            shot = time.monotonic()
            full_page_screenshot(page, target)
            recorder.settle(page, quiet_since=shot)  # what the shot started, if anything
            yield name, scheme, target
        schemes.reverse()


def tab_to(page: Any, focused: str, wanted: str, what: str, presses: int = 25) -> None:
    """Press Tab until the JavaScript expression `focused` (about document.activeElement) gives
    `wanted`; fail, naming `what`, if the keyboard never gets there."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {focused}") == wanted:
            return
    raise AssertionError(f"Tab never reached {what}")


def horizontal_overflow(page: Any) -> list[str]:
    """Empty when the page fits its viewport; otherwise the width and what sticks out."""
    return page.evaluate(
        """() => {
          const root = document.documentElement;
          if (root.scrollWidth <= root.clientWidth) return [];
          const out = [`scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`];
          for (const el of document.body.querySelectorAll("*")) {
            const box = el.getBoundingClientRect();
            if (box.right > root.clientWidth + 0.5) {
              const name = el.tagName.toLowerCase() + (el.className ? "." + el.className : "");
              out.push(`${name} reaches ${Math.round(box.right)}px`);
            }
          }
          return out.slice(0, 12);
        }"""
    )
