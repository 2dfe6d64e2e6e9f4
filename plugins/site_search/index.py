"""The search index: one SQLite FTS5 table of every post, written by the build, read by the inbox.

Titles, summaries, text and tags are searched (title and tags weigh most); the language, the
address and the date come back with each hit. The build keeps its own copy in the cache and
rewrites only the rows of posts that changed; the site gets a copy moved into place whole, so
the server never reads half an index. No Pelican here.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from pathlib import Path

FORMAT = 2  # also in SCHEMA's about table
TAG = re.compile(r"<[^>]+>")
SKIPPED = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# unicode61 folds case and, with remove_diacritics 2, accents: "Café" finds "cafe".
TOKENIZER = "unicode61 remove_diacritics 2"
SCHEMA = f"""
CREATE VIRTUAL TABLE posts USING fts5(
    title, summary, body, tags,
    lang UNINDEXED, url UNINDEXED, date UNINDEXED,
    tokenize = '{TOKENIZER}', prefix = '2 3 4'
);
-- Ranked by bm25 with title and tags weighing most (lang, url, date are not searched).
INSERT INTO posts(posts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 6.0, 0.0, 0.0, 0.0)');
CREATE TABLE about (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE digests (url TEXT PRIMARY KEY, digest TEXT, row INTEGER);
INSERT INTO about VALUES ('format', '2');
"""


class SearchIndexError(RuntimeError):
    """The index cannot be written; the message says where and why."""


@dataclass(frozen=True)
class Document:
    title: str
    url: str
    lang: str
    date: str  # ISO 8601, for the results page
    summary_html: str
    body_html: str
    tags: tuple[str, ...] = ()

    def digest(self) -> str:
        parts = (self.title, self.url, self.lang, self.date, self.summary_html, self.body_html,
                 *self.tags)  # fmt: skip
        return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()

    def row(self) -> tuple[str, ...]:
        return (
            text_of(self.title),
            text_of(self.summary_html),
            text_of(self.body_html),
            " ".join(self.tags),
            self.lang,
            self.url,
            self.date,
        )


def text_of(html: str) -> str:
    """What a reader sees of `html`, as plain text on one line."""
    return " ".join(unescape(TAG.sub(" ", SKIPPED.sub(" ", html))).split())


def fts5_missing() -> str | None:
    """Why this Python's SQLite cannot hold the index, or None."""
    try:
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute(f"CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='{TOKENIZER}')")
        finally:
            connection.close()
    except sqlite3.Error as error:
        return f"this Python's SQLite {sqlite3.sqlite_version} has no FTS5 ({error})"
    return None


def update_index(path: Path, documents: Iterable[Document]) -> int:
    """Bring the index at `path` up to `documents`: rows whose document changed (by a digest
    of what is indexed) are rewritten, others are left alone, gone ones deleted. A rebuild
    after one edit rewrites one row. Returns how many rows were written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    try:
        connection = sqlite3.connect(path)
        try:
            if not _is_current(connection):
                connection.close()
                path.unlink(missing_ok=True)
                connection = sqlite3.connect(path)
                connection.executescript(SCHEMA)
            known = dict(connection.execute("SELECT url, digest FROM digests"))
            rows = dict(connection.execute("SELECT url, row FROM digests"))
            seen = set()
            with connection:
                for doc in documents:
                    seen.add(doc.url)
                    digest = doc.digest()
                    if known.get(doc.url) == digest:
                        continue
                    if doc.url in rows:
                        connection.execute("DELETE FROM posts WHERE rowid = ?", (rows[doc.url],))
                    cursor = connection.execute(
                        "INSERT INTO posts (title, summary, body, tags, lang, url, date) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        doc.row(),
                    )
                    connection.execute(
                        "INSERT OR REPLACE INTO digests VALUES (?, ?, ?)",
                        (doc.url, digest, cursor.lastrowid),
                    )
                    written += 1
                for url in set(known) - seen:
                    connection.execute("DELETE FROM posts WHERE rowid = ?", (rows[url],))
                    connection.execute("DELETE FROM digests WHERE url = ?", (url,))
                    written += 1
                if written:
                    connection.execute("INSERT INTO posts(posts) VALUES ('optimize')")
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise SearchIndexError(f"{path}: cannot write the search index ({error})") from error
    return written


def _is_current(connection: sqlite3.Connection) -> bool:
    try:
        found = connection.execute("SELECT value FROM about WHERE name = 'format'").fetchone()
    except sqlite3.Error:
        return False
    return found is not None and found[0] == str(FORMAT)


def publish_index(cached: Path, destination: Path) -> None:
    """Copy the index into the site's bundle, whole, under a temporary name first; an index
    copied before and unchanged since (same size and time) is left alone."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = cached.stat()
    try:
        there = destination.stat()
        if (there.st_size, there.st_mtime_ns) == (source.st_size, source.st_mtime_ns):
            # Vouched for, not copied: a new change time tells strict-build's sweep that this
            # build wants the file (it deletes what a build neither wrote nor touched).
            os.utime(destination, ns=(there.st_atime_ns, there.st_mtime_ns))
            return
    except FileNotFoundError:
        pass
    temporary = destination.with_name(f".{destination.name}.{os.getpid()}")
    try:
        shutil.copy2(cached, temporary)  # with its time, which the next build compares
        os.chmod(temporary, 0o644)
        os.replace(temporary, destination)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise SearchIndexError(f"{destination}: cannot write the search index ({error})") from error
