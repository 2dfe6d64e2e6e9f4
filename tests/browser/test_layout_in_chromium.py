"""Layout: screenshots of the key pages for people to look at, and no sideways scrolling on a phone.

Screenshots go to artifacts/screenshots/ (git ignores artifacts/, CI keeps it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from browsing import DESKTOP, PHONE, full_page_shots, guarded_context, horizontal_overflow
from sitebuild import ROOT
from sitecrawl import Crawl
from siteserver import ServedSite

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
ARTICLE = "/2012/06/what-your-customers-keep-telling-facebook-google-and-amazon/"
# The pages people look at first.
KEY_PAGES = {
    "index": "/",
    "article": ARTICLE,
    "archive-2012-06": "/2012/06/",
    "privacy-policy": "/privacy/",
    "contact": "/contact/",
}
WIDTHS = {"360": PHONE, "1280": DESKTOP}


def screenshot_file(width: str) -> Callable[[str, str], Path]:
    return lambda name, scheme: SCREENSHOTS / f"{name}-{width}-{scheme}.png"


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_of_the_key_pages(browser: Any, served_site: ServedSite, width: str) -> None:
    """Each key page in both colour schemes; it fits the width in each."""
    options = {"viewport": WIDTHS[width]}
    with guarded_context(browser, served_site.base_url, **options) as (context, recorder):
        page = context.new_page()
        shots = full_page_shots(page, recorder, served_site.url, KEY_PAGES, screenshot_file(width))
        for name, scheme, shot in shots:
            assert horizontal_overflow(page) == [], (name, scheme)
            assert shot.stat().st_size > 5_000, f"{shot} looks empty"
    assert recorder.failed == [] and recorder.blocked == []


def test_no_page_scrolls_sideways_on_a_phone(
    browser: Any, served_site: ServedSite, site_crawl: Crawl
) -> None:
    overflowing = {}
    with guarded_context(browser, served_site.base_url, viewport=PHONE) as (context, _):
        page = context.new_page()
        for path, _visit in site_crawl.each_page():
            page.goto(served_site.url(path))
            if found := horizontal_overflow(page):
                overflowing[path] = found
    assert len(site_crawl.pages) > 10
    assert overflowing == {}
