"""One post's HTML, as WordPress stored it, to clean Markdown plus notes of what changed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import Comment

from .autop import add_paragraphs, uses_block_editor, verses_to_paragraphs
from .blocks import expand_blocks
from .blog import Blog
from .footnotes import Footnotes
from .markdown import to_markdown
from .shortcodes import ShortcodeExpander
from .soup import parse_html
from .trackers import BodyCleaner, CleanResult

_MORE = re.compile(r"<!--more(?:\s[^<>]*)?-->", re.I)  # [^<>]: each try stops at the next tag
_TAG = re.compile(r"<[a-zA-Z!/?]")


@dataclass
class Body:
    markdown: str
    teaser: str  # Markdown of the part before <!--more-->, "" without one
    notes: list[str]
    files: dict[str, str]  # the old blog's files it uses: old URL -> address here
    cards: int = 0  # embeds that became the site's embed cards


def convert_body(raw: str, *, post_id: str, blog: Blog, footnotes: str = "") -> Body:
    """Shortcodes → paragraphs (wpautop) → footnotes → trackers out → Markdown.

    WordPress runs wpautop before shortcodes; expanding them first into block HTML gives the same
    result without its shortcode_unautop clean-up. `footnotes` is the post's `footnotes`
    metadata, where the block editor keeps the footnotes' text.
    """
    raw, block_notes = expand_blocks(raw, blog.patterns)
    more = _MORE.search(raw)
    expander = ShortcodeExpander(post_id, blog.attachments)
    cleaner = BodyCleaner(blog)
    cited = Footnotes.from_meta(footnotes)
    markdown, converted = _convert(raw, expander, cleaner, cited)
    teaser = ""
    if more:
        expander_of_teaser = ShortcodeExpander(post_id, blog.attachments)
        teaser, _ = _convert(raw[: more.start()], expander_of_teaser, BodyCleaner(blog), None)
    return Body(
        markdown=markdown,
        teaser=teaser,
        notes=block_notes + expander.notes + cited.notes + converted.notes,
        files=converted.files,
        cards=expander.cards + converted.cards,
    )


def convert_fragment(raw: str, blog: Blog) -> str:
    """A short piece of HTML (an excerpt) to Markdown, trackers removed."""
    markdown, _ = _convert(raw, ShortcodeExpander("", blog.attachments), BodyCleaner(blog), None)
    return markdown


def plain_text(raw: str) -> str:
    """A title as text. WordPress lets a title hold HTML; a title here is printed as it is, so a
    script in one would run on every page that lists the post."""
    if not _TAG.search(raw):
        return raw
    soup = parse_html(raw)
    for element in soup.find_all(["script", "style"]):
        element.decompose()
    return " ".join(soup.get_text().split())


def _convert(
    raw: str, expander: ShortcodeExpander, cleaner: BodyCleaner, footnotes: Footnotes | None
) -> tuple[str, CleanResult]:
    block_editor = uses_block_editor(raw)
    soup = parse_html(expander.expand(raw))
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    soup.smooth()  # text split by a removed comment (<!--more-->) is one text again
    if block_editor:
        verses_to_paragraphs(soup)
    else:
        add_paragraphs(soup)
    if footnotes is None:
        Footnotes.drop_citations(soup)
    else:
        footnotes.mark_citations(soup)
    result = cleaner.clean(soup)
    for p in soup.find_all("p"):
        if not p.get_text(strip=True).strip("\xa0") and not p.find(True):
            p.decompose()  # the editor's empty <p>&nbsp;</p> spacers
    markdown, notes = to_markdown(soup)
    result.notes += notes
    return markdown, result
