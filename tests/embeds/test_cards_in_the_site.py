"""The built fixture site: cards with posters served by the site, nothing from other hosts."""

from __future__ import annotations

from embedsite import EmbedSite
from policybuild import TODAY_ENV
from sitebuild import run_build

POST = "/2026/11/croissant-dough/"


def test_cards_show_a_poster_served_by_the_site_a_title_and_a_plain_link(
    embed_site: EmbedSite,
) -> None:
    page = embed_site.build.page(POST)
    cards = page.select("figure.embed")
    assert [card["data-embed"] for card in cards] == [
        "youtube-dQw4w9WgXcQ",
        "vimeo-76979871",
        "map-52.51630-13.37770-17",
    ]
    for card in cards:
        poster = card.select_one("img.embed-poster")
        assert poster["src"].startswith("/media/embeds/")
        assert embed_site.build.file_for(poster["src"]).is_file()
        assert card.select_one(".embed-title").get_text()
    youtube = cards[0]
    assert (
        youtube.select_one("a.embed-open")["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )
    assert youtube.select_one(".embed-title").get_text() == "Folding croissant dough"
    assert youtube.select_one(".embed-provider").get_text() == "Watch on YouTube"
    assert "embed-16x9" in youtube.select_one(".embed-frame")["class"]
    credit = cards[2].select_one("figcaption.embed-credit a")
    assert credit.get_text() == "© OpenStreetMap contributors"
    assert credit["href"] == "https://www.openstreetmap.org/copyright"
    assert (
        page.find("a", string="link with its own words")["href"] == "https://youtu.be/dQw4w9WgXcQ"
    )


def test_the_contact_page_shows_the_shop_on_a_map(embed_site: EmbedSite) -> None:
    card = embed_site.build.page("/contact/").select_one("figure.embed-map img.embed-poster")
    assert card["src"] == "/media/embeds/map-52.51630-13.37770-17.jpg"


def test_records_are_not_published_and_no_page_loads_from_another_host(
    embed_site: EmbedSite,
) -> None:
    assert not list(embed_site.build.output.rglob("*.embed.json"))
    assert "third-party hosts: 0 declared, 0 undeclared" in embed_site.build.log


def test_a_card_without_its_poster_builds_with_a_neutral_one_and_one_notice(
    embed_site: EmbedSite,
) -> None:
    page = embed_site.build.page("/2026/11/what-plays/")
    spotify = page.select_one("figure.embed-spotify")
    assert spotify.select_one(".embed-poster-neutral") is not None
    assert "embed-1x1" in spotify.select_one(".embed-frame")["class"]
    notices = [line for line in embed_site.build.log.splitlines() if line.startswith("embeds:")]
    assert len(notices) == 1
    assert notices[0].startswith("embeds: 2 embed cards without a poster (")
    assert notices[0].endswith("run `make fetch-media`")


def test_publishing_refuses_a_card_without_its_poster(embed_site: EmbedSite, tmp_path) -> None:
    output = tmp_path / "output"
    build = run_build(
        tmp_path,
        content=embed_site.build.content,
        settings="publishconf.py",
        env=TODAY_ENV,
        output=output,
    )
    assert build.returncode != 0
    assert "embeds: cannot publish 2 embed cards without a poster" in build.log
    assert "run `make fetch-media`" in build.log
    assert "Traceback" not in build.log
    assert not (output / "index.html").exists()


def test_the_page_description_is_the_posts_words_not_an_embed_cards(
    embed_site: EmbedSite,
) -> None:
    """what-plays has no Summary: Pelican's summary holds its three cards (a neutral Spotify
    poster, a YouTube short, a Mastodon post); the descriptions keep only the post's words (the
    contact link the theme adds to every post among them)."""
    page = embed_site.build.page("/2026/11/what-plays/")
    assert page.select("figure.embed")  # the cards are on the page itself
    described = [
        page.select_one('meta[name="description"]')["content"],
        page.select_one('meta[property="og:description"]')["content"],
    ]
    words = "Our morning track, the short we shot, and the post about it: Contact us!"
    assert described == [words, words]
