"""`make fetch-media`: the one command that uses the network, run by the owner, never the build.

For each embed in the content that has no stored poster yet, it asks the provider's public
oEmbed endpoint (or, where there is none, the page's Open Graph tags) for the title and the
thumbnail, or draws a static map from OpenStreetMap tiles, and stores the poster and a record of
every address it used and the day into content/media/embeds/, to be committed.
"""

from __future__ import annotations

import io
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError

from . import static_map
from .media import MediaRecord, owner_poster, write_record
from .providers import Embed

MAX_BYTES = 8 << 20  # a poster or a page larger than this is not one
POSTER_WIDTH = 640
TIMEOUT = 20


class FetchError(Exception):
    """One embed could not be fetched: the message says why, in one line."""


@dataclass(frozen=True)
class Client:
    """How fetch-media talks to the network: who it says it is, and where requests go.

    `via` sends every request to another server instead, with the provider's host as the first
    path segment (http://127.0.0.1:8080/www.youtube.com/oembed?...): the tests' stand-in for
    the providers, or a caching proxy.
    """

    user_agent: str
    via: str | None = None
    tile_url: str = static_map.TILE_URL

    def get(self, url: str) -> bytes:
        target = url
        if self.via:
            parts = urlsplit(url)
            target = f"{self.via.rstrip('/')}/{parts.netloc}{parts.path or '/'}"
            target += f"?{parts.query}" if parts.query else ""
        request = urllib.request.Request(target, headers={"User-Agent": self.user_agent})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                data = response.read(MAX_BYTES + 1)
        except urllib.error.HTTPError as error:
            raise FetchError(f"{url}: the server answered {error.code} {error.reason}") from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise FetchError(f"{url}: cannot be reached ({reason})") from error
        if len(data) > MAX_BYTES:
            raise FetchError(f"{url}: larger than {MAX_BYTES >> 20} MB; not a poster")
        return data


def fetch_embed(embed: Embed, folder: Path, client: Client, today: date) -> MediaRecord:
    """Fetch and store one embed's poster and title; returns its record."""
    if embed.location is not None:
        return _store_map(embed, folder, client, today)
    details = _details(embed, client)
    own = owner_poster(folder, embed.key)
    sources = dict(details.sources)
    if details.thumbnail:
        image = _image(client.get(details.thumbnail), details.thumbnail)
        sources["poster"] = details.thumbnail
    elif own is not None:
        image = _image(own.read_bytes(), str(own))
        sources["poster"] = "supplied by the site's owner"
    elif details.page_error is not None:
        raise details.page_error
    else:
        raise FetchError(
            f"{embed.link}: {embed.provider.name} publishes no picture for it; save one as "
            f"{folder / (embed.key + '.jpg')} and run fetch-media again"
        )
    name = f"{embed.key}.jpg"
    width, height = _save_jpeg(image, folder / name)
    record = MediaRecord(
        link=embed.link,
        provider=embed.provider.name,
        title=details.title or f"{embed.provider.name} {embed.provider.kind}",
        poster=name,
        width=width,
        height=height,
        fetched_on=today.isoformat(),
        sources=sources,
        player=details.player,
    )
    write_record(folder, embed.key, record)
    return record


@dataclass(frozen=True)
class _Details:
    title: str
    thumbnail: str | None
    sources: dict[str, str]
    player: str | None = None
    page_error: FetchError | None = None  # the page could not be read (oEmbed could)


def _details(embed: Embed, client: Client) -> _Details:
    """Title and thumbnail from oEmbed; from the page's Open Graph tags where oEmbed has none."""
    title, thumbnail, player, sources = "", None, None, {}
    oembed_failed = None
    if embed.oembed:
        try:
            data = _json(client.get(embed.oembed), embed.oembed)
        except FetchError as error:
            oembed_failed, data = error, {}  # the page's own tags may still tell
        title = str(data.get("title") or "").strip()
        thumbnail = data.get("thumbnail_url") or None
        if title:
            sources["title"] = embed.oembed
        player = _bluesky_player(str(data.get("html") or ""))
        if not title and data.get("author_name"):
            title, sources["title"] = f"Post by {data['author_name']}", embed.oembed
    if not thumbnail or not title:
        try:
            page = client.get(embed.link).decode("utf-8", "replace")
        except FetchError as error:
            if oembed_failed is not None:
                raise oembed_failed from None
            return _Details(title, thumbnail, sources, player, error)
        tags = _open_graph(page)
        if not title and tags.get("og:title"):
            title, sources["title"] = tags["og:title"], embed.link
        if not thumbnail and tags.get("og:image"):
            thumbnail = tags["og:image"]
        player = player or _bandcamp_player(tags.get("og:video", ""))
    return _Details(title, thumbnail, sources, player)


_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _open_graph(page: str) -> dict[str, str]:
    tags: dict[str, str] = {}
    for tag in _META.findall(page):
        attributes = {m.group(1).lower(): m.group(2) or m.group(3) or "" for m in
                      _ATTRIBUTE.finditer(tag)}  # fmt: skip
        name = attributes.get("property") or attributes.get("name") or ""
        if name.startswith(("og:", "twitter:")) and name not in tags:
            tags[name] = unescape(attributes.get("content", "")).strip()
    return tags


def _bluesky_player(html: str) -> str | None:
    found = re.search(r'data-bluesky-uri="at://([^"/]+)/app\.bsky\.feed\.post/(\w+)"', html)
    if not found:
        return None
    return f"https://embed.bsky.app/embed/{found.group(1)}/app.bsky.feed.post/{found.group(2)}"


def _bandcamp_player(video: str) -> str | None:
    found = re.search(r"/EmbeddedPlayer/(?:v=2/)?((?:album|track)=\d+)", video)
    return f"https://bandcamp.com/EmbeddedPlayer/{found.group(1)}/size=large/" if found else None


def _json(data: bytes, url: str) -> dict:
    try:
        value = json.loads(data)
    except ValueError as error:
        raise FetchError(f"{url}: the answer is not JSON") from error
    if not isinstance(value, dict):
        raise FetchError(f"{url}: the answer is not a JSON object")
    return value


def _image(data: bytes, where: str) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError) as error:
        raise FetchError(f"{where}: not an image Pillow can read") from error
    return image


def _save_jpeg(image: Image.Image, path: Path) -> tuple[int, int]:
    """A poster at most POSTER_WIDTH wide, as a progressive JPEG without metadata."""
    image = image.convert("RGB")
    if image.width > POSTER_WIDTH:
        height = round(image.height * POSTER_WIDTH / image.width)
        image = image.resize((POSTER_WIDTH, height), Image.Resampling.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    image.save(temporary, "JPEG", quality=80, optimize=True, progressive=True)
    temporary.replace(path)
    return image.width, image.height


def _store_map(embed: Embed, folder: Path, client: Client, today: date) -> MediaRecord:
    place = embed.location
    assert place is not None
    data, tiles = static_map.render(place.lat, place.lon, place.zoom, client.get, client.tile_url)
    name = f"{embed.key}.jpg"
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / (name + ".part")
    temporary.write_bytes(data)
    temporary.replace(folder / name)
    record = MediaRecord(
        link=embed.link,
        provider=embed.provider.name,
        title=place.title,
        poster=name,
        width=static_map.WIDTH,
        height=static_map.HEIGHT,
        fetched_on=today.isoformat(),
        sources={"map tiles": " ".join(tiles)},
        credit=static_map.CREDIT,
        credit_url=static_map.CREDIT_URL,
    )
    write_record(folder, embed.key, record)
    return record
