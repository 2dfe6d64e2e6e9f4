"""Which links become embed cards: one recogniser per provider, no network, no Pelican.

A link names a piece of content on another site. Recognising it gives everything the card,
`fetch-media` and the click-to-load player need: the provider, the address a visitor opens, the
file name its poster is stored under, where a public oEmbed endpoint describes it, and the
player's address for an embed the owner marks click-to-load. The WordPress importer uses the
same recogniser, so an imported post and a new one make the same card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit


@dataclass(frozen=True, slots=True)
class Provider:
    name: str  # as visitors know it: "YouTube"
    kind: str  # video, audio, post or map: decides the card's shape and its action words
    service: str | None  # its id in the service catalogue, None when every instance differs
    ratio: str  # the poster's aspect ratio as a CSS class suffix: "16x9", "9x16", "1x1"


@dataclass(frozen=True, slots=True)
class Location:
    lat: float
    lon: float
    zoom: int

    @property
    def title(self) -> str:
        """The place of a map nobody named: its coordinates, as people write them."""
        north, east = "N" if self.lat >= 0 else "S", "E" if self.lon >= 0 else "W"
        return f"{abs(self.lat):.5f}° {north}, {abs(self.lon):.5f}° {east}"


@dataclass(frozen=True, slots=True)
class Embed:
    provider: Provider
    link: str  # what a visitor opens: the provider's own page
    key: str  # file stem of the poster and its record in content/media/embeds/
    oembed: str | None = None  # public oEmbed endpoint for the title and thumbnail
    player: str | None = None  # the provider's player, loaded only after a click
    location: Location | None = None  # for a map: the point the static image shows

    @property
    def host(self) -> str:
        return urlsplit(self.link).hostname or ""


YOUTUBE = Provider("YouTube", "video", "youtube", "16x9")
YOUTUBE_SHORT = Provider("YouTube", "video", "youtube", "9x16")
VIMEO = Provider("Vimeo", "video", "vimeo", "16x9")
PEERTUBE = Provider("PeerTube", "video", None, "16x9")
DAILYMOTION = Provider("Dailymotion", "video", "dailymotion", "16x9")
SPOTIFY = Provider("Spotify", "audio", "spotify", "1x1")
SOUNDCLOUD = Provider("SoundCloud", "audio", "soundcloud", "1x1")
BANDCAMP = Provider("Bandcamp", "audio", "bandcamp", "1x1")
MASTODON = Provider("Mastodon", "post", None, "1x1")
BLUESKY = Provider("Bluesky", "post", "bluesky", "1x1")
INSTAGRAM = Provider("Instagram", "post", "instagram", "1x1")
OPENSTREETMAP = Provider("OpenStreetMap", "map", "openstreetmap", "16x9")
GOOGLE_MAPS = Provider("Google Maps", "map", "google_maps", "16x9")

_YOUTUBE_ID = re.compile(r"[\w-]{11}")
_VIMEO_ID = re.compile(r"\d+")
_DAILYMOTION_ID = re.compile(r"x[0-9a-z]+")
_SPOTIFY_TYPES = ("track", "album", "playlist", "episode", "show", "artist")
_SPOTIFY_ID = re.compile(r"[0-9A-Za-z]{22}")
_PEERTUBE_ID = re.compile(
    r"[0-9A-Za-z]{22}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)
_MASTODON_USER = re.compile(r"@\w+(?:@[\w.-]+)?")
_SLUG = re.compile(r"[\w.-]+")
_INSTAGRAM_CODE = re.compile(r"[\w-]{5,40}")
_BLUESKY_RKEY = re.compile(r"[a-z2-7]{13}")
_MAP_AT = re.compile(r"@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?)z)?")
_COORDINATES = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*")
DEFAULT_ZOOM = 16
_GOOGLE_DOMAINS = ("com", "de", "at", "ch", "fr", "co.uk", "it", "es", "nl", "be", "pl")


def recognise(url: str) -> Embed | None:
    """The embed a link stands for, or None when it is an ordinary link."""
    url = url.strip()
    if not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    bare = host.removeprefix("www.").removeprefix("m.")
    path = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)
    for recogniser in _BY_HOST.get(bare, ()):
        found = recogniser(url, path, query, parts.fragment)
        if found is not None:
            return found
    for any_host in _ANY_HOST:
        found = any_host(url, host, path)
        if found is not None:
            return found
    return None


def _described(provider: Provider, link: str, key: str, oembed: str, player: str) -> Embed:
    """An embed whose provider describes it at a public oEmbed endpoint (`oembed` + the link)."""
    return Embed(provider, link, key, oembed=oembed + quote(link, safe=""), player=player)


def _youtube(url: str, path: list[str], query: dict, _fragment: str) -> Embed | None:
    video = query.get("v", [""])[0]
    short = False
    if not video and len(path) >= 2 and path[0] in ("embed", "v", "shorts", "live"):
        video, short = path[1], path[0] == "shorts"
    return _youtube_video(video, short)


def _youtu_be(url: str, path: list[str], _query: dict, _fragment: str) -> Embed | None:
    return _youtube_video(path[0], False) if path else None


def _youtube_video(video: str, short: bool) -> Embed | None:
    if not _YOUTUBE_ID.fullmatch(video):
        return None
    link = (
        f"https://www.youtube.com/shorts/{video}"
        if short
        else f"https://www.youtube.com/watch?v={video}"
    )
    return _described(
        YOUTUBE_SHORT if short else YOUTUBE,
        link,
        f"youtube-{video}",
        "https://www.youtube.com/oembed?format=json&url=",
        f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1",
    )


def _vimeo(url: str, path: list[str], _query: dict, _fragment: str) -> Embed | None:
    numbers = [segment for segment in path if _VIMEO_ID.fullmatch(segment)]
    if not numbers:
        return None
    link = f"https://vimeo.com/{numbers[0]}"
    return _described(
        VIMEO,
        link,
        f"vimeo-{numbers[0]}",
        "https://vimeo.com/api/oembed.json?url=",
        f"https://player.vimeo.com/video/{numbers[0]}?dnt=1&autoplay=1",
    )


def _dailymotion(url: str, path: list[str], _query: dict, _fragment: str) -> Embed | None:
    if len(path) < 2 or path[0] != "video":
        return None
    return _dailymotion_video(path[1].split("_", 1)[0])


def _dai_ly(url: str, path: list[str], _query: dict, _fragment: str) -> Embed | None:
    return _dailymotion_video(path[0]) if path else None


def _dailymotion_video(video: str) -> Embed | None:
    if not _DAILYMOTION_ID.fullmatch(video):
        return None
    link = f"https://www.dailymotion.com/video/{video}"
    return _described(
        DAILYMOTION,
        link,
        f"dailymotion-{video}",
        "https://www.dailymotion.com/services/oembed?url=",
        f"https://geo.dailymotion.com/player.html?video={video}",
    )


def _spotify(url: str, path: list[str], _query: dict, _fragment: str) -> Embed | None:
    if path and path[0].startswith("intl-"):
        path = path[1:]
    if len(path) < 2 or path[0] not in _SPOTIFY_TYPES or not _SPOTIFY_ID.fullmatch(path[1]):
        return None
    kind, ident = path[0], path[1]
    link = f"https://open.spotify.com/{kind}/{ident}"
    return _described(
        SPOTIFY,
        link,
        f"spotify-{kind}-{ident}",
        "https://open.spotify.com/oembed?url=",
        f"https://open.spotify.com/embed/{kind}/{ident}",
    )


def _soundcloud(url: str, path: list[str], _query: dict, _fragment: str) -> Embed | None:
    if len(path) < 2 or not all(_SLUG.fullmatch(segment) for segment in path[:3]):
        return None
    if path[1] in ("tracks", "albums", "sets", "likes", "followers", "following") and len(path) < 3:
        return None
    link = "https://soundcloud.com/" + "/".join(path[:3])
    return _described(
        SOUNDCLOUD,
        link,
        "soundcloud-" + "-".join(path[:3]).lower(),
        "https://soundcloud.com/oembed?format=json&url=",
        f"https://w.soundcloud.com/player/?url={quote(link, safe='')}&auto_play=true",
    )


def _bluesky(url: str, path: list[str], _query: dict, _fragment: str) -> Embed | None:
    if len(path) != 4 or path[0] != "profile" or path[2] != "post":
        return None
    handle, rkey = path[1].lower(), path[3]
    if not _SLUG.fullmatch(handle) or not _BLUESKY_RKEY.fullmatch(rkey):
        return None
    link = f"https://bsky.app/profile/{handle}/post/{rkey}"
    return Embed(
        BLUESKY,
        link,
        f"bluesky-{rkey}",
        oembed=f"https://embed.bsky.app/oembed?format=json&url={quote(link, safe='')}",
    )


def _instagram(url: str, path: list[str], _query: dict, _fragment: str) -> Embed | None:
    if len(path) < 2 or path[0] not in ("p", "reel", "tv"):
        return None
    code = path[1]
    if not _INSTAGRAM_CODE.fullmatch(code):
        return None
    link = f"https://www.instagram.com/{path[0]}/{code}/"
    return Embed(
        INSTAGRAM, link, f"instagram-{code}", player=f"https://www.instagram.com/p/{code}/embed/"
    )


def _openstreetmap(url: str, path: list[str], query: dict, fragment: str) -> Embed | None:
    place = _osm_fragment(fragment)
    lat, lon = query.get("mlat", [""])[0], query.get("mlon", [""])[0]
    if lat and lon:
        zoom = place.zoom if place else DEFAULT_ZOOM
        place = _location(lat, lon, zoom)
    return _map(OPENSTREETMAP, url, place) if place else None


def _osm_fragment(fragment: str) -> Location | None:
    for part in fragment.split("&"):
        if part.startswith("map="):
            values = part[4:].split("/")
            if len(values) == 3 and values[0].isdigit():
                return _location(values[1], values[2], int(values[0]))
    return None


def _google_maps(url: str, path: list[str], query: dict, _fragment: str) -> Embed | None:
    if path[:1] != ["maps"] and not url.split("//", 1)[1].startswith("maps."):
        return None
    zoom_given = query.get("z", [""])[0]
    zoom = int(zoom_given) if zoom_given.isdigit() else DEFAULT_ZOOM
    for segment in path:
        match = _MAP_AT.fullmatch(segment)
        if match:
            if match.group(3):
                zoom = round(float(match.group(3)))
            return _map(GOOGLE_MAPS, url, _location(match.group(1), match.group(2), zoom))
    for name in ("q", "query", "ll", "center"):
        match = _COORDINATES.fullmatch(query.get(name, [""])[0])
        if match:
            return _map(GOOGLE_MAPS, url, _location(match.group(1), match.group(2), zoom))
    return None


def _location(lat: str, lon: str, zoom: int) -> Location | None:
    try:
        latitude, longitude = float(lat), float(lon)
    except ValueError:
        return None
    if not (-85 <= latitude <= 85 and -180 <= longitude <= 180):
        return None
    return Location(round(latitude, 5), round(longitude, 5), max(1, min(zoom, 19)))


def _map(provider: Provider, url: str, place: Location | None) -> Embed | None:
    if place is None:
        return None
    key = f"map-{place.lat:.5f}-{place.lon:.5f}-{place.zoom}"
    span = 360 / 2**place.zoom  # about one tile's width in degrees around the point
    bbox = ",".join(
        f"{value:.5f}"
        for value in (
            place.lon - span,
            place.lat - span / 2,
            place.lon + span,
            place.lat + span / 2,
        )
    )
    player = (
        "https://www.openstreetmap.org/export/embed.html?"
        f"bbox={bbox}&layer=mapnik&marker={place.lat:.5f},{place.lon:.5f}"
        if provider is OPENSTREETMAP
        else f"https://maps.google.com/maps?q={place.lat:.5f},{place.lon:.5f}&z={place.zoom}"
        "&output=embed"
    )
    return Embed(provider, url, key, player=player, location=place)


def _peertube(url: str, host: str, path: list[str]) -> Embed | None:
    """PeerTube runs on many hosts: /w/<short id> or /videos/watch/<uuid> on any of them."""
    if len(path) == 2 and path[0] == "w":
        video = path[1]
    elif len(path) == 3 and path[:2] == ["videos", "watch"]:
        video = path[2]
    else:
        return None
    if not _PEERTUBE_ID.fullmatch(video):
        return None
    link = f"https://{host}/w/{video}"
    return Embed(
        PEERTUBE,
        link,
        f"peertube-{video}",
        oembed=f"https://{host}/services/oembed?format=json&url={quote(link, safe='')}",
        player=f"https://{host}/videos/embed/{video}?autoplay=1",
    )


def _mastodon(url: str, host: str, path: list[str]) -> Embed | None:
    """A Mastodon post: https://<instance>/@<user>/<number>, on any instance."""
    if len(path) != 2 or not _MASTODON_USER.fullmatch(path[0]) or not path[1].isdigit():
        return None
    link = f"https://{host}/{path[0]}/{path[1]}"
    return Embed(
        MASTODON,
        link,
        f"mastodon-{host.replace('.', '-')}-{path[1]}",
        oembed=f"https://{host}/api/oembed?url={quote(link, safe='')}",
        player=f"{link}/embed",
    )


