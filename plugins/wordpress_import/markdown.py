"""HTML to the site's Markdown (Python-Markdown with "extra"), through markdownify.

markdownify writes CommonMark habits that Python-Markdown reads differently, and drops what
Markdown has no syntax for; left as they are, both lose text without a word. So:

- lists are indented by four spaces (Python-Markdown's rule: with markdownify's two, a nested
  list or a code block in an item ends the list), and code inside a list item or a quote is an
  indented block (Python-Markdown reads fenced code only at the top level);
- what Markdown cannot say but HTML can (sub- and superscript, strike-through, marks, <details>,
  a table with a footer, merged cells or blocks in its cells) is written as HTML, which
  Markdown passes through; <details> with markdown="1", so its inside stays Markdown
  (the "extra" extension's md_in_html);
- a "|" in a table cell is escaped, or it would start a new cell;
- every element reduced to its bare text is named in a note for the report.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any

from bs4 import BeautifulSoup, Tag
from markdownify import ATX, MarkdownConverter


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")
# Text that Markdown would read as HTML: a tag-like "<word" or an entity-like "&name;".
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
_LINE_WITH_CONTENT = re.compile(r"^(.+)$", re.MULTILINE)
_INDENT = "    "  # Python-Markdown's tab length: what nests a block in a list item
_CELL_BLOCKS = _names(
    "p ul ol pre blockquote table figure div img br dl h1 h2 h3 h4 h5 h6 hr details audio video"
)
# Attributes worth keeping on what is written as HTML (the rest is the old theme's styling).
_KEPT_ATTRIBUTES = _names(
    """href src alt title colspan rowspan scope headers open controls poster width height
    datetime cite"""
)
# Elements markdownify writes as Markdown, or whose markup only styled the text: only these may
# be reduced to their text without a note.
_CONVERTED = _names(
    """[document] html body p br hr a b strong i em code kbd samp pre h1 h2 h3 h4 h5 h6 ul ol
    li blockquote img q dl dt dd figure figcaption div section article header footer main
    aside nav span font center big tt var time bdi bdo wbr picture source details summary
    address table thead tbody tfoot tr td th caption colgroup col audio video track"""
)
_KEPT_INLINE = {
    "sub": "sub",
    "sup": "sup",
    "del": "del",
    "s": "s",
    "strike": "s",
    "ins": "ins",
    "mark": "mark",
    "u": "u",
    "small": "small",
    "abbr": "abbr",
    "acronym": "abbr",  # obsolete in HTML5, the same meaning
    "cite": "cite",
    "dfn": "dfn",
}


# markdownify's stub declares only convert() and convert_soup(); its convert_<tag>() methods are
# its documented way to change what a tag becomes, so the base class is taken as untyped.
_MarkdownConverter: Any = MarkdownConverter


class _Converter(_MarkdownConverter):
    """markdownify, writing what Python-Markdown reads as the author meant it."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.notes: list[str] = []
        self.bare: Counter[str] = Counter()
        self._positions: dict[int, dict[int, int]] = {}  # list -> item -> its place

    def process_tag(self, node: Tag, parent_tags: set[str] | None = None) -> str:
        named = node.name in _CONVERTED or node.name in _KEPT_INLINE
        if not named and not hasattr(self, f"convert_{node.name}"):
            self.bare[node.name] += 1
        return str(super().process_tag(node, parent_tags))

    def escape(self, text: str, parent_tags: set[str]) -> str:
        """Keep text that looks like markup as text: "<Write to us>" must not become a tag."""
        text = super().escape(text, parent_tags)
        text = _TAG_LIKE.sub("&lt;", _ENTITY_LIKE.sub("&amp;", text))
        if "td" in parent_tags or "th" in parent_tags:
            text = text.replace("|", "\\|")  # or the cell would end there
        return text

    def convert_p(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "embed-placeholder" in (el.get("class") or []):
            return f"\n\n{el}\n\n"
        return str(super().convert_p(el, text, parent_tags))

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

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """An image in a heading stays an image (markdownify keeps only its alt text)."""
        if parent_tags & {"h1", "h2", "h3", "h4", "h5", "h6"}:
            parent_tags = parent_tags - {"_inline"}
        return str(super().convert_img(el, text, parent_tags))

    def _inline_html(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "_noformat" in parent_tags:
            return text
        prefix, suffix, text = _chomp(text)
        if not text:
            return ""
        tag = _KEPT_INLINE[el.name]
        title = f' title="{html.escape(str(el["title"]))}"' if el.get("title") else ""
        return f"{prefix}<{tag}{title}>{text}</{tag}>{suffix}"

    convert_sub = convert_sup = convert_del = convert_s = convert_strike = _inline_html
    convert_ins = convert_mark = convert_u = convert_small = convert_abbr = _inline_html
    convert_cite = convert_dfn = convert_acronym = _inline_html

    def convert_summary(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return f"\n\n<summary>{html.escape(el.get_text(' ', strip=True))}</summary>\n\n"

    def convert_details(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        opened = " open" if el.has_attr("open") else ""
        return f'\n\n<details markdown="1"{opened}>\n{text.strip()}\n\n</details>\n\n'

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = str(parent.get("start") or "1")
            bullet = f"{(int(start) if start.isdigit() else 1) + self._position(el)}. "
        else:
            bullet = "- "
        text = _LINE_WITH_CONTENT.sub(lambda m: _INDENT + m.group(1), text)
        text = bullet + text[len(_INDENT) :]
        # An item of several blocks makes the list loose: a blank line must end it, or
        # Python-Markdown reads the next item's bullet as the end of its last paragraph.
        return text + ("\n\n" if "\n\n" in text else "\n")

    def convert_list(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A list right after another one is kept apart by an empty comment: Python-Markdown
        would read the two (one of them numbered, say) as one list."""
        converted = str(super().convert_list(el, text, parent_tags))
        previous = el.previous_sibling
        while previous is not None and not isinstance(previous, Tag) and not str(previous).strip():
            previous = previous.previous_sibling
        if isinstance(previous, Tag) and previous.name in ("ul", "ol"):
            return "\n\n<!-- -->\n" + converted
        return converted

    convert_ul = convert_ol = convert_list

    def _position(self, item: Tag) -> int:
        """The item's place in its list, counted once per list (not once per item)."""
        parent = item.parent
        assert parent is not None
        places = self._positions.get(id(parent))
        if places is None:
            items = [child for child in parent.children if getattr(child, "name", None) == "li"]
            places = self._positions[id(parent)] = {id(li): n for n, li in enumerate(items)}
        return places.get(id(item), 0)

    def convert_pre(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if not (parent_tags & {"li", "blockquote", "dd"}):
            return str(super().convert_pre(el, text, parent_tags))
        text = text.strip("\n")
        if not text:
            return ""
        return "\n\n" + _LINE_WITH_CONTENT.sub(lambda m: _INDENT + m.group(1), text) + "\n\n"

    def convert_table(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        reason = _why_not_markdown(el)
        if reason is None:
            return str(super().convert_table(el, text, parent_tags))
        self.notes.append(f"a table {reason} was kept as HTML, which Markdown tables cannot say")
        return f"\n\n{_as_html(el)}\n\n"


def _chomp(text: str) -> tuple[str, str, str]:
    """A space on either side of an inline element's text belongs outside its markup."""
    return (" " if text.startswith(" ") else "", " " if text.endswith(" ") else "", text.strip())


def _why_not_markdown(table: Tag) -> str | None:
    """Why a table needs HTML, or None when a Markdown table says all of it: one header row of
    <th> cells first, plain text in every cell, no merged cells, no footer, no caption."""
    rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
    if not rows:
        return "without rows"
    if table.find("tfoot"):
        return "with a footer row"
    if table.find("caption"):
        return "with a caption"
    cells = [cell for row in rows for cell in row.find_all(["td", "th"], recursive=False)]
    if any(str(c.get("colspan", "1")) != "1" or str(c.get("rowspan", "1")) != "1" for c in cells):
        return "with merged cells"
    if any(cell.find(_CELL_BLOCKS) for cell in cells):
        return "with images, line breaks or blocks in its cells"
    widths = {len(row.find_all(["td", "th"], recursive=False)) for row in rows}
    if len(widths) > 1:
        return "with rows of different lengths"
    first, *others = rows
    if first.find("td", recursive=False) or any(row.find("th", recursive=False) for row in others):
        return "whose header is not exactly its first row"
    return None


def _as_html(el: Tag) -> str:
    """The element as HTML, with only the attributes that carry meaning, and no blank line
    (which would end an HTML block in Markdown)."""
    for node in [el, *el.find_all(True)]:
        node.attrs = {k: v for k, v in node.attrs.items() if k in _KEPT_ATTRIBUTES}
    return re.sub(r"\n\s*\n", "\n", str(el))


def to_markdown(soup: BeautifulSoup) -> tuple[str, list[str]]:
    """Markdown of a cleaned body (ATX headings, '-' bullets, no runs of blank lines), and notes
    of what could not be written as the author wrote it."""
    converter = _Converter(heading_style=ATX, bullets="-", strong_em_symbol="*")
    text = converter.convert_soup(soup)
    # Two trailing spaces are Markdown's hard line break: keep them, trim any other trailing blanks.
    lines = [ln if ln.endswith("  ") and ln.strip() else ln.rstrip() for ln in text.split("\n")]
    notes = converter.notes + [
        f"kept only the text of {count} <{name}> element(s), which Markdown has no form for"
        for name, count in sorted(converter.bare.items())
    ]
    return _EXTRA_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n", notes
