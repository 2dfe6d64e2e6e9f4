"""Which links become cards, and what each card opens, plays and stores its poster as."""

from __future__ import annotations

import pytest
from embeds.card import card_html
from embeds.providers import recognise
from embeds.transform import find_embeds, links_in_source, replace_embeds

CARDS = [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", "youtube-dQw4w9WgXcQ", "16x9"),
    ("https://youtu.be/dQw4w9WgXcQ?t=42", "YouTube", "youtube-dQw4w9WgXcQ", "16x9"),
    ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&list=x", "YouTube", "youtube-dQw4w9WgXcQ", "16x9"),
    ("https://www.youtube.com/shorts/aBcDeFgHiJk", "YouTube", "youtube-aBcDeFgHiJk", "9x16"),
    ("https://vimeo.com/76979871", "Vimeo", "vimeo-76979871", "16x9"),
    ("https://player.vimeo.com/video/76979871", "Vimeo", "vimeo-76979871", "16x9"),
    ("https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv", "PeerTube",
     "peertube-kkGMgK9ZtnKfYAgnEtQxbv", "16x9"),
    ("https://tube.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d", "PeerTube",
     "peertube-9c9de5e8-0a1e-484a-b099-e80766180a6d", "16x9"),
    ("https://www.dailymotion.com/video/x7tgad0_slug", "Dailymotion", "dailymotion-x7tgad0",
     "16x9"),
    ("https://dai.ly/x7tgad0", "Dailymotion", "dailymotion-x7tgad0", "16x9"),
    ("https://open.spotify.com/intl-de/track/4uLU6hMCjMI75M1A2tKUQC", "Spotify",
     "spotify-track-4uLU6hMCjMI75M1A2tKUQC", "1x1"),
    ("https://soundcloud.com/forss/flickermood", "SoundCloud", "soundcloud-forss-flickermood",
     "1x1"),
    ("https://artist.bandcamp.com/album/first-light", "Bandcamp",
     "bandcamp-artist-album-first-light", "1x1"),
    ("https://mastodon.social/@bakery/109360226213838420", "Mastodon",
     "mastodon-mastodon-social-109360226213838420", "1x1"),
    ("https://bsky.app/profile/bakery.example/post/3l6oveex3ii2l", "Bluesky",
     "bluesky-3l6oveex3ii2l", "1x1"),
    ("https://www.instagram.com/p/CxYz12345/", "Instagram", "instagram-CxYz12345", "1x1"),
    ("https://www.openstreetmap.org/?mlat=52.5163&mlon=13.3777#map=17/52.5163/13.3777",
     "OpenStreetMap", "map-52.51630-13.37770-17", "16x9"),
    ("https://www.openstreetmap.org/#map=15/52.5200/13.4050", "OpenStreetMap",
     "map-52.52000-13.40500-15", "16x9"),
    ("https://www.google.com/maps/place/Tor/@52.5162746,13.3755153,17z/data=x", "Google Maps",
     "map-52.51627-13.37552-17", "16x9"),
    ("https://maps.google.com/?q=52.52,13.405", "Google Maps", "map-52.52000-13.40500-16", "16x9"),
]  # fmt: skip

NOT_CARDS = [
    "https://www.youtube.com/channel/UC123",
    "https://www.youtube.com/watch?v=short",
    "https://vimeo.com/channels/staffpicks",
    "https://open.spotify.com/user/someone",
    "https://soundcloud.com/forss",
    "https://www.instagram.com/bakery/",
    "https://www.openstreetmap.org/about",
    "https://www.google.com/search?q=maps",
    "https://www.google.com/maps/place/Somewhere",
    "https://example.com/blog/2020/post",
    "ftp://vimeo.com/1",
]


@pytest.mark.parametrize(("url", "provider", "key", "ratio"), CARDS)
def test_a_provider_link_is_recognised(url: str, provider: str, key: str, ratio: str) -> None:
    embed = recognise(url)
    assert embed is not None
    assert (embed.provider.name, embed.key, embed.provider.ratio) == (provider, key, ratio)
    assert embed.link.startswith("https://")


@pytest.mark.parametrize("url", NOT_CARDS)
def test_other_links_stay_links(url: str) -> None:
    assert recognise(url) is None


def test_youtube_plays_from_the_no_cookie_host_and_opens_the_watch_page() -> None:
    embed = recognise("https://youtu.be/dQw4w9WgXcQ")
    assert embed is not None
    assert embed.link == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert embed.player == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"


def test_only_a_paragraph_holding_nothing_but_the_link_becomes_a_card() -> None:
    html = (
        "<p>https://youtu.be/dQw4w9WgXcQ</p>"
        '<p><a href="https://vimeo.com/76979871">https://vimeo.com/76979871</a></p>'
        '<p><a href="https://vimeo.com/1">our video</a></p>'
        "<p>See https://youtu.be/dQw4w9WgXcQ here</p>"
        "<p>https://youtu.be/dQw4w9WgXcQ {click-to-load}</p>"
    )
    found = find_embeds(html)
    assert [(f.embed.key, f.click_to_load) for f in found] == [
        ("youtube-dQw4w9WgXcQ", False),
        ("vimeo-76979871", False),
        ("youtube-dQw4w9WgXcQ", True),
    ]
    replaced = replace_embeds(html, lambda f: f"[{f.embed.key}]")
    assert replaced.count("[") == 3
    assert '<a href="https://vimeo.com/1">our video</a>' in replaced
    assert "See https://youtu.be/dQw4w9WgXcQ here" in replaced


def test_source_lines_are_read_the_way_the_build_reads_them() -> None:
    text = "Intro\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n<https://vimeo.com/7> {click-to-load}\n"
    assert [(line, e.key) for line, e in links_in_source(text)] == [
        (3, "youtube-dQw4w9WgXcQ"),
        (5, "vimeo-7"),
    ]


def test_a_card_without_a_poster_has_a_neutral_one_and_still_links_the_original() -> None:
    embed = recognise("https://vimeo.com/76979871")
    assert embed is not None
    html = card_html(embed, None)
    assert 'class="embed-poster embed-poster-neutral"' in html
    assert "<img" not in html
    assert 'href="https://vimeo.com/76979871"' in html
    assert "Watch on Vimeo" in html
