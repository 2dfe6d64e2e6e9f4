"""Every page of the built site, in a real Chromium: nothing fetched from anyone else, nothing
stored on the visitor's device, no error, no broken link, no WCAG 2.1 AA violation in either
colour scheme."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browsing import PageVisit
from sitebuild import Build
from sitecrawl import Crawl, built_page_paths

pytestmark = pytest.mark.browser

ARTICLE = "/2012/06/what-your-customers-keep-telling-facebook-google-and-amazon/"


def problems(crawl: Crawl, finds: Callable[[PageVisit], list[str]]) -> dict[str, list[str]]:
    """Per page, what ``finds`` found there (pages where it found nothing are left out)."""
    return {path: found for path, visit in crawl.each_page() if (found := finds(visit))}


def test_the_crawl_reaches_every_page_of_the_site(site_crawl: Crawl, site: Build) -> None:
    visited = {path for path, _ in site_crawl.each_page()}
    sitemap = {site_crawl.path(url) for url in site_crawl.sitemap}
    assert {"/", "/2012/", "/2012/06/", ARTICLE, "/contact/", "/about/", "/privacy/"} <= sitemap
    assert sitemap <= visited, f"sitemap pages not inspected: {sorted(sitemap - visited)}"
    on_disk = set(built_page_paths(site.output))
    assert on_disk <= visited, f"built pages not inspected: {sorted(on_disk - visited)}"
    assert {"/archives/", "/categories/", "/tags/", "/authors/", "/404.html"} <= visited


def test_no_page_contacts_any_host_but_the_site(site_crawl: Crawl) -> None:
    assert problems(site_crawl, lambda v: v.recorder.third_party()) == {}
    assert problems(site_crawl, lambda v: v.recorder.blocked) == {}


def test_no_page_sets_a_cookie(site_crawl: Crawl) -> None:
    assert problems(site_crawl, lambda v: v.cookies) == {}


def test_no_page_writes_to_the_visitors_storage(site_crawl: Crawl) -> None:
    assert problems(site_crawl, lambda v: v.storage_writes) == {}
    assert problems(site_crawl, lambda v: v.stored) == {}


def test_no_page_logs_a_console_error(site_crawl: Crawl) -> None:
    assert problems(site_crawl, lambda v: v.recorder.console_errors) == {}


def test_no_request_fails(site_crawl: Crawl) -> None:
    assert problems(site_crawl, lambda v: v.recorder.failed) == {}


def test_no_internal_link_is_broken(site_crawl: Crawl) -> None:
    assert site_crawl.broken_links() == {}
    assert site_crawl.missing_fragments() == []
    # Every link was really checked: the article links the site's own pages.
    assert len(site_crawl.statuses) > len(site_crawl.pages)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_violates_wcag_21_aa(site_crawl: Crawl, scheme: str) -> None:
    assert problems(site_crawl, lambda v: v.violations[scheme]) == {}


def test_the_dark_scheme_really_changes_the_colours(site_crawl: Crawl) -> None:
    """Otherwise the dark-scheme accessibility check above would prove nothing new."""
    for path, visit in site_crawl.each_page():
        assert visit.colours["light"] != visit.colours["dark"], path