_BY_HOST = {
    "youtube.com": (_youtube,),
    "youtube-nocookie.com": (_youtube,),
    "youtu.be": (_youtu_be,),
    "vimeo.com": (_vimeo,),
    "player.vimeo.com": (_vimeo,),
    "dailymotion.com": (_dailymotion,),
    "dai.ly": (_dai_ly,),
    "open.spotify.com": (_spotify,),
    "soundcloud.com": (_soundcloud,),
    "bsky.app": (_bluesky,),
    "instagram.com": (_instagram,),
    "openstreetmap.org": (_openstreetmap,),
    "osm.org": (_openstreetmap,),
    "maps.google.com": (_google_maps,),
    **{
        f"google.{tld}": (_google_maps,)
        for tld in ("com", "de", "at", "ch", "fr", "co.uk", "it", "es", "nl")
    },
}


def _bandcamp(url: str, host: str, path: list[str]) -> Embed | None:
    """Bandcamp: https://<artist>.bandcamp.com/track|album/<slug>; the player's address needs
    the album's number, which only the page says: fetch-media records it."""
    if not host.endswith(".bandcamp.com") or len(path) != 2 or path[0] not in ("track", "album"):
        return None
    if not _SLUG.fullmatch(path[1]):
        return None
    artist = host.removesuffix(".bandcamp.com")
    return Embed(
        BANDCAMP,
        f"https://{host}/{path[0]}/{path[1]}",
        f"bandcamp-{artist}-{path[0]}-{path[1]}".lower(),
    )


_ANY_HOST = (_bandcamp, _peertube, _mastodon)
