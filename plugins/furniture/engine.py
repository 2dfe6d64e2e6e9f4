"""What a blog's furniture shows: recent posts, categories with counts, the monthly archive
list, reading time, and related posts by shared tags. No Pelican here: the glue hands in plain
posts and gets plain data back, which the theme renders.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

TAG = re.compile(r"<[^>]+>")
# Markup that is not read as prose: code listings are skimmed, not read word by word.
UNREAD = re.compile(r"<(pre|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Post:
    key: str  # the post's address, unique
    title: str
    url: str
    date: datetime
    tags: tuple[str, ...] = ()
    category: tuple[str, str] | None = None  # (name, url)


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    count: int = 0


@dataclass(frozen=True)
class Period:
    """A month (year, month) or a whole year (year,), with its archive's address and count."""

    period: tuple[int, ...]
    url: str
    count: int


@dataclass(frozen=True)
class Sidebar:
    recent: tuple[Link, ...] = ()
    categories: tuple[Link, ...] = ()
    months: tuple[Period, ...] = ()  # newest first
    years: tuple[Period, ...] = ()  # older years, as a whole, newest first


def words(html: str) -> int:
    """The words a reader reads in `html`: its text, without tags and code listings."""
    text = TAG.sub(" ", UNREAD.sub(" ", html))
    return len(text.split())


def reading_minutes(html: str, per_minute: int) -> int:
    """Whole minutes, at least one: "3 min read"."""
    return max(1, round(words(html) / per_minute))


def related(posts: Sequence[Post], limit: int) -> dict[str, tuple[Post, ...]]:
    """Up to `limit` other posts per post, those sharing the most tags first, then the nearest
    in time; a post without shared tags has none."""
    by_tag: dict[str, list[int]] = defaultdict(list)
    for index, post in enumerate(posts):
        for tag in set(post.tags):
            by_tag[tag].append(index)
    # Every post is a candidate of hundreds of others on a large blog: each one's time is read
    # once, and only the candidates with the highest counts are ordered by time.
    stamps = [post.date.timestamp() for post in posts]
    found: dict[str, tuple[Post, ...]] = {}
    for index, post in enumerate(posts):
        shared: Counter[int] = Counter()
        for tag in set(post.tags):
            shared.update(by_tag[tag])
        shared.pop(index, None)
        if shared and limit:
            nearest = _nearest(shared, stamps, index, limit)
            found[post.key] = tuple(posts[other] for other in nearest)
    return found


def _nearest(shared: Counter[int], stamps: list[float], index: int, limit: int) -> list[int]:
    """The `limit` candidates with the most shared tags, each count's nearest in time first."""
    by_count: dict[int, list[int]] = defaultdict(list)
    for other, count in shared.items():
        by_count[count].append(other)
    when = stamps[index]
    chosen: list[int] = []
    for count in sorted(by_count, reverse=True):
        group = by_count[count]
        chosen += heapq.nsmallest(
            limit - len(chosen), group, key=lambda other: (abs(stamps[other] - when), other)
        )
        if len(chosen) == limit:
            break
    return chosen


def sidebar(
    posts: Sequence[Post],
    *,
    recent: int,
    categories: bool,
    months: int,
    month_url: str,
    year_url: str,
) -> Sidebar:
    """The sidebar of one language's posts. At least `months` months with posts are listed one
    by one (newest first, to the end of the last year begun); older years get one line each, so
    the list stays short on an old blog.
    `month_url` and `year_url` are format strings given `date` (Pelican's archive URLs)."""
    newest = sorted(posts, key=lambda post: post.date, reverse=True)
    by_month = Counter((post.date.year, post.date.month) for post in newest)
    ordered = sorted(by_month, reverse=True)
    shown = ordered[:months] if months else []
    if shown:  # finish the last year begun, so a year is either all months or one line
        shown = [key for key in ordered if key >= (shown[-1][0], 1)]
    rest = ordered[len(shown) :]
    first_day = {key: datetime(key[0], key[1], 1) for key in ordered}
    by_year: Counter[int] = Counter()
    for year, month in rest:
        by_year[year] += by_month[year, month]
    category_counts = Counter(post.category for post in newest if post.category)
    return Sidebar(
        recent=tuple(Link(post.title, post.url) for post in newest[:recent]),
        categories=tuple(
            Link(name, url, count)
            for (name, url), count in sorted(category_counts.items(), key=lambda c: c[0][0].lower())
        )
        if categories
        else (),
        months=tuple(
            Period(key, month_url.format(date=first_day[key]), by_month[key]) for key in shown
        ),
        years=tuple(
            Period((year,), year_url.format(date=datetime(year, 1, 1)), count)
            for year, count in sorted(by_year.items(), reverse=True)
        ),
    )
