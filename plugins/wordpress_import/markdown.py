"""HTML to Markdown through markdownify, keeping the few blocks Markdown cannot express as HTML."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from markdownify import ATX, MarkdownConverter

_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")
# Text that Markdown would read as HTML: a tag-like "<word" or an entity-like "&name;".
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


class _Converter(MarkdownConverter):
    """markdownify with our placeholders and local audio/video kept as raw HTML blocks."""

    def escape(self, text: str, parent_tags: set[str]) -> str:
        """Keep text that looks like markup as text: "<Write to us>" must not become a tag."""
        text = super().escape(text, parent_tags)  # type: ignore[misc]  # missing from the stub
        return _TAG_LIKE.sub("&lt;", _ENTITY_LIKE.sub("&amp;", text))

    def convert_p(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "embed-placeholder" in (el.get("class") or []):
            return f"\n\n{el}\n\n"
        return super().convert_p(el, text, parent_tags)  # type: ignore[misc]  # missing from the stub

    def convert_audio(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return f"\n\n{el}\n\n"

    convert_video = convert_audio

    def convert_figcaption(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = text.strip()
        if not text:
            return ""
        return f"\n\n*{text}*\n\n" if "*" not in text else f"\n\n{text}\n\n"

    def convert_iframe(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return ""  # trackers.py replaces every iframe first; never let one through


def to_markdown(soup: BeautifulSoup) -> str:
    """Markdown of a cleaned body: ATX headings, '-' bullets, no runs of blank lines."""
    converter = _Converter(heading_style=ATX, bullets="-", strong_em_symbol="*")
    text = converter.convert_soup(soup)
    # Two trailing spaces are Markdown's hard line break: keep them, trim any other trailing blanks.
    lines = [ln if ln.endswith("  ") and ln.strip() else ln.rstrip() for ln in text.split("\n")]
    return _EXTRA_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"
