"""The privacy guard reads files, the browser makes requests: each one's view checks the other's.

On a page into which the test injects third-party loads, the guard must report exactly the hosts
the browser tried to reach; on the default site, both must find nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browsing import guarded_context, visit
from hostile_pages import INJECTED_LOADS, TRACKER_FILE, TRACKER_PAGE
from sitecrawl import Crawl
from siteserver import ServedSite

pytestmark = pytest.mark.browser

PRIVACY_GUARD = [sys.executable, "-m", "privacy_guard.cli"]  # the `privacy-guard` command


def hosts_the_browser_tried(browser: Any, served: ServedSite, path: str) -> set[str]:
    with guarded_context(browser, served.base_url) as (context, recorder):
        _page, result = visit(context, recorder, served.url(path))
    assert result.recorder.blocked == result.recorder.third_party(), "something got through"
    return {urlsplit(url).hostname or url for url in result.recorder.third_party()}


def guard_report(output: Path, site_url: str) -> tuple[int, list[dict[str, Any]]]:
    """Run `privacy-guard OUTPUT --site-url URL --format json`: exit status and findings."""
    command = [*PRIVACY_GUARD, str(output), "--site-url", site_url, "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)["findings"]


def test_the_browser_sees_every_injected_load(browser: Any, hostile_site: ServedSite) -> None:
    tried = hosts_the_browser_tried(browser, hostile_site, TRACKER_PAGE)
    assert tried == set(INJECTED_LOADS.values())


def test_the_guard_reports_exactly_the_hosts_the_browser_tried(
    browser: Any, hostile_site: ServedSite
) -> None:
    status, findings = guard_report(hostile_site.site, hostile_site.base_url)
    reported = {
        finding["host"]
        for finding in findings
        if finding["file"] == TRACKER_FILE and finding["severity"] == "error" and finding["host"]
    }
    tried = hosts_the_browser_tried(browser, hostile_site, TRACKER_PAGE)
    assert status == 1
    assert reported == tried == set(INJECTED_LOADS.values())


def test_guard_and_browser_both_find_the_default_site_clean(
    site_crawl: Crawl, served_site: ServedSite
) -> None:
    status, findings = guard_report(served_site.site, served_site.base_url)
    errors = [finding for finding in findings if finding["severity"] == "error"]
    browser_saw = {path: v.recorder.third_party() for path, v in site_crawl.each_page()}
    assert (status, errors) == (0, [])
    assert {path: hosts for path, hosts in browser_saw.items() if hosts} == {}
