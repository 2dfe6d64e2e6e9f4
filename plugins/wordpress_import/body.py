"""One post's HTML, as WordPress stored it, to clean Markdown plus notes of what changed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment

from .autop import add_paragraphs, uses_block_editor
from .links import OldSite
from .markdown import to_markdown
from .shortcodes import Attachment, ShortcodeExpander
from .trackers import BodyCleaner

_MORE = re.compile(r"<!--more(?:\s[^>]*)?-->", re.I)
_TAG = re.compile(r"<[a-zA-Z!/?]")


@dataclass
class Body:
    markdown: str
    teaser: str  # Markdown of the part before <!--more-->, "" without one
    notes: list[str]
    files: list[str]


def convert_body(
    raw: str,
    *,
    post_id: str,
    attachments: dict[str, Attachment],
    site: OldSite,
    resolve: Callable[[str], str | None],
) -> Body:
    """Shortcodes → paragraphs (wpautop) → trackers out → Markdown.

    WordPress runs wpautop before shortcodes; expanding them first into block HTML gives the same
    result without its shortcode_unautop clean-up.
    """
    more = _MORE.search(raw)
    expander = ShortcodeExpander(post_id, attachments)
    cleaner = BodyCleaner(site, resolve)
    markdown, notes, files = _convert(raw, expander, cleaner)
    teaser = ""
    if more:
        teaser_raw = raw[: more.start()]
        teaser, _, _ = _convert(teaser_raw, ShortcodeExpander(post_id, attachments), cleaner)
    return Body(markdown=markdown, teaser=teaser, notes=expander.notes + notes, files=files)


def convert_fragment(raw: str, site: OldSite, resolve: Callable[[str], str | None]) -> str:
    """A short piece of HTML (an excerpt) to Markdown, trackers removed."""
    markdown, _, _ = _convert(raw, ShortcodeExpander("", {}), BodyCleaner(site, resolve))
    return markdown


def plain_text(raw: str) -> str:
    """A title as text. WordPress lets a title hold HTML; a title here is printed as it is, so a
    script in one would run on every page that lists the post."""
    if not _TAG.search(raw):
        return raw
    soup = BeautifulSoup(raw, "html.parser")
    for element in soup.find_all(["script", "style"]):
        element.decompose()
    return " ".join(soup.get_text().split())


def _convert(
    raw: str, expander: ShortcodeExpander, cleaner: BodyCleaner
) -> tuple[str, list[str], list[str]]:
    block_editor = uses_block_editor(raw)
    soup = BeautifulSoup(expander.expand(raw), "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    soup.smooth()  # text split by a removed comment (<!--more-->) is one text again
    if not block_editor:
        add_paragraphs(soup)
    result = cleaner.clean(soup)
    for p in soup.find_all("p"):
        if not p.get_text(strip=True).strip("\xa0") and not p.find(True):
            p.decompose()  # the editor's empty <p>&nbsp;</p> spacers
    return to_markdown(soup), result.notes, result.files
