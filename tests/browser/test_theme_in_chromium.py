"""The theme's new parts in a real Chromium, on the florist fixture (a brand, covers, pictures,
a wide table, the sidebar, the search served by the inbox): no request to another host, axe-core
finds nothing in either colour scheme, nothing scrolls sideways at 360 px, the keyboard reaches
the search, the browser really loads the AVIF variants, and screenshots for people to look at.

Screenshots go to artifacts/screenshots/theme-NAME-WIDTH-SCHEME.png (CI keeps artifacts/)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import (
    DESKTOP,
    PHONE,
    full_page_shots,
    guarded_context,
    horizontal_overflow,
    tab_to,
)
from florist import COVER_POST, FIRST_ARTICLE, PICTURES_POST, TABLE_POST
from sitebuild import ROOT, Build
from sitecrawl import Crawl, crawl_site
from siteserver import ServedSite, serve_site

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
KEY_PAGES = {
    "home": "/",
    "cover-post": COVER_POST,
    "archive": "/archives/",
    "search": "/search?q=bouquet",
    "privacy": "/privacy/",
}
# The kinds of page the theme changed; the example site's crawl covers every page of its kind.
INSPECTED = [*KEY_PAGES.values(), TABLE_POST, PICTURES_POST, "/search"]


@pytest.fixture(scope="module")
def served_florist(
    florist_site: Build, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServedSite]:
    with serve_site(florist_site.output, tmp_path_factory.mktemp("florist-served")) as served:
        yield served


@pytest.fixture(scope="module")
def florist_crawl(browser: Any, api: Any, served_florist: ServedSite) -> Crawl:
    return crawl_site(browser, api, served_florist.base_url, INSPECTED, follow=False)


def test_the_new_parts_contact_no_other_host_and_store_nothing(florist_crawl: Crawl) -> None:
    assert len(florist_crawl.pages) == len(INSPECTED)
    for path, visit in florist_crawl.each_page():
        assert visit.status == 200, path
        assert visit.recorder.third_party() == [] and visit.recorder.blocked == [], path
        assert visit.recorder.failed == [] and visit.recorder.console_errors == [], path
        assert visit.cookies == [] and visit.storage_writes == [] and visit.stored == [], path
    assert florist_crawl.broken_links() == {}
    assert florist_crawl.missing_fragments() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_21_aa_violation_in_either_scheme(florist_crawl: Crawl, scheme: str) -> None:
    found = {
        path: v.violations[scheme] for path, v in florist_crawl.each_page() if v.violations[scheme]
    }
    assert found == {}
    assert all(v.colours["light"] != v.colours["dark"] for _, v in florist_crawl.each_page())


def test_nothing_scrolls_sideways_on_a_phone(browser: Any, served_florist: ServedSite) -> None:
    overflowing = {}
    with guarded_context(browser, served_florist.base_url, viewport=PHONE) as (context, _):
        page = context.new_page()
        for path in INSPECTED:
            page.goto(served_florist.url(path))
            if found := horizontal_overflow(page):
                overflowing[path] = found
        # The post's wide table scrolls inside its own box instead, which says it is there.
        page.goto(served_florist.url(TABLE_POST))
        box = page.locator(".table-scroll")
        assert box.evaluate("(el) => el.scrollWidth > el.clientWidth")
    assert overflowing == {}


def test_the_browser_loads_the_smallest_avif_that_fills_the_box(
    browser: Any, served_florist: ServedSite
) -> None:
    for viewport, expected in ((PHONE, "tulips-480.avif"), (DESKTOP, "tulips-800.avif")):
        with guarded_context(browser, served_florist.base_url, viewport=viewport) as (
            context,
            recorder,
        ):
            page = context.new_page()
            page.goto(served_florist.url(COVER_POST), wait_until="load")
            cover = page.locator("picture.cover img")
            assert cover.evaluate("(img) => img.complete && img.naturalWidth > 0")
            assert cover.evaluate("(img) => img.currentSrc").endswith(expected)
            pictures = [url for url in recorder.requests if "/pictures/" in url]
            assert not [url for url in pictures if url.endswith((".jpg", ".webp"))], pictures


def test_the_keyboard_reaches_the_search_and_its_results(
    browser: Any, served_florist: ServedSite
) -> None:
    with guarded_context(browser, served_florist.base_url) as (context, recorder):
        page = context.new_page()
        page.goto(served_florist.url("/"))
        tab_to(page, "document.activeElement.id", "site-search-q", "the search field", 12)
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
        page.keyboard.type("privacy")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith("/search?q=privacy")
        first = page.locator("ol.search-results a").first
        assert first.get_attribute("href") == FIRST_ARTICLE
        assert page.locator("ol.search-results mark").first.inner_text().lower() == "privacy"
        with page.expect_navigation():
            first.click()
        assert page.url.endswith(FIRST_ARTICLE)
        assert recorder.third_party() == [] and not recorder.posts


def screenshot_file(width: str) -> Callable[[str, str], Path]:
    return lambda name, scheme: SCREENSHOTS / f"theme-{name}-{width}-{scheme}.png"


@pytest.mark.parametrize("width", ["360", "1280"])
def test_screenshots_of_the_key_pages(browser: Any, served_florist: ServedSite, width: str) -> None:
    options = {"viewport": PHONE if width == "360" else DESKTOP}
    with guarded_context(browser, served_florist.base_url, **options) as (context, recorder):
        page = context.new_page()
        shots = full_page_shots(
            page, recorder, served_florist.url, KEY_PAGES, screenshot_file(width)
        )
        for _name, _scheme, shot in shots:
            assert shot.stat().st_size > 10_000, f"{shot} looks empty"
        assert recorder.failed == [] and recorder.blocked == []
