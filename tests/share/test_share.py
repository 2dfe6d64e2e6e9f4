"""Share links are plain links to each service's share page, and link previews show the site's
own picture, so sharing a post needs no script and sends nothing before a click."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from embedsite import EmbedSite
from plugin_support import BuildStopped
from share.links import sharing
from share.plugin import initialize
from share.preview import description_text

POST = "/2026/11/croissant-dough/"
URL = "https://example-shop.test/2026/11/croissant-dough/"
QUOTED = "https%3A%2F%2Fexample-shop.test%2F2026%2F11%2Fcroissant-dough%2F"


def test_share_addresses_carry_the_post_and_nothing_else() -> None:
    built = sharing(URL, "Croissants & more", ["email", "x", "mastodon", "nope"], ["a.example"])
    assert [(link.key, link.href) for link in built.links] == [
        ("email", f"mailto:?subject=Croissants%20%26%20more&body={QUOTED}"),
        # X's documented Web Intent (docs.x.com, checked 2026-12-04); /intent/post is not it.
        ("x", f"https://x.com/intent/tweet?text=Croissants%20%26%20more&url={QUOTED}"),
    ]
    assert built.mastodon[0].href == (
        f"https://a.example/share?text=Croissants%20%26%20more%20{QUOTED}"
    )
    assert sharing(URL, "t", ["email"], ["a.example"]).mastodon == ()


def test_a_post_has_plain_share_links_and_a_mastodon_server_choice(embed_site: EmbedSite) -> None:
    page = embed_site.build.page(POST)
    share = page.select_one("nav.share")
    labels = [a.get_text() for a in share.select(":scope > ul a")]
    assert labels == ["E-mail", "LinkedIn", "Facebook", "X"]
    linkedin = share.find("a", string="LinkedIn")["href"]
    assert linkedin == f"https://www.linkedin.com/sharing/share-offsite/?url={QUOTED}"
    servers = share.select("details.share-mastodon a")
    assert servers and all(
        a["href"].endswith(f"/share?text=How%20we%20fold%20croissant%20dough%20{QUOTED}")
        for a in servers
    )
    assert share.select_one("details.share-mastodon input")["value"].endswith(URL)
    assert not page.select("script")


def test_link_previews_use_the_sites_own_address_and_picture(embed_site: EmbedSite) -> None:
    page = embed_site.build.page(POST)
    meta = {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in page.select("meta[property^='og:'], meta[name^='twitter:']")
    }
    assert meta["og:url"] == URL
    assert meta["og:title"] == "How we fold croissant dough"
    assert meta["og:image"] == "https://example-shop.test/media/embeds/youtube-dQw4w9WgXcQ.jpg"
    assert meta["twitter:card"] == "summary_large_image"
    assert "privacy guard passed: 0 errors, 0 warnings" in embed_site.build.log


def test_a_link_no_service_answers_to_stops_the_build_naming_the_right_one(caplog) -> None:
    # Pelican hands the glue its settings at `initialized`; nothing else of Pelican is needed.
    # (tests/plugin_support checks every plugin's mistyped names and wrong kinds of value.)
    with pytest.raises(BuildStopped, match=r"^share: 1 problem above to correct$"):
        initialize(SimpleNamespace(settings={"SHARE_LINKS": ["email", "linkdin"]}))
    assert [record.getMessage() for record in caplog.records] == [
        "SHARE_LINKS: 'linkdin' is no service; did you mean linkedin?"
    ]


def test_a_description_leaves_out_embed_cards_and_imported_embed_placeholders() -> None:
    summary = (
        "<p>Our <em>new</em>, warm oven &amp; its bread:</p>"
        '<figure class="embed embed-video"><a class="embed-open" href="https://v.example/1">'
        '<span class="embed-title">A video on Vimeo</span></a></figure>'
        '<p class="embed-placeholder">Video: <a href="https://v.example/2">watch it</a></p>'
        "<p>Come   and taste it.</p>"
    )
    assert description_text(summary) == "Our new, warm oven & its bread: Come and taste it."
    assert description_text("") == ""


def test_a_post_whose_metadata_names_a_share_attribute_still_reads() -> None:
    """The share attributes are worked out on read; a post's own `Share:` line sets its value
    instead of failing (Pelican makes every metadata line an attribute)."""
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG
    from share import register

    register()
    post = Article("<p>Hi</p>", metadata={"title": "T", "share": "no"}, settings=DEFAULT_CONFIG)
    assert (post.share, post.share_url, post.share_image) == ("no", None, None)
