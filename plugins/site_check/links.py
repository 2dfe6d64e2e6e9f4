"""Internal links and images of a built site that lead nowhere, named where the owner wrote them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

# Where a page points at another file of the site.
_TARGETS = (("a", "href"), ("img", "src"), ("link", "href"), ("source", "src"), ("script", "src"))
SOURCE_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".rst")


@dataclass(frozen=True)
class BrokenLink:
    """A link or image address that leads to no file, and the pages (site paths) showing it."""

    what: str  # "link" or "image"
    url: str  # as written in the page
    pages: tuple[str, ...]


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


def _site_path(page: str) -> str:
    """2026/02/oven/index.html -> /2026/02/oven/: the address a visitor knows."""
    return "/" + page.removesuffix("index.html")


def broken_links(output: Path, site_url: str = "") -> list[BrokenLink]:
    """Each internal link or image address that leads to no file, with the pages showing it."""
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
                pages = found.setdefault((what, url), [])
                if _site_path(relative) not in pages:
                    pages.append(_site_path(relative))
    return [BrokenLink(what, url, tuple(pages)) for (what, url), pages in sorted(found.items())]


def source_lines(content: Path) -> list[tuple[Path, list[str]]]:
    """Each source file in `content` with its lines: read once, however many links are broken."""
    sources = []
    for source in sorted(content.rglob("*")):
        if source.suffix.lower() not in SOURCE_SUFFIXES or not source.is_file():
            continue
        try:
            sources.append((source, source.read_text(encoding="utf-8").splitlines()))
        except (OSError, UnicodeDecodeError):
            continue
    return sources


def where_written(
    link: BrokenLink, sources: list[tuple[Path, list[str]]], site_url: str = ""
) -> list[str]:
    """`file:line` of each of the `sources` (source_lines) that writes the address, as the owner
    corrects it; none for an address the theme writes."""
    written = [link.url]
    if site_url and link.url.startswith(site_url):
        written.append(link.url[len(site_url.rstrip("/")) :])
    # The address as a whole token: (/prices/), "/prices/", [x]: /prices/ but not /prices/old/.
    token = re.compile("|".join(rf"(?<![\w/.%-]){re.escape(url)}(?![\w/.%-])" for url in written))
    return [
        f"{source}:{number}"
        for source, lines in sources
        for number, line in enumerate(lines, start=1)
        if token.search(line)
    ]


def link_problems(output: Path, content: Path, site_url: str = "") -> list[str]:
    """One line per broken address: at the source line that writes it, or, for one the theme
    writes, on the page that shows it first (by its address, never an output file)."""
    problems = []
    links = broken_links(output, site_url)
    sources = source_lines(content) if links else []
    for link in links:
        shown = f"{link.what} {link.url} goes nowhere in the built site"
        places = where_written(link, sources, site_url)
        if places:
            problems += [f"{place}: {shown}" for place in places]
        else:
            more = f" (and on {len(link.pages) - 1} more pages)" if len(link.pages) > 1 else ""
            problems.append(f"the theme, on {link.pages[0]}: {shown}{more}")
    return problems
