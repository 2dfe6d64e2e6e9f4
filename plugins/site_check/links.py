"""Internal links and images of a built site that lead nowhere."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

# Where a page points at another file of the site.
_TARGETS = (("a", "href"), ("img", "src"), ("link", "href"), ("source", "src"), ("script", "src"))


def _own_path(url: str, page: str, site_url: str) -> str | None:
    """The site path `url` leads to, or None for another site, a mailto: or a fragment."""
    if site_url and url.startswith(site_url):
        url = url[len(site_url) :] or "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if not path.startswith("/"):
        path = os.path.normpath(os.path.join(os.path.dirname("/" + page), path))
    return path


def _exists(output: Path, path: str) -> bool:
    target = output / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target.is_file()


def _srcset(value: str) -> Iterator[str]:
    for candidate in value.split(","):
        if candidate.strip():
            yield candidate.split()[0]


def broken_links(output: Path, site_url: str = "") -> list[str]:
    """One line per internal link or image that leads to no file, named on its most specific
    page (an article's own, rather than every list that shows the article)."""
    found: dict[tuple[str, str], list[str]] = {}
    for page in sorted(output.rglob("*.html")):
        relative = page.relative_to(output).as_posix()
        if relative.startswith("."):
            continue  # the inbox's bundle: templates, not pages
        tree = LexborHTMLParser(page.read_bytes())
        urls = [
            (tag, node.attributes.get(attribute) or "")
            for tag, attribute in _TARGETS
            for node in tree.css(f"{tag}[{attribute}]")
        ]
        urls += [
            ("img", url)
            for node in tree.css("img[srcset], source[srcset]")
            for url in _srcset(node.attributes.get("srcset") or "")
        ]
        for tag, url in urls:
            path = _own_path(url.strip(), relative, site_url.rstrip("/"))
            if path is not None and not _exists(output, path):
                what = "image" if tag in ("img", "source") else "link"
                found.setdefault((what, url), []).append(relative)
    problems = []
    for (what, url), pages in found.items():
        shown = max(pages, key=lambda p: (p.count("/"), p))
        also = f" (and on {len(pages) - 1} more pages)" if len(pages) > 1 else ""
        problems.append(f"{shown}: {what} {url} goes nowhere in the built site{also}")
    return sorted(problems)
