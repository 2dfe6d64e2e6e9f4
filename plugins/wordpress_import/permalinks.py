"""Find the permalink structure an export's posts used, and every old address of a post.

WordPress does not write its permalink setting into the export, but each item's <link> is the
post's address under it; matching the link's segments against the post's own date, id and slug
gives back the structure, e.g. /%year%/%monthnum%/%postname%/.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from urllib.parse import parse_qs, unquote, urlsplit

from .links import OldSite
from .wxr import Item


def base_path(blog_url: str) -> str:
    """The path the blog lived under ('' at the root of its host, '/blog' in a subfolder)."""
    return urlsplit(blog_url).path.rstrip("/")


def structure_of(item: Item, site: OldSite, base: str) -> str | None:
    """The structure tag string that produces this item's link, or None if it is not ours."""
    path = site.own_path(item.link) if item.link else None
    if path is None:
        return None
    path, _, query = path.partition("?")
    if query and parse_qs(query).get("p") == [item.post_id]:
        return "/?p=%post_id%"
    path = path.removeprefix(base) if base and path.startswith(base + "/") else path
    segments = [unquote(s) for s in path.split("/") if s]
    tags = _match_segments(segments, item)
    trailing = "/" if path.endswith("/") else ""
    return "/" + "/".join(tags) + trailing if tags else "/"


def _match_segments(segments: list[str], item: Item) -> list[str]:
    date = item.post_date or datetime.min
    slug = unquote(item.post_name).lower()
    category = next((t.nicename for t in item.terms if t.domain == "category"), None)
    numeric = [
        ("%year%", f"{date.year:04d}"),
        ("%monthnum%", f"{date.month:02d}"),
        ("%day%", f"{date.day:02d}"),
        ("%hour%", f"{date.hour:02d}"),
        ("%minute%", f"{date.minute:02d}"),
        ("%second%", f"{date.second:02d}"),
    ]
    tags: list[str] = []
    for segment in segments:
        lowered = segment.lower()
        unused = [(tag, value) for tag, value in numeric if tag not in tags]
        if slug and lowered == slug:
            tags.append("%postname%")
        elif segment == item.post_id:
            tags.append("%post_id%")
        elif match := next((tag for tag, value in unused if segment == value), None):
            tags.append(match)
        elif category and lowered == category:
            tags.append("%category%")
        elif lowered == item.creator.lower():
            tags.append("%author%")
        else:
            tags.append(segment)
    return tags


def dominant_structure(items: list[Item], site: OldSite, base: str) -> tuple[str, int, int]:
    """The structure most posts follow, with how many follow it out of how many had a link."""
    found = Counter(s for item in items if (s := structure_of(item, site, base)) is not None)
    if not found:
        return ("unknown", 0, 0)
    structure, count = found.most_common(1)[0]
    return (structure, count, sum(found.values()))
