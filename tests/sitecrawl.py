"""Find every page of a served site and inspect each one in the browser.

Pages come from sitemap.xml, the archive and list pages, the HTML files the build wrote, and every
same-site link found on the way. Each same-site URL is fetched once through Playwright's request
context (that is the link check); the ones answering 200 with HTML are then inspected in Chromium.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from browsing import Inspector, PageVisit, origin_of, without_fragment

LIST_PAGES = ["/", "/archives/", "/categories/", "/tags/", "/authors/", "/404.html"]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@dataclass
class Crawl:
    base_url: str
    sitemap: list[str] = field(default_factory=list)  # URLs the sitemap lists
    statuses: dict[str, int] = field(default_factory=dict)  # every same-site URL met
    referrers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    fragment_links: list[tuple[str, str]] = field(default_factory=list)  # (page, URL with #id)
    pages: dict[str, PageVisit] = field(default_factory=dict)  # URL -> inspected page

    def path(self, url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def broken_links(self) -> dict[str, str]:
        """Same-site URLs that answered an error, with the status and the pages linking them."""
        broken = {}
        for url, status in sorted(self.statuses.items()):
            if status >= 400:
                pages = sorted(self.path(r) for r in self.referrers[url]) or ["the start list"]
                more = f" and {len(pages) - 3} more" if len(pages) > 3 else ""
                broken[self.path(url)] = f"HTTP {status}, linked from {', '.join(pages[:3])}{more}"
        return broken

    def missing_fragments(self) -> list[str]:
        missing = []
        for page, link in self.fragment_links:
            target = self.pages.get(without_fragment(link))
            fragment = unquote(urlsplit(link).fragment)
            if target is not None and fragment and fragment not in target.ids:
                missing.append(f"{self.path(page)} links {self.path(link)}#{fragment}: no such id")
        return missing

    def each_page(self) -> list[tuple[str, PageVisit]]:
        return [(self.path(url), visit) for url, visit in sorted(self.pages.items())]


def built_page_paths(output: Path) -> list[str]:
    """The URL path of every HTML page the build wrote (directory URLs for index.html).

    Dot-folders are not pages: the contact inbox's bundle lives in one and is never served."""
    paths = []
    for file in sorted(output.rglob("*.html")):
        relative = file.relative_to(output)
        if not any(part.startswith(".") for part in relative.parts):
            paths.append("/" + relative.as_posix().removesuffix("index.html"))
    return paths


def sitemap_urls(api: Any, base_url: str) -> list[str]:
    response = api.get(urljoin(base_url + "/", "sitemap.xml"))
    assert response.status == 200, f"sitemap.xml answered HTTP {response.status}"
    root = ET.fromstring(response.body())
    locs = [loc.text.strip() for loc in root.iterfind("sm:url/sm:loc", SITEMAP_NS) if loc.text]
    # Development builds write root-relative locations; published ones the public origin.
    return [urljoin(base_url + "/", urlsplit(loc).path) for loc in locs]


def crawl_site(
    browser: Any, api: Any, base_url: str, start_paths: list[str], *, follow: bool = True
) -> Crawl:
    """Inspect the start pages (plus, when following, the sitemap's and every linked page);
    every same-site URL they reference is fetched once, so the link check is always complete."""
    origin = origin_of(base_url)
    crawl = Crawl(base_url, sitemap=sitemap_urls(api, base_url) if follow else [])
    start = [urljoin(base_url + "/", path.lstrip("/")) for path in start_paths]
    queue = deque([*start, *crawl.sitemap])
    with Inspector(browser, origin) as inspector:
        while queue:
            url = queue.popleft()
            if url in crawl.statuses:
                continue
            response = api.get(url)
            crawl.statuses[url] = response.status
            is_html = response.headers.get("content-type", "").startswith("text/html")
            if response.status != 200 or not is_html or not (follow or url in start):
                continue
            page = crawl.pages[url] = inspector.inspect(url)
            for reference in page.references:
                if origin_of(reference) != origin:
                    continue
                target = without_fragment(reference)
                crawl.referrers[target].add(url)
                if urlsplit(reference).fragment:
                    crawl.fragment_links.append((url, reference))
                if target not in crawl.statuses:
                    queue.append(target)
    return crawl
