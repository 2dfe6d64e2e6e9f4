"""The suite's own checks, pointed at a page that misbehaves on purpose, find every misdeed.

Without this, "zero problems on every page" could also mean "the checks see nothing"."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import PHONE, guarded_context, horizontal_overflow
from hostile_pages import INJECTED_LOADS, MISBEHAVING_PAGE, TRACKER_PAGE
from sitecrawl import Crawl, crawl_site
from siteserver import ServedSite

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_crawl(browser: Any, api: Any, hostile_site: ServedSite) -> Crawl:
    pages = [MISBEHAVING_PAGE, TRACKER_PAGE]
    return crawl_site(browser, api, hostile_site.base_url, pages, follow=False)


def test_the_crawl_inspected_only_the_pages_asked_for(hostile_crawl: Crawl) -> None:
    assert [path for path, _ in hostile_crawl.each_page()] == [MISBEHAVING_PAGE, TRACKER_PAGE]


def test_storage_writes_are_seen_even_when_undone(hostile_crawl: Crawl) -> None:
    page = dict(hostile_crawl.each_page())[MISBEHAVING_PAGE]
    assert page.storage_writes == [
        "localStorage.setItem(visitor)",
        "sessionStorage.setItem(visit)",
        "localStorage.setItem(fleeting)",
        "document.cookie = tracking",
    ]
    assert sorted(page.stored) == ["localStorage: visitor", "sessionStorage: visit"]
    assert [cookie.split(" ")[0] for cookie in page.cookies] == ["tracking"]
    # The page inspected next starts on a clean device: what is found is each page's own.
    after = dict(hostile_crawl.each_page())[TRACKER_PAGE]
    assert after.storage_writes == [] and after.stored == [] and after.cookies == []


def test_console_errors_and_failed_requests_are_seen(hostile_crawl: Crawl) -> None:
    page = dict(hostile_crawl.each_page())[MISBEHAVING_PAGE]
    assert any("deliberate console error" in line for line in page.recorder.console_errors)
    assert [line.split(": ", 1)[1] for line in page.recorder.failed] == ["HTTP 404"]
    assert page.recorder.failed[0].startswith(hostile_crawl.base_url + "/no-such-data.json")


def test_broken_links_and_missing_anchors_are_seen(hostile_crawl: Crawl) -> None:
    broken = hostile_crawl.broken_links()
    assert broken["/no-such-page/"] == f"HTTP 404, linked from {MISBEHAVING_PAGE}"
    assert hostile_crawl.missing_fragments() == [
        f"{MISBEHAVING_PAGE} links {MISBEHAVING_PAGE}#nowhere: no such id"
    ]


def test_accessibility_violations_are_seen_per_colour_scheme(hostile_crawl: Crawl) -> None:
    page = dict(hostile_crawl.each_page())[MISBEHAVING_PAGE]
    rules = {
        scheme: {line.split(" ")[0] for line in found} for scheme, found in page.violations.items()
    }
    assert "image-alt" in rules["light"] and "image-alt" in rules["dark"]
    assert "color-contrast" not in rules["light"]
    assert "color-contrast" in rules["dark"]


def test_requests_to_other_hosts_are_seen_and_stopped(hostile_crawl: Crawl) -> None:
    page = dict(hostile_crawl.each_page())[TRACKER_PAGE]
    assert sorted(page.recorder.third_party()) == sorted(INJECTED_LOADS)
    assert sorted(page.recorder.blocked) == sorted(INJECTED_LOADS)
    assert page.recorder.failed == [], "blocked requests are not counted as failures"


def test_sideways_scrolling_is_seen(browser: Any, hostile_site: ServedSite) -> None:
    with guarded_context(browser, hostile_site.base_url, viewport=PHONE) as (context, _):
        page = context.new_page()
        page.goto(hostile_site.url(MISBEHAVING_PAGE))
        overflow = horizontal_overflow(page)
    assert overflow and overflow[0].startswith("scrollWidth")
    assert any(line.startswith("div reaches") for line in overflow)
