"""Tell the old blog's own URLs from everybody else's, and turn them into paths on the new site."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from .known import MIRROR_HOSTS

# A WordPress.com blog keeps its uploads on a host of their own: <blog>.files.wordpress.com.
WORDPRESS_COM_FILES = ".files.wordpress.com"
# Where the new site publishes the old blog's files: the folder WordPress itself used.
UPLOADS = "/wp-content/uploads"
_SLASHES = re.compile(r"/{2,}")
# Last parts that name a page rather than a file, though they hold a dot.
_PAGE_SUFFIXES = (".html", ".htm", ".php", ".asp", ".aspx", ".shtml")


class OldSite:
    """The WordPress blog the export came from: its hosts, its file hosts, and paths on them.

    The blog is `wp:base_blog_url` (and the channel's link). `wp:base_site_url` is the network
    the blog belongs to, which on WordPress.com is http://wordpress.com/ for every blog: its
    addresses are not the blog's own, so it only counts when the export names nothing else.
    """

    def __init__(self, *urls: str, file_hosts: Iterable[str] = ()) -> None:
        self.hosts: set[str] = set()
        for url in urls:
            host = (urlsplit(url).hostname or "").lower()
            if host:
                bare = host.removeprefix("www.")
                self.hosts |= {bare, "www." + bare}
        # The blog's own uploads on another host: <blog>.files.wordpress.com for
        # <blog>.wordpress.com, and any such host the export's attachments name.
        self.file_hosts: set[str] = {h.lower() for h in file_hosts}
        for host in self.hosts:
            if host.endswith(".wordpress.com") and not host.startswith("www."):
                self.file_hosts.add(host.removesuffix(".wordpress.com") + WORDPRESS_COM_FILES)

    @classmethod
    def of_export(
        cls, base_site_url: str, base_blog_url: str, link: str, attachment_urls: Iterable[str]
    ) -> OldSite:
        blog = [url for url in (base_blog_url, link) if url] or [base_site_url]
        file_hosts = {
            host for url in attachment_urls if (host := host_of(url)).endswith(WORDPRESS_COM_FILES)
        }
        return cls(*blog, file_hosts=file_hosts)

    def own_path(self, url: str) -> str | None:
        """The root-relative path (with query) of one of the blog's own URLs, else None.

        Relative URLs are the blog's own; so is a Jetpack image-CDN copy of one of its files and
        a file on its WordPress.com upload host. Runs of slashes are one, as servers read them:
        "//about/" written into a page would be a link to a host called "about".
        """
        url = url.strip()
        if not url or url.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
            return None
        parts = urlsplit(url if not url.startswith("//") else "https:" + url)
        host = (parts.hostname or "").lower()
        path = parts.path
        query = f"?{parts.query}" if parts.query else ""
        if host in MIRROR_HOSTS:
            mirrored_host, _, rest = path.lstrip("/").partition("/")
            if mirrored_host.lower() not in self.hosts | self.file_hosts:
                return None
            if mirrored_host.lower() in self.file_hosts:
                rest = UPLOADS.lstrip("/") + "/" + rest
            path, query = "/" + rest, ""  # the CDN's own query (resize=...) is not the file's
        elif host in self.file_hosts:
            path = UPLOADS + "/" + path.lstrip("/")
        elif host and host not in self.hosts:
            return None
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        return _SLASHES.sub("/", "/" + path) + query

    def file_url(self, url: str) -> str | None:
        """Where the new site publishes one of the old blog's files (see `file_address`)."""
        path = self.own_path(url)
        return file_address(path) if path is not None else None

    def is_third_party(self, url: str) -> bool:
        """An absolute URL on another host: loading it would tell that host about the reader."""
        url = url.strip()
        if url.startswith("//"):
            url = "https:" + url
        parts = urlsplit(url)
        return bool(parts.hostname) and self.own_path(url) is None


def file_address(path: str) -> str:
    """Where the new site publishes one of the old blog's files, given its old root-relative path.

    The files under wp-content/ keep their old address (the folder is published as it is);
    a blog in a subfolder (/blog/wp-content/...) has them at /wp-content/... now. Any other
    file (an old multisite's /files/..., a folder of its own) goes under wp-content/uploads/,
    so that every file the report lists is in a folder the build publishes, and none can land
    on one of the site's own addresses (/theme/, /tags/...).
    """
    resolved = posixpath.normpath("/" + path.split("?", 1)[0].replace("\\", "/")).lstrip("/")
    parts = resolved.split("/")
    if "wp-content" in parts[:-1]:
        return "/" + "/".join(parts[parts.index("wp-content") :])
    return UPLOADS + "/" + resolved


def file_path(path: str) -> str:
    """Where a root-relative URL path lives under content/: decoded, with . and .. resolved as a
    browser resolves them (never above the root; a backslash is a slash to it), without the
    leading slash. So the report never sends a file outside content/."""
    decoded = unquote(path.split("?", 1)[0]).replace("\\", "/")
    return posixpath.normpath("/" + decoded).lstrip("/")


def looks_like_file(path: str) -> bool:
    """Whether the last part of a path names a file (photo.jpg), not a page (about.html)."""
    last = path.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return "." in last.strip(".") and not last.lower().endswith(_PAGE_SUFFIXES)


def host_of(url: str) -> str:
    return (urlsplit(url if not url.startswith("//") else "https:" + url).hostname or "").lower()
