"""Answer a visitor's search from the index: ranked hits, highlighted snippets, pages of results.

The visitor's words never reach FTS5's query language as they were typed: each word becomes a
quoted string (so `-`, `AND`, `"` and `*` are only text), every word must match, and the last
one also matches as the start of a word ("priv" finds "privacy"), as a search box suggests.
Nothing here stores or logs the query. No Pelican here.
"""

from __future__ import annotations

import datetime
import re
import sqlite3
from dataclasses import dataclass
from html import escape
from pathlib import Path

MAX_QUERY = 200  # characters; more is not a search
MAX_WORDS = 12
SNIPPET_WORDS = 24
WORD = re.compile(r"\w+", re.UNICODE)
OPEN, CLOSE = "\x02", "\x03"  # marks of a match, HTML-escaped safely, then made <mark>


@dataclass(frozen=True)
class Hit:
    url: str
    date: str
    title_html: str  # escaped, matches in <mark>
    snippet_html: str

    @property
    def day(self) -> datetime.date:
        return datetime.date.fromisoformat(self.date)


@dataclass(frozen=True)
class Results:
    query: str  # the words searched for, as understood
    total: int
    page: int
    pages: int
    hits: tuple[Hit, ...]


def words_of(query: str) -> list[str]:
    return WORD.findall(query[:MAX_QUERY])[:MAX_WORDS]


def match_expression(words: list[str]) -> str:
    """FTS5 MATCH text for `words`: all of them, the last as the start of a word too."""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


def open_index(path: Path) -> sqlite3.Connection:
    """The index, read-only (the server can never change it)."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def search(
    connection: sqlite3.Connection,
    query: str,
    *,
    lang: str | None = None,
    page: int = 1,
    per_page: int = 10,
) -> Results:
    words = words_of(query)
    if not words:
        return Results("", 0, 1, 0, ())
    expression = match_expression(words)
    where = "posts MATCH ?" + (" AND lang = ?" if lang else "")
    parameters: list[object] = [expression, *([lang] if lang else [])]
    total = connection.execute(f"SELECT count(*) FROM posts WHERE {where}", parameters).fetchone()[
        0
    ]
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    # Rank first, then make titles and snippets for the page's rows only: in one query SQLite
    # would make them for every match before sorting (twice the time on a common word).
    chosen = [
        int(row[0])
        for row in connection.execute(
            f"SELECT rowid FROM posts WHERE {where} ORDER BY rank LIMIT ? OFFSET ?",
            [*parameters, per_page, (page - 1) * per_page],
        )
    ]
    # Not ORDER BY rank again: FTS5 would score every match once more to sort ten rows (half
    # the time of an answer, bench/README.md); the order of `chosen` is the ranking.
    rows = {
        row[0]: row[1:]
        for row in connection.execute(
            f"SELECT rowid, url, date, highlight(posts, 0, '{OPEN}', '{CLOSE}'), "
            f"snippet(posts, 2, '{OPEN}', '{CLOSE}', '…', {SNIPPET_WORDS}), "
            f"snippet(posts, 1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_WORDS}) "
            f"FROM posts WHERE {where} AND rowid IN ({', '.join(map(str, chosen)) or '0'})",
            parameters,
        )
    }
    hits = tuple(
        Hit(
            url,
            date,
            _marked(title),
            _marked(body if OPEN in body or OPEN not in summary else summary),
        )
        for url, date, title, body, summary in (rows[rowid] for rowid in chosen if rowid in rows)
    )
    return Results(" ".join(words), total, page, pages, hits)


def _marked(text: str) -> str:
    return escape(text).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")
