"""Drive Debian's Chromium through Playwright and record everything a page does to a visitor.

One guarded browser context per page: every request is recorded, anything not addressed to the
site's own server is stopped by routing (and recorded as blocked), and an init script records
every attempt to store something on the visitor's device.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
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

    def settle(self, page: Any, timeout_ms: float = 15_000, quiet_ms: float = 300) -> None:
        """Wait until every request the page started has finished or failed, and none began
        for `quiet_ms` (a font or picture that rendering asked for may start a moment later).

        Leaving a page cancels what it is still loading (net::ERR_ABORTED): the pictures a
        full-page screenshot just scrolled into view, say. Waiting first means a failure recorded
        is the site's, never the test's own haste; a request still hanging after `timeout_ms`
        is left to fail, as it would for a visitor."""
        page.evaluate("async () => { await document.fonts.ready; }")
        waited, quiet = 0.0, 0.0
        seen = len(self.requests)
        while waited < timeout_ms and (self.in_flight or quiet < quiet_ms):
            page.wait_for_timeout(50)  # lets Playwright deliver the request events
            waited += 50
            started, seen = len(self.requests) > seen, len(self.requests)
            quiet = 0.0 if started or self.in_flight else quiet + 50

    def snapshot(self) -> Recorder:
        """What was recorded so far, kept apart from what the audit tools do afterwards."""
        lists = (self.requests, self.posts, self.blocked, self.failed, self.console_errors)
        return Recorder(self.origin, *(list(entries) for entries in lists), dict(self.in_flight))

    def third_party(self) -> list[str]:
        return [url for url in self.requests if origin_of(url) != self.origin]

    def _route(self, route: Any) -> None:
        if origin_of(route.request.url) == self.origin:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort("blockedbyclient")

    def _route_web_socket(self, socket: Any) -> None:
        self.requests.append(socket.url)
        self.blocked.append(socket.url)
        socket.close()

    def _request(self, request: Any) -> None:
        self.in_flight[id(request)] = request
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
    colours: dict[str, list[str]] = field(default_factory=dict)
    violations: dict[str, list[str]] = field(default_factory=dict)


def visit(context: Any, recorder: Recorder, url: str) -> tuple[Any, PageVisit]:
    """Load ``url`` in a new page, wait until the network is quiet, and take stock.

    The requests are recorded up to here: axe-core fetches stylesheets itself later."""
    page = context.new_page()
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    result = PageVisit(
        url=url,
        status=response.status if response else None,
        recorder=recorder.snapshot(),
        storage_writes=page.evaluate("() => [...(window.__storageWrites || [])]"),
        stored=page.evaluate(STORED_NOW),
        cookies=[f"{c['name']} ({c['domain']})" for c in context.cookies()],
        references=page.evaluate(REFERENCES),
        ids=set(page.evaluate("() => [...document.querySelectorAll('[id]')].map((e) => e.id)")),
    )
    return page, result


def accessibility_violations(page: Any) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it is now, one line per node.

    What axe cannot decide (say, a contrast over a background image) counts too: a check that
    cannot tell must not pass silently."""
    from axe_playwright_python.sync_playwright import Axe

    options = {
        "runOnly": {"type": "tag", "values": WCAG_21_AA},
        "resultTypes": ["violations", "incomplete"],
    }
    response = Axe().run(page, options=options).response
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


def inspect_page(browser: Any, origin: str, url: str) -> PageVisit:
    """Everything the suite checks on one page, in both colour schemes, in a fresh context."""
    with guarded_context(browser, origin) as (context, recorder):
        page, result = visit(context, recorder, url)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            result.colours[scheme] = page.evaluate(PAGE_COLOURS)
            result.violations[scheme] = accessibility_violations(page)
        return result


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
