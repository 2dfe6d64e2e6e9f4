"""The old addresses of a WordPress blog and where each leads now: content/redirects.yml.

Targets are written in Pelican's own link syntax ({filename}, {category}, {tag}, {author},
{index}) plus {feed}rss / {feed}atom / {category_feed}Name / {tag_feed}Name, so that they follow
the site's URL settings: the redirects plugin resolves them when the site is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote

import yaml

from .links import OldSite
from .wxr import Item

_FEEDS = {
    "/feed/": "{feed}rss",
    "/feed/rss2/": "{feed}rss",
    "/feed/rss/": "{feed}rss",
    "/feed/rdf/": "{feed}rss",
    "/feed/atom/": "{feed}atom",
    "/?feed=rss2": "{feed}rss",
    "/?feed=rss": "{feed}rss",
    "/?feed=atom": "{feed}atom",
}
_HEADER = """\
# Old WordPress addresses and where each one leads now. Written by wp-import; edit freely.
#
# At build time the redirects plugin writes a small redirect page at every old path, and the
# matching server rules (_redirects for Netlify/Cloudflare, nginx-redirects.conf, .htaccess).
# Old addresses with a ?query (?p=123) can only be redirected by those server rules.
# A target is a path on this site, or Pelican's link syntax: {filename}/articles/x.md,
# {category}Name, {tag}Name, {author}Name, {index}; feeds are {feed}rss, {feed}atom,
# {category_feed}Name and {tag_feed}Name. An entry whose old address is already the new one
# is kept for the record and skipped.
"""


@dataclass(frozen=True)
class Entry:
    target: str
    kind: str


class RedirectTable:
    """Collects old path -> target; the first target given for a path wins."""

    def __init__(self, base: str) -> None:
        self.base = base  # the old blog's folder, "" when it lived at the root of its host
        self.entries: dict[str, Entry] = {}
        self._pages: set[str] = set()  # /x and /x/ are one redirect page: listed once
        self._content: dict[str, str] = {}

    def add(self, path: str, target: str, kind: str, *, blog_relative: bool = True) -> None:
        """Record one old address; `path` is relative to the blog's folder unless said not."""
        full = _decoded(self.base + path if blog_relative else path)
        page = _with_final_slash(full)
        if _unreachable(full) or page in self._pages:
            return
        self._pages.add(page)
        self.entries[full] = Entry(target, kind)

    def add_content(self, item: Item, kind: str, target: str, site: OldSite) -> None:
        """Every address a post or page had: its permalink, ?p=ID, the dated forms."""
        forms = [p for p in (site.own_path(item.link), site.own_path(item.guid)) if p]
        for path in forms:
            self.add(path, target, kind, blog_relative=False)
        self.add(f"/?p={item.post_id}", target, kind)
        if kind == "page":
            self.add(f"/?page_id={item.post_id}", target, kind)
        elif item.post_date and item.post_name:
            self.add(f"/{item.post_date:%Y/%m/%d}/{item.post_name}/", target, kind)
        for path in [*forms, f"{self.base}/?p={item.post_id}"]:
            self._content.setdefault(_key(path), target)

    def add_old_slugs(self, item: Item, target: str, site: OldSite) -> None:
        """WordPress sends a post's old slugs (_wp_old_slug, kept when a slug is changed) on to
        the post: its permalink with the old slug, and the dated form."""
        path = site.own_path(item.link) if item.link else None
        for old in item.old_slugs:
            if path and item.post_name:
                head, found, tail = path.rpartition(item.post_name)
                if found and tail in ("", "/"):
                    self.add(head + old + tail, target, "old slug", blog_relative=False)
            if item.post_date and item.post_type == "post":
                self.add(f"/{item.post_date:%Y/%m/%d}/{old}/", target, "old slug")

    def content_target(self, path: str) -> str | None:
        """Where a link to one of the old blog's posts should now point, if it was imported."""
        return self._content.get(_key(path))

    def add_archive(self, paths: list[str], target: str, feed: str, pages: int) -> None:
        """A category or tag archive, its feed and its /page/N/ pages."""
        for path in paths:
            self.add(path, target, "archive")
            self.add(f"{path}feed/", feed, "archive feed")
            for n in range(2, pages + 1):
                self.add(f"{path}page/{n}/", target, "archive page")

    def add_feeds(self) -> None:
        for path, target in _FEEDS.items():
            self.add(path, target, "feed")

    def render(self, source: str) -> str:
        lines = [_HEADER, f"# Imported from {source}.\n"]
        kinds = list(dict.fromkeys(entry.kind for entry in self.entries.values()))
        for kind in kinds:
            lines.append(f"\n# {kind}\n")
            for path, entry in self.entries.items():
                if entry.kind == kind:
                    pair = {path: entry.target}
                    lines.append(yaml.safe_dump(pair, allow_unicode=True, width=10_000))
        return "".join(lines)


def _decoded(path: str) -> str:
    """Paths are kept readable (UTF-8, not %-escaped); the query is left as it was."""
    path, sep, query = path.partition("?")
    return unquote(path) + sep + query


def _unreachable(path: str) -> bool:
    """A browser resolves /./ and /../ before it asks (and the redirects plugin refuses them);
    a backslash is no path separator on the web: such an old address is never requested."""
    if any(ord(c) < 32 or ord(c) == 127 for c in path):  # %0A decoded: no rule can hold it
        return True
    path = path.partition("?")[0]
    return "\\" in path or any(part in (".", "..") for part in path.split("/"))


def _key(path: str) -> str:
    """Compare paths the way a visitor's links differ: case and a missing final slash."""
    path, _, query = _decoded(path).partition("?")
    if query:
        params = parse_qs(query)
        wanted = {k: params[k] for k in ("p", "page_id") if k in params}
        query = "&".join(f"{k}={v[0]}" for k, v in sorted(wanted.items()))
    return _with_final_slash(path).lower() + (f"?{query}" if query else "")


def _with_final_slash(path: str) -> str:
    """/x is served as /x/ (its index.html), unless its last part names a file (x.html)."""
    path, sep, query = path.partition("?")
    if path and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        path += "/"
    return path + sep + query
