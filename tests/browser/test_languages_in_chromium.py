"""Each language of the kit in a real Chromium (issue 14): the German-first site's German and
English pages and the French site's pages have their `lang`, axe-core finds nothing in either
colour scheme, and the language switcher is reached and followed with the keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import Inspector, guarded_context, tab_to
from sitebuild import Build
from siteserver import ServedSite, serve_site

pytestmark = pytest.mark.browser

GERMAN_PAGES = {
    "/": "de",
    "/2012/06/sommerinspektion/": "de",
    "/2012/06/": "de",
    "/contact/": "de",
    "/en/": "en",
    "/en/2012/06/sommerinspektion/": "en",
    "/en/contact/": "en",
}
HREFLANG = "document.activeElement.getAttribute('hreflang')"
FRENCH_PAGES = {"/": "fr", "/contact/": "fr", "/archives/": "fr"}


@pytest.fixture(scope="module")
def served_german(
    german_site: Build, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServedSite]:
    with serve_site(german_site.output, tmp_path_factory.mktemp("german-served")) as served:
        yield served


@pytest.fixture(scope="module")
def served_french(
    french_site: Build, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServedSite]:
    with serve_site(french_site.output, tmp_path_factory.mktemp("french-served")) as served:
        yield served


def _check(browser: Any, served: ServedSite, pages: dict[str, str]) -> list[str]:
    found = []
    with Inspector(browser, served.base_url) as inspector:
        for path, lang in pages.items():
            result = inspector.inspect(served.url(path))
            assert result.status == 200, path
            if result.lang != lang:
                found.append(f"{path}: lang={result.lang!r}, expected {lang}")
            for scheme, lines in result.violations.items():
                found += [f"{path} ({scheme}): {line}" for line in lines]
            assert result.recorder.third_party() == [], path
    return found


def test_german_and_english_pages_have_their_lang_and_no_axe_violation(
    browser: Any, served_german: ServedSite
) -> None:
    assert _check(browser, served_german, GERMAN_PAGES) == []


def test_french_pages_have_their_lang_and_no_axe_violation(
    browser: Any, served_french: ServedSite
) -> None:
    assert _check(browser, served_french, FRENCH_PAGES) == []


def test_the_keyboard_reaches_the_switcher_and_follows_it(
    browser: Any, served_german: ServedSite
) -> None:
    with guarded_context(browser, served_german.base_url) as (context, _):
        page = context.new_page()
        page.goto(served_german.url("/2012/06/sommerinspektion/"))
        tab_to(page, HREFLANG, "en", "the switcher's English link")
        assert page.evaluate("() => document.activeElement.textContent") == "English"
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"  # the reader sees where the keyboard is
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith("/en/2012/06/sommerinspektion/")
        assert page.evaluate("() => document.documentElement.lang") == "en"
        # And back: the German link is reached the same way.
        tab_to(page, HREFLANG, "de", "the switcher's German link")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith("/2012/06/sommerinspektion/")
        assert page.evaluate("() => document.documentElement.lang") == "de"
