"""A video marked {click-to-load} with YouTube declared as a service: the consent line, the CSP
that allows the player only as a frame, the one small script, and what the policy says."""

from __future__ import annotations

import hashlib
import re

from embeds.plugin import SCRIPT
from embedsite import EmbedSite
from policybuild import met
from privacy_guard.known_scripts import KNOWN, describe

POST = "/2026/11/croissant-dough/"


def test_the_card_stays_a_link_with_a_hidden_button_naming_the_provider(
    player_site: EmbedSite,
) -> None:
    card = player_site.build.page(POST).select_one("figure.embed-youtube")
    assert card.select_one("a.embed-open")["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    line = card.select_one("p.embed-consent")
    assert line.has_attr("hidden")  # shown by the script only: without it the card is a link
    button = line.select_one("button.embed-load")
    assert button.get_text() == "Load video"
    assert button["data-embed-src"].startswith("https://www.youtube-nocookie.com/embed/")
    assert re.sub(r"\s+", " ", line.get_text()) == (
        "Load video (YouTube sets cookies; see our privacy policy)"
    )
    assert line.select_one("a")["href"] == "/privacy/#recipient-youtube"
    assert player_site.build.page("/privacy/").find(id="recipient-youtube") is not None


def test_the_player_host_is_allowed_as_a_frame_and_nowhere_else(player_site: EmbedSite) -> None:
    csp = player_site.build.page(POST).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    directives = dict(part.strip().split(" ", 1) for part in csp["content"].split(";"))
    assert "https://www.youtube-nocookie.com" in directives["frame-src"]
    for name in ("default-src", "script-src", "img-src", "style-src"):
        assert "youtube" not in directives[name]
    headers = (player_site.build.output / "_headers").read_text()
    assert "frame-src 'self' https://example-shop.test https://www.youtube-nocookie.com" in headers


def test_one_small_first_party_script_only_on_pages_that_need_it(player_site: EmbedSite) -> None:
    page = player_site.build.page(POST)
    assert [s["src"] for s in page.select("script")] == ["/embeds/click-to-load.js"]
    assert not player_site.build.page("/2026/11/what-plays/").select("script")
    written = (player_site.build.output / "embeds" / "click-to-load.js").read_bytes()
    assert written == SCRIPT.read_bytes()
    assert len(written) < 1024
    assert not re.search(rb"localStorage|sessionStorage|cookie|indexedDB|fetch\(|XMLHttp", written)


def test_the_guard_knows_the_script_and_the_report_names_it(player_site: EmbedSite) -> None:
    digest = hashlib.sha256(SCRIPT.read_bytes()).hexdigest()
    assert digest in KNOWN, (
        "plugins/embeds/click-to-load.js changed: review it, then put its new sha256 "
        f"({digest}) in plugins/privacy_guard/known_scripts.py"
    )
    assert describe(SCRIPT.read_bytes()) == "click-to-load"
    report = player_site.build.page("/privacy/report/")
    scripts = report.select_one("ul.report-scripts").get_text(" ", strip=True)
    assert "/embeds/click-to-load.js" in scripts and "Click to load" in scripts
    third_parties = report.select_one("#third-parties + .table-scroll").get_text()
    assert "www.youtube-nocookie.com" in third_parties


def test_the_cookie_statement_lists_youtubes_storage(player_site: EmbedSite) -> None:
    statement = player_site.build.page("/cookies/").get_text(" ", strip=True)
    for item in ("NID", "__Secure-ENID", "device identifier"):  # every item the catalogue knows
        assert item in statement, item
    # consent: {remembered: false}: the button stores no choice, so no duration is claimed.
    choice = met(player_site.build, "cookies.choice_retention").get_text(" ", strip=True)
    assert choice.startswith("Your choice is not stored")
    assert "We do not store your choice: a click loads only what you chose, that once" in choice
    assert "We remember your choice" not in statement


def test_a_site_without_click_to_load_runs_no_script(embed_site: EmbedSite) -> None:
    assert not (embed_site.build.output / "embeds" / "click-to-load.js").exists()
    report = embed_site.build.page("/privacy/report/")
    assert report.select_one("ul.report-scripts") is None
    assert "None: no page runs any script." in report.get_text()
