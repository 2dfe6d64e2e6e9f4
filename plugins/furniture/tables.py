"""Wide tables in posts, readable on a phone: each one in a box that scrolls sideways by itself.

The box can take the keyboard's focus (tabindex="0"), so it scrolls with the arrow keys, and it
is a named region, so a screen reader says what it holds: the table's caption, else its column
headings. The theme's stylesheet draws the cue that there is more to the side. No Pelican here.
"""

from __future__ import annotations

import re
from html import escape, unescape

TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption\s*>", re.IGNORECASE | re.DOTALL)
HEADING = re.compile(r"<th\b[^>]*>(.*?)</th\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def _text(html: str) -> str:
    return " ".join(unescape(TAG.sub(" ", html)).split())


def label_of(table: str) -> str:
    caption = CAPTION.search(table)
    if caption and _text(caption.group(1)):
        return _text(caption.group(1))
    headings = [_text(found) for found in HEADING.findall(table)[:6]]
    return ", ".join(heading for heading in headings if heading)


def wrap_tables(html: str) -> str:
    """`html` (a post as Markdown made it) with every table put into a scrolling box."""
    if "<table" not in html.lower():
        return html

    def boxed(match: re.Match[str]) -> str:
        table = match.group(0)
        label = label_of(table)
        named = f' role="region" aria-label="{escape(label, quote=True)}"' if label else ""
        return f'<div class="table-scroll" tabindex="0"{named}>{table}</div>'

    return TABLE.sub(boxed, html)
