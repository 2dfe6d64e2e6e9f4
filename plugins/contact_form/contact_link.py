"""Does an article already end with a link to the contact page?

The owner's first article ends with its own "Contact us!" link; the plugin adds one only to
articles that do not, so no article shows two. Works on the raw content, where links may still
be Pelican's ``{filename}`` references. It parses with selectolax (Lexbor), which the privacy
guard loads anyway: BeautifulSoup's html.parser took a large share of a big site's build, and
lxml, the parser before, added its memory to every build for this one check (bench/README.md).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

# A character reference other than the four that stand for characters no file name or URL part
# is made of here.
_REFERENCE = re.compile(r"&(?!amp;|lt;|gt;|quot;)")
_INTERNAL = re.compile(r"^(?:\{filename\}|\|filename\|)(?P<path>[^#?]*)")


def ends_with_link_to(
    html: str, article_source: str, page_source: str, page_url: str, siteurl: str
) -> bool:
    """True when the last block of ``html`` links to the page (by source file or by URL)."""
    tail = html[-4000:]
    if "<a" not in tail:  # no link near the end: skip parsing (most articles)
        return False
    if not _encoded(tail) and not any(name in tail for name in _names(page_source, page_url)):
        return False  # a link to the page names it, unless encoded: most articles do not
    last = _last_element(LexborHTMLParser(html, is_fragment=True).root)
    if last is None:
        return False
    links = [last] if last.tag == "a" else last.css("a")
    return any(
        _points_to(a.attributes.get("href") or "", article_source, page_source, page_url, siteurl)
        for a in links
    )


def _last_element(node: LexborNode | None) -> LexborNode | None:
    """The fragment's last top-level element (the parser gives its first node; text is skipped)."""
    last = None
    while node is not None:
        if node.is_element_node:
            last = node
        node = node.next
    return last


def _encoded(text: str) -> bool:
    """Whether ``text`` could spell a name without writing it: percent-encoding or a reference."""
    return "%" in text or ("&" in text and _REFERENCE.search(text) is not None)


def _names(page_source: str, page_url: str) -> tuple[str, ...]:
    """What any link to the page spells out: its file's name, or its URL's last part."""
    file_name = posixpath.basename(page_source)
    last_part = posixpath.basename(page_url.strip("/"))
    return tuple(name for name in (file_name, last_part) if name) or ("",)


def _points_to(
    href: str, article_source: str, page_source: str, page_url: str, siteurl: str
) -> bool:
    internal = _INTERNAL.match(href)
    if internal:
        target = unquote(internal["path"])
        if target.startswith("/"):
            target = target[1:]
        else:
            target = posixpath.join(posixpath.dirname(article_source), target)
        return posixpath.normpath(target) == posixpath.normpath(page_source)
    if siteurl and href.startswith(siteurl):
        href = href[len(siteurl) :]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:  # another site (SITEURL's own links were made relative)
        return False
    path = parts.path
    wanted = "/" + page_url.strip("/")
    path = "/" + path.strip("/").removesuffix("index.html").strip("/")
    return path == wanted or (not href.startswith("/") and path.endswith(wanted))
