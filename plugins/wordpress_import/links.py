"""Tell the old blog's own URLs from everybody else's, and turn them into paths on the new site."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from .known import MIRROR_HOSTS


class OldSite:
    """The WordPress site the export came from: its hosts, and paths on them."""

    def __init__(self, *urls: str) -> None:
        self.hosts: set[str] = set()
        for url in urls:
            host = (urlsplit(url).hostname or "").lower()
            if host:
                bare = host.removeprefix("www.")
                self.hosts |= {bare, "www." + bare}

    def own_path(self, url: str) -> str | None:
        """The root-relative path (with query) of one of the blog's own URLs, else None.

        Relative URLs are the blog's own; so is a Jetpack image-CDN copy of one of its files.
        """
        url = url.strip()
        if not url or url.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
            return None
        parts = urlsplit(url if not url.startswith("//") else "https:" + url)
        host = (parts.hostname or "").lower()
        path = parts.path
        if host in MIRROR_HOSTS:
            mirrored_host, _, rest = path.lstrip("/").partition("/")
            if mirrored_host.lower() not in self.hosts:
                return None
            return "/" + rest  # the CDN's own query (resize=...) is not part of the file
        if host and host not in self.hosts:
            return None
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if not path.startswith("/"):
            path = "/" + path
        return path + (f"?{parts.query}" if parts.query else "")

    def is_third_party(self, url: str) -> bool:
        """An absolute URL on another host: loading it would tell that host about the reader."""
        url = url.strip()
        if url.startswith("//"):
            url = "https:" + url
        parts = urlsplit(url)
        return bool(parts.hostname) and self.own_path(url) is None


def file_path(path: str) -> str:
    """Where a root-relative URL path lives under content/: decoded, with . and .. resolved as a
    browser resolves them (never above the root; a backslash is a slash to it), without the
    leading slash. So the report never sends a file outside content/."""
    decoded = unquote(path.split("?", 1)[0]).replace("\\", "/")
    return posixpath.normpath("/" + decoded).lstrip("/")


def host_of(url: str) -> str:
    return (urlsplit(url if not url.startswith("//") else "https:" + url).hostname or "").lower()
