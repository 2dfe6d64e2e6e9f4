"""Turn each paragraph that holds nothing but a provider's link into an embed card.

Works on the HTML any reader produced (Markdown writes a bare link on its own line as
<p>URL</p>, <URL> as <p><a href="URL">URL</a></p>; reStructuredText likewise), so the WordPress
importer only has to write the link on its own line. `{click-to-load}` after the link asks for
the real player behind a click.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape

from .providers import Embed, recognise

CLICK_TO_LOAD = "{click-to-load}"
_PARAGRAPH = re.compile(
    r"<p>\s*(?:<a\b[^>]*?\bhref=\"(?P<href>[^\"]+)\"[^>]*>(?P<text>[^<]+)</a>"
    r"|(?P<bare>https?://[^\s<>\"]+))(?P<marker>\s+\{click-to-load\})?\s*</p>"
)


@dataclass(frozen=True)
class Found:
    """One embed in a page: what it is, whether it asks for the player, where it was written."""

    embed: Embed
    click_to_load: bool
    source: str  # the link as the author wrote it


Render = Callable[[Found], str]


def find_embeds(html: str) -> list[Found]:
    return [found for _match, found in _matches(html)]


def replace_embeds(html: str, render: Render) -> str:
    """`html` with every embed paragraph replaced by what `render` makes of it."""
    if "://" not in html:
        return html
    pieces, last = [], 0
    for match, found in _matches(html):
        pieces += [html[last : match.start()], render(found)]
        last = match.end()
    if not pieces:
        return html
    pieces.append(html[last:])
    return "".join(pieces)


def _matches(html: str) -> list[tuple[re.Match[str], Found]]:
    found = []
    for match in _PARAGRAPH.finditer(html):
        if match.group("href") is not None:
            href, text = unescape(match.group("href")), unescape(match.group("text")).strip()
            if href != text:
                continue  # a link with its own words is the author's link, not an embed
            url = href
        else:
            url = unescape(match.group("bare"))
        embed = recognise(url)
        if embed is not None:
            found.append((match, Found(embed, bool(match.group("marker")), url)))
    return found


_SOURCE_LINE = re.compile(r"^\s*<?(https?://[^\s<>]+?)>?(?:\s+\{click-to-load\})?\s*$")


def links_in_source(text: str) -> list[tuple[int, Embed]]:
    """(line number, embed) for each line of a source file that is a provider's link alone."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        match = _SOURCE_LINE.match(line)
        if match and (embed := recognise(match.group(1))) is not None:
            found.append((number, embed))
    return found
