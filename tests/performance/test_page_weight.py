"""Every page fits in the first round trip: HTML plus its stylesheet, gzip-compressed, ≤ 14 KB.

14 KB is what a server can send before the first acknowledgement (TCP's initial window of ten
segments), so a page within it renders after one round trip. The archives index lists every
post and grows with the blog: it is the one exception, and its weight is reported.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitebuild import Build, parse_html

from bench.weight import gzipped

BUDGET = 14 * 1024
EXCEPTIONS = {Path("archives/index.html")}


def html_pages(build: Build) -> list[Path]:
    return sorted(build.output.rglob("*.html"))


def stylesheets(build: Build, page: Path) -> list[Path]:
    soup = parse_html(page)
    links = soup.find_all("link", rel="stylesheet")
    return [build.output / urlsplit(link["href"]).path.lstrip("/") for link in links]


@pytest.mark.parametrize("which", ["site", "busy_site", "florist_site"])
def test_every_page_with_its_stylesheet_fits_in_14_kb(
    which: str, request: pytest.FixtureRequest, record_property
) -> None:
    build: Build = request.getfixturevalue(which)
    over = []
    heaviest = (0, "")
    for page in html_pages(build):
        weight = gzipped(page) + sum(gzipped(css) for css in stylesheets(build, page))
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
        soup = parse_html(page)
        assert not soup.find("script"), page
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), f"{page}: {tag.name} {name}"
                if name in ("href", "src", "action"):
                    assert not str(value).strip().lower().startswith("javascript:"), page


@pytest.mark.parametrize("which", ["site", "busy_site", "florist_site"])
def test_one_stylesheet_linked_from_every_page(which: str, request: pytest.FixtureRequest) -> None:
    build: Build = request.getfixturevalue(which)
    # `make publish` adds a copy named by its hash (hashed_assets): the same one stylesheet.
    css = (build.output / "theme" / "css" / "site.css").read_bytes()
    assert all(p.read_bytes() == css for p in build.output.rglob("*.css"))
    assert {p.name.split(".")[0] for p in build.output.rglob("*.css")} == {"site"}
    for page in html_pages(build):
        assert len(stylesheets(build, page)) == 1, page
        assert not parse_html(page).find("style"), page
