"""Fixtures of the browser suite: one Chromium per session, the example site served for real."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from typing import Any

import pytest
from browsing import CHROMIUM, launch
from hostile_pages import build_hostile_site
from sitebuild import Build
from sitecrawl import LIST_PAGES, Crawl, built_page_paths, crawl_site
from siteserver import ServedSite, serve_site


def _browser_missing() -> str | None:
    """Why the browser suite cannot run here, or None when it can."""
    if not CHROMIUM.is_file():
        return f"Chromium not found at {CHROMIUM} (install it: apt-get install chromium)"
    for module in ("playwright", "axe_playwright_python"):
        if importlib.util.find_spec(module) is None:
            return f"the Python package {module} is missing (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    """Playwright, or a skip (locally) or a failure (in CI) saying what is missing."""
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests, but {missing}", pytrace=False)
        pytest.skip(f"browser tests skipped: {missing}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Any) -> Iterator[Any]:
    """One Chromium for the whole session; every test opens its own fresh context."""
    chromium = launch(playwright)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def served_site(site: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The default site, built once, served on 127.0.0.1 by a real server process."""
    with serve_site(site.output, tmp_path_factory.mktemp("served")) as served:
        yield served


@pytest.fixture(scope="session")
def api(playwright: Any) -> Iterator[Any]:
    """Playwright's HTTP client, for checking links without rendering them."""
    client = playwright.request.new_context()
    yield client
    client.dispose()


@pytest.fixture(scope="session")
def site_crawl(browser: Any, api: Any, served_site: ServedSite, site: Build) -> Crawl:
    """Every page of the served site, found and inspected once for all the page-wide tests."""
    start = [*LIST_PAGES, *built_page_paths(site.output)]
    return crawl_site(browser, api, served_site.base_url, start)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The default site plus a tracker page and a misbehaving page, built and served."""
    workdir = tmp_path_factory.mktemp("hostile")
    build = build_hostile_site(workdir)
    assert build.returncode == 0, build.log
    with serve_site(build.output, workdir / "served") as served:
        yield served
