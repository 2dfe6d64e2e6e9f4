"""`fetch-media` against a local stand-in for the providers: what it stores and how it asks."""

from __future__ import annotations

import json
from pathlib import Path

from embedsite import EmbedSite, embed_content, fetch_media
from stand_in import StandIn, jpeg, oembed, running

MEDIA = Path("media/embeds")


def test_posters_and_titles_are_stored_with_their_sources_and_date(embed_site: EmbedSite) -> None:
    assert embed_site.fetched.returncode == 1  # Spotify and the Mastodon post did not answer
    folder = embed_site.build.content / MEDIA
    record = json.loads((folder / "youtube-dQw4w9WgXcQ.embed.json").read_text())
    assert record["title"] == "Folding croissant dough"
    assert record["sources"] == {
        "title": "https://www.youtube.com/oembed?format=json&url="
        "https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ",
        "poster": "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg",
    }
    assert len(record["fetched_on"]) == 10  # an ISO date
    assert (folder / record["poster"]).read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG
    vimeo = json.loads((folder / "vimeo-76979871.embed.json").read_text())
    assert (vimeo["width"], vimeo["height"]) == (640, 360)  # scaled down from 1280 x 720


def test_a_map_is_one_small_image_from_a_few_tiles_with_the_osm_credit(
    embed_site: EmbedSite,
) -> None:
    folder = embed_site.build.content / MEDIA
    record = json.loads((folder / "map-52.51630-13.37770-17.embed.json").read_text())
    tiles = record["sources"]["map tiles"].split()
    assert 1 <= len(tiles) <= 6
    assert all(tile.startswith("https://tile.openstreetmap.org/17/") for tile in tiles)
    assert record["credit"] == "© OpenStreetMap contributors"
    assert record["credit_url"] == "https://www.openstreetmap.org/copyright"
    asked = [path for path, _ in embed_site.requests if path.startswith("/tile.")]
    assert len(asked) == len(tiles)  # the contact page's map is the same place: fetched once


def test_every_request_names_the_site_and_its_contact(embed_site: EmbedSite) -> None:
    agents = {agent for _, agent in embed_site.requests}
    assert agents == {
        "Discreet-fetch-media/0.1 (+https://example-shop.test; privacy@example-shop.test)"
    }


def test_a_provider_that_fails_is_named_with_the_line_and_the_rest_is_stored(
    embed_site: EmbedSite,
) -> None:
    errors = embed_site.fetched.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].endswith("answered 404 Not Found")
    assert "articles/playlist.md line 7: https://open.spotify.com/oembed" in errors[0]
    assert "4 fetched, 2 failed" in embed_site.fetched.stdout


def test_a_second_run_asks_nothing_for_what_is_stored(tmp_path: Path) -> None:
    content = embed_content(tmp_path, released=False)
    (content / "articles" / "playlist.md").unlink()
    empty = StandIn({})
    empty.add_tiles()
    with running(empty) as stand_in:
        first = fetch_media(content, stand_in.url)
        asked = len(stand_in.requests)
        again = fetch_media(content, stand_in.url)
    assert first.returncode == 1  # YouTube and Vimeo do not answer here; the map is drawn
    assert (content / MEDIA / "map-52.51630-13.37770-17.jpg").is_file()
    assert len(stand_in.requests) - asked == 4  # only the two that failed, oEmbed then page
    assert again.returncode == 1


def test_an_owner_supplied_poster_serves_a_provider_without_a_picture(tmp_path: Path) -> None:
    content = embed_content(tmp_path, released=False)
    (content / "articles" / "croissant-dough.md").unlink()
    (content / "pages" / "contact.md").unlink()
    folder = content / MEDIA
    folder.mkdir(parents=True)
    (folder / "mastodon-mastodon-example-109360226213838420.jpg").write_bytes(jpeg(300, 300))
    answers = StandIn({"mastodon.example/api/oembed": oembed("", None, author_name="Bakery")})
    with running(answers) as stand_in:
        result = fetch_media(content, stand_in.url)
    record = json.loads(
        (folder / "mastodon-mastodon-example-109360226213838420.embed.json").read_text()
    )
    assert record["title"] == "Post by Bakery"
    assert record["sources"]["poster"] == "supplied by the site's owner"
    assert "spotify" in result.stderr  # the others still name what failed
