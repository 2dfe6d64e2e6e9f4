"""Layout: screenshots of the key pages for people to look at, and no sideways scrolling on a phone.

Screenshots go to artifacts/screenshots/ (git ignores artifacts/, CI keeps it)."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import DESKTOP, PHONE, guarded_context, horizontal_overflow
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", list(KEY_PAGES.values()), ids=list(KEY_PAGES))
def test_screenshot_of_key_page(
    browser: Any, served_site: ServedSite, path: str, width: str, scheme: str
) -> None:
    name = next(name for name, known in KEY_PAGES.items() if known == path)
    options = {"viewport": WIDTHS[width], "color_scheme": scheme}
    with guarded_context(browser, served_site.base_url, **options) as (context, recorder):
        page = context.new_page()
        response = page.goto(served_site.url(path))
        assert response is not None and response.status == 200, f"{path} does not exist"
        target = SCREENSHOTS / f"{name}-{width}-{scheme}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        recorder.load_every_picture(page)  # the whole page's pictures, for the full page
        page.screenshot(path=target, full_page=True, animations="disabled", caret="hide")
        recorder.settle(page)
        assert horizontal_overflow(page) == []
    assert target.stat().st_size > 5_000, f"{target} looks empty"
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
