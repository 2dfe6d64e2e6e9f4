"""WordPress's wpautop, done on the parsed tree: blank lines make paragraphs, single ones <br>.

Classic-editor posts are stored without <p> tags; WordPress adds them at display time. Doing it
on the tree rather than with WordPress's regular expressions keeps nested markup intact: only
runs of text and inline elements are wrapped, never a block element, and <pre> is left alone.
Block-editor posts (with <!-- wp:... --> comments) already carry their paragraphs, as WordPress
itself skips wpautop for them.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

# Elements that start a block of their own (WordPress's $allblocks, plus HTML5 ones).
BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "audio",
        "blockquote",
        "caption",
        "col",
        "colgroup",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "iframe",
        "legend",
        "li",
        "main",
        "map",
        "math",
        "menu",
        "nav",
        "noscript",
        "object",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "video",
        "script",
        "style",
    ]
)
# Containers whose loose text WordPress splits into paragraphs when it has blank lines.
_CONTAINERS = frozenset(
    ["blockquote", "div", "section", "article", "aside", "td", "th", "li", "dd", "figure"]
)
# Where text is kept as written: its line breaks are not <br>.
_VERBATIM = ["pre", "script", "style", "textarea", "code"]
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def uses_block_editor(raw: str) -> bool:
    return "<!-- wp:" in raw


def add_paragraphs(soup: BeautifulSoup) -> None:
    """Wrap loose text of the document (and of containers with blank lines) in paragraphs, then
    make every other line break in text a <br> (in an address, a list item, a table cell), as
    WordPress does everywhere but in <pre>."""
    _wrap_runs(soup, soup, always=True)
    for container in soup.find_all(_CONTAINERS):
        _wrap_runs(soup, container, always=False)
    for text in soup.find_all(string=_has_line_break):
        if text.parent is not None and not text.find_parent(_VERBATIM):
            _break_lines(soup, text)


def _has_line_break(text: str | None) -> bool:
    return text is not None and "\n" in text


def _break_lines(soup: BeautifulSoup, text: NavigableString) -> None:
    """A <br> for each line break in a text, but none where the break touches a block's edge
    (right after <li>, before </td>...), as WordPress's wpautop does."""
    lines = _LINE_BREAK.split(str(text))
    pieces: list[NavigableString | Tag] = []
    for index, line in enumerate(lines):
        if index:
            pieces.append(soup.new_tag("br"))
        if line:
            pieces.append(NavigableString(line))
    if not lines[-1] and _at_block_edge(text.next_sibling, text.parent):
        pieces.pop()
    if not lines[0] and pieces and _at_block_edge(text.previous_sibling, text.parent):
        pieces.pop(0)
    if pieces:
        text.replace_with(*pieces)
    else:
        text.extract()


def _at_block_edge(sibling: object, parent: Tag | None) -> bool:
    if sibling is None:
        return parent is None or parent.name in BLOCK or parent.name == "[document]"
    return isinstance(sibling, Tag) and sibling.name in BLOCK


def _wrap_runs(soup: BeautifulSoup, parent: Tag, *, always: bool) -> None:
    run: list[NavigableString | Tag] = []
    for child in [*parent.children, None]:
        if child is None or (isinstance(child, Tag) and child.name in BLOCK):
            if run:
                _replace_run(soup, run, always=always)
            run = []
        elif isinstance(child, (NavigableString, Tag)):
            run.append(child)


def _replace_run(soup: BeautifulSoup, run: list[NavigableString | Tag], *, always: bool) -> None:
    text_of_run = "".join(c if isinstance(c, NavigableString) else "" for c in run)
    if not always and not _PARAGRAPH_BREAK.search(text_of_run):
        return
    paragraphs: list[list[NavigableString | Tag]] = [[]]
    for node in run:
        if isinstance(node, NavigableString):
            pieces = _PARAGRAPH_BREAK.split(str(node))
            for index, piece in enumerate(pieces):
                if index:
                    paragraphs.append([])
                if piece:
                    paragraphs[-1].append(NavigableString(piece))
        else:
            paragraphs[-1].append(node)
    marker = soup.new_string("")
    run[0].insert_before(marker)
    for node in run:
        node.extract()
    for nodes in paragraphs:
        if any(_has_content(n) for n in nodes):
            marker.insert_before(_paragraph(soup, nodes))
    marker.extract()


def _paragraph(soup: BeautifulSoup, nodes: list[NavigableString | Tag]) -> Tag:
    """A <p> of the nodes; a newline left inside it is a line break, as WordPress renders it."""
    if isinstance(nodes[0], NavigableString):
        nodes[0] = NavigableString(str(nodes[0]).lstrip())
    if isinstance(nodes[-1], NavigableString):
        nodes[-1] = NavigableString(str(nodes[-1]).rstrip())
    p = soup.new_tag("p")
    for node in nodes:
        if not isinstance(node, NavigableString):
            p.append(node)
            continue
        for index, line in enumerate(_LINE_BREAK.split(str(node))):
            if index:
                p.append(soup.new_tag("br"))
            if line:
                p.append(NavigableString(line))
    return p


def _has_content(node: NavigableString | Tag) -> bool:
    return isinstance(node, Tag) or bool(str(node).strip())


def verses_to_paragraphs(soup: BeautifulSoup) -> None:
    """A block-editor verse is a <pre> for its line breaks, not code: it becomes a paragraph
    with <br>s, so it reads as a poem and keeps its bold and italics."""
    for verse in soup.find_all("pre", class_="wp-block-verse"):
        verse.name = "p"
        for text in verse.find_all(string=_has_line_break):
            _break_lines(soup, text)
