"""Embed cards in a real Chromium: nothing from another host before a click, posters served by
the site, and the real player only after the visitor presses its button."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from browsing import (
    NETWORK_QUIET_MS,
    PHONE,
    Recorder,
    accessibility_violations,
    guarded_context,
    origin_of,
    visit,
)
from embedsite import EmbedSite
from siteserver import ServedSite, serve_site

pytestmark = pytest.mark.browser
POST = "/2026/11/croissant-dough/"
POSTERS_SHOWN = """
() => [...document.querySelectorAll("img.embed-poster")].map(
  (img) => [img.currentSrc, img.complete && img.naturalWidth > 0])
"""


@pytest.fixture(scope="module")
def served_cards(embed_site: EmbedSite, tmp_path_factory: Any) -> Iterator[ServedSite]:
    with serve_site(embed_site.build.output, tmp_path_factory.mktemp("served-cards")) as served:
        yield served


@pytest.fixture(scope="module")
def served_players(player_site: EmbedSite, tmp_path_factory: Any) -> Iterator[ServedSite]:
    with serve_site(player_site.build.output, tmp_path_factory.mktemp("served-player")) as served:
        yield served


def _all_in_view(page: Any, recorder: Recorder) -> None:
    """Scroll to the end, so lazy posters load, and wait until the network is quiet."""
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    recorder.settle(page, quiet_ms=NETWORK_QUIET_MS)


def test_cards_contact_no_other_host_and_show_posters_from_the_site(
    browser: Any, served_cards: ServedSite
) -> None:
    origin = origin_of(served_cards.base_url)
    with guarded_context(browser, origin) as (context, recorder):
        page, result = visit(context, recorder, served_cards.url(POST))
        _all_in_view(page, recorder)
        posters = page.evaluate(POSTERS_SHOWN)
        assert recorder.third_party() == []
        assert result.storage_writes == [] and result.cookies == [] and result.stored == []
        assert len(posters) == 3
        assert all(src.startswith(origin + "/media/embeds/") and shown for src, shown in posters)
        assert accessibility_violations(page) == []


def test_the_player_loads_only_after_the_click(browser: Any, served_players: ServedSite) -> None:
    origin = origin_of(served_players.base_url)
    with guarded_context(browser, origin) as (context, recorder):
        page, _ = visit(context, recorder, served_players.url(POST))
        _all_in_view(page, recorder)
        assert recorder.third_party() == []  # before the click: nothing from YouTube
        button = page.locator("figure.embed-youtube button.embed-load")
        assert button.is_visible()
        assert accessibility_violations(page) == []
        with page.expect_request(lambda request: "youtube-nocookie" in request.url):
            button.click()
        frame = page.locator("figure.embed-youtube iframe.embed-player")
        assert frame.get_attribute("title") == "YouTube player: Folding croissant dough"
        assert page.locator("figure.embed-youtube a.embed-open").count() == 0
        hosts = {urlsplit(url).hostname for url in recorder.third_party()}
        assert hosts == {"www.youtube-nocookie.com"}
        writes = page.evaluate("() => [...(window.__storageWrites || [])]")
        assert writes == []  # the site's script stores nothing


def test_without_javascript_the_card_stays_a_plain_link(
    browser: Any, served_players: ServedSite
) -> None:
    origin = origin_of(served_players.base_url)
    with guarded_context(browser, origin, java_script_enabled=False) as (context, recorder):
        page, _ = visit(context, recorder, served_players.url(POST))
        assert not page.locator("figure.embed-youtube .embed-consent").is_visible()
        link = page.locator("figure.embed-youtube a.embed-open")
        assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        assert recorder.third_party() == []


def test_wide_tables_on_a_phone_scroll_in_a_named_box_the_keyboard_reaches(
    browser: Any, served_players: ServedSite
) -> None:
    """With YouTube declared, the policy and the transparency report have tables: at 360 px
    each scrolls (or stacks) inside a region with a name that Tab can focus (axe-core's
    scrollable-region-focusable), and axe finds nothing else either."""
    origin = origin_of(served_players.base_url)
    with guarded_context(browser, origin, viewport=PHONE) as (context, recorder):
        for path in ("/privacy/", "/privacy/report/"):
            page, _ = visit(context, recorder, served_players.url(path))
            boxes = page.evaluate(TABLE_BOXES)
            assert len(boxes) >= (1 if path == "/privacy/" else 2), path
            assert all(box == ["region", True, "0"] for box in boxes), (path, boxes)
            assert accessibility_violations(page) == [], path
            page.close()


# Each table's box: its role, whether it has a name, its tabindex.
TABLE_BOXES = """
() => [...document.querySelectorAll("main table")].map((table) => {
  const box = table.closest(".table-scroll");
  return box ? [box.getAttribute("role"), !!box.getAttribute("aria-label"),
                box.getAttribute("tabindex")] : null;
})
"""


def test_a_card_without_its_poster_is_readable_in_both_schemes(
    browser: Any, served_cards: ServedSite
) -> None:
    """Spotify and the Mastodon post were never fetched: their cards show the neutral poster,
    whose words must meet WCAG AA contrast in a way axe-core can decide (a solid background)."""
    origin = origin_of(served_cards.base_url)
    with guarded_context(browser, origin) as (context, recorder):
        page, _ = visit(context, recorder, served_cards.url("/2026/11/what-plays/"))
        assert page.locator(".embed-poster-neutral").count() == 2
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert accessibility_violations(page) == [], scheme
