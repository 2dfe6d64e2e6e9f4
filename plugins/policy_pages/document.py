"""The structure every policy page is rendered from: documents, sections, blocks and spans.

Builders turn a Declaration into these frozen values; the theme's templates only
walk them, the coverage report reads which requirements each part meets, the
lint reads their words, and two releases are compared by comparing them. One
structure, so the page, the report and the drift check can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from declaration.errors import Loc


@dataclass(frozen=True)
class Declared:
    """Words taken from the declaration, with where they are written (for the lint's messages).

    `lint` is False for names, addresses and other values that are not sentences.
    """

    text: str
    loc: Loc
    lint: bool = True
    kind: ClassVar[str] = "declared"


@dataclass(frozen=True)
class Link:
    """A link. `href` is a site path ("privacy/history/"), a fragment ("#req-x") or a full URL."""

    text: str
    href: str
    kind: ClassVar[str] = "link"

    @property
    def site_path(self) -> bool:
        """True when the template must put SITEURL in front of `href`."""
        return not (self.href.startswith("#") or ":" in self.href.split("/")[0])


@dataclass(frozen=True)
class When:
    """A date, which the theme formats in the site's date format."""

    value: date
    kind: ClassVar[str] = "date"


Inline = str | Declared | Link | When
Spans = tuple[Inline, ...]


@dataclass(frozen=True, kw_only=True)
class Anchored:
    """A part of a page that can be linked to and can meet requirements.

    Its id is the explicit `anchor`, or `req-<first requirement met>`.
    """

    meets: tuple[str, ...] = ()
    anchor: str | None = None

    @property
    def id(self) -> str | None:
        if self.anchor:
            return self.anchor
        return f"req-{self.meets[0]}" if self.meets else None


@dataclass(frozen=True)
class Paragraph(Anchored):
    spans: Spans
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Bullets(Anchored):
    items: tuple[Spans, ...]
    kind: ClassVar[str] = "list"


@dataclass(frozen=True)
class Facts(Anchored):
    """Term and description pairs (a <dl>): the facts of one purpose, one address..."""

    rows: tuple[tuple[str, Spans], ...]
    kind: ClassVar[str] = "facts"


@dataclass(frozen=True)
class Row:
    cells: tuple[Spans, ...]
    anchor: str | None = None


@dataclass(frozen=True)
class Table(Anchored):
    caption: str
    head: tuple[str, ...]
    rows: tuple[Row, ...]
    kind: ClassVar[str] = "table"


@dataclass(frozen=True)
class Lines(Anchored):
    """Lines of a postal address, shown as one <address>."""

    lines: tuple[Spans, ...]
    kind: ClassVar[str] = "address"


Block = Paragraph | Bullets | Facts | Table | Lines


@dataclass(frozen=True)
class Section(Anchored):
    heading: str | Declared | When
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()
    heading_link: str | None = None  # a site path the heading links to (history entries)


@dataclass(frozen=True)
class Document:
    """One page: its title, its opening blocks and its sections.

    `meets` lists requirements the page meets as a whole (it exists, it is linked from
    every page); `url` is its site path, e.g. "privacy/".
    """

    key: str
    title: str
    url: str
    intro: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    meets: tuple[str, ...] = field(default=())
    # An unreleased declaration previewed by a development build: the page says so, asks search
    # engines not to index it, and claims no date.
    draft: bool = False
    # The page's language (the theme's <html lang>, the languages plugin's page_language) and,
    # as Pelican's articles have them, the same page in the site's other languages (lang-site's
    # hreflang links and switcher read both; see PolicySite.translations).
    lang: str = "en"
    translations: tuple[Document, ...] = field(default=(), compare=False, repr=False)

    def walk(self) -> Iterator[tuple[Anchored, tuple[Section, ...]]]:
        """Every block and section, depth first, with the sections it sits in."""
        for block in self.intro:
            yield block, ()
        for section in self.sections:
            yield from _walk(section, ())

    def ids(self) -> list[str]:
        """Every id on the page, in order (an id must occur once)."""
        found = [part.id for part, _ in self.walk() if part.id]
        for part, _ in self.walk():
            if isinstance(part, Table):
                found += [row.anchor for row in part.rows if row.anchor]
        return found


def _walk(
    section: Section, parents: tuple[Section, ...]
) -> Iterator[tuple[Anchored, tuple[Section, ...]]]:
    yield section, parents
    inside = (*parents, section)
    for block in section.blocks:
        yield block, inside
    for sub in section.subsections:
        yield from _walk(sub, inside)


def spans_of(part: Anchored) -> Iterator[Inline]:
    """The words of one block or section heading (not of its sub-parts)."""
    if isinstance(part, Section):
        yield part.heading
    elif isinstance(part, Paragraph):
        yield from part.spans
    elif isinstance(part, Bullets | Lines):
        for item in part.items if isinstance(part, Bullets) else part.lines:
            yield from item
    elif isinstance(part, Facts):
        for term, description in part.rows:
            yield term
            yield from description
    elif isinstance(part, Table):
        yield part.caption
        yield from part.head
        for row in part.rows:
            for cell in row.cells:
                yield from cell


def plain(span: Inline) -> str:
    """A span as plain text (dates in ISO form)."""
    if isinstance(span, str):
        return span
    if isinstance(span, When):
        return span.value.isoformat()
    return span.text


def text_of(part: Anchored | Document) -> str:
    """All the words of a part and everything inside it, as plain text, one line per line."""
    if isinstance(part, Document):
        return "\n".join([part.title, *map(text_of, part.intro), *map(text_of, part.sections)])
    if isinstance(part, Section):
        inner = [*map(text_of, part.blocks), *map(text_of, part.subsections)]
        return "\n".join([plain(part.heading), *inner])
    if isinstance(part, Paragraph):
        return _line(part.spans)
    if isinstance(part, Bullets | Lines):
        return "\n".join(
            _line(item) for item in (part.items if isinstance(part, Bullets) else part.lines)
        )
    if isinstance(part, Facts):
        return "\n".join(f"{term}: {_line(description)}" for term, description in part.rows)
    if isinstance(part, Table):
        rows = [" | ".join(part.head)] + [" | ".join(map(_line, row.cells)) for row in part.rows]
        return "\n".join([part.caption, *rows])
    return ""


def _line(spans: Spans) -> str:
    return "".join(plain(span) for span in spans)
