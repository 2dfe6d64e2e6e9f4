"""Every page fits in the first round trip: HTML plus its stylesheet, gzip-compressed, ≤ 14 KB.

14 KB is what a server can send before the first acknowledgement (TCP's initial window of ten
segments), so a page within it renders after one round trip. The archives index lists every
post and grows with the blog: it is the one exception, and its weight is reported.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitebuild import Build, parse_html

from bench.weight import gzipped

BUDGET = 14 * 1024
EXCEPTIONS = {Path("archives/index.html")}


def html_pages(build: Build) -> list[Path]:
    return sorted(build.output.rglob("*.html"))


@dataclass(frozen=True)
class Page:
    """What these tests ask of a page, read in one parse (each test used to parse every page
    of three sites again)."""

    stylesheets: tuple[str, ...]  # the hrefs of its <link rel=stylesheet>
    has_script: bool
    has_style: bool
    handlers: tuple[str, ...]  # "tag attribute" of every on* attribute
    javascript_urls: tuple[str, ...]  # "tag attribute" of every javascript: href, src or action


@functools.cache
def read_page(page: Path) -> Page:
    soup = parse_html(page)
    handlers, javascript_urls = [], []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                handlers.append(f"{tag.name} {name}")
            url = str(value).strip().lower() if name in ("href", "src", "action") else ""
            if url.startswith("javascript:"):
                javascript_urls.append(f"{tag.name} {name}")
    return Page(
        stylesheets=tuple(link["href"] for link in soup.find_all("link", rel="stylesheet")),
        has_script=soup.find("script") is not None,
        has_style=soup.find("style") is not None,
        handlers=tuple(handlers),
        javascript_urls=tuple(javascript_urls),
    )


def stylesheets(build: Build, page: Path) -> list[Path]:
    hrefs = read_page(page).stylesheets
    return [build.output / urlsplit(href).path.lstrip("/") for href in hrefs]


gzipped_once = functools.cache(gzipped)  # a stylesheet is linked from every page


@pytest.mark.parametrize("which", ["site", "busy_site", "florist_site"])
def test_every_page_with_its_stylesheet_fits_in_14_kb(
    which: str, request: pytest.FixtureRequest, record_property
) -> None:
    build: Build = request.getfixturevalue(which)
    over = []
    heaviest = (0, "")
    for page in html_pages(build):
        weight = gzipped(page) + sum(gzipped_once(css) for css in stylesheets(build, page))
        relative = page.relative_to(build.output)
        if relative in EXCEPTIONS:
            record_property(f"{which}: archives index (gzip, with CSS)", weight)
            print(f"{which}: the archives index weighs {weight:,} bytes gzipped with its CSS")
            continue
        heaviest = max(heaviest, (weight, str(relative)))
        if weight > BUDGET:
            over.append(f"{relative}: {weight:,} bytes")
    assert not over, f"over the {BUDGET:,}-byte budget: {over}"
    assert heaviest[0] > 0
    print(f"{which}: heaviest page {heaviest[1]} at {heaviest[0]:,} bytes")


@pytest.mark.parametrize("which", ["site", "busy_site", "florist_site"])
def test_no_javascript_anywhere(which: str, request: pytest.FixtureRequest) -> None:
    build: Build = request.getfixturevalue(which)
    assert not list(build.output.rglob("*.js"))
    for page in html_pages(build):
        read = read_page(page)
        assert not read.has_script, page
        assert not read.handlers, f"{page}: {read.handlers[0]}"
        assert not read.javascript_urls, page


@pytest.mark.parametrize("which", ["site", "busy_site", "florist_site"])
def test_one_stylesheet_linked_from_every_page(which: str, request: pytest.FixtureRequest) -> None:
    build: Build = request.getfixturevalue(which)
    # `make publish` adds a copy named by its hash (hashed_assets): the same one stylesheet.
    css = (build.output / "theme" / "css" / "site.css").read_bytes()
    assert all(p.read_bytes() == css for p in build.output.rglob("*.css"))
    assert {p.name.split(".")[0] for p in build.output.rglob("*.css")} == {"site"}
    for page in html_pages(build):
        assert len(stylesheets(build, page)) == 1, page
        assert not read_page(page).has_style, page
