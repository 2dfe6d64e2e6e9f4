"""Read a WordPress export (WXR) into plain data, safely and with line numbers for every complaint.

lxml is used (not xml.etree) because every element keeps its source line, so a bad date or a
missing field can be reported at its line. Entity resolution, DTD loading and network access are
off, and any DOCTYPE is refused: WordPress never writes one, so its presence means a hostile or
hand-made file.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from lxml import etree
from slugify import slugify

from .errors import WxrImportError

_WP_NS = re.compile(r"^https?://wordpress\.org/export/1\.\d+/$")
_ANY_WP_NS = re.compile(r"^https?://wordpress\.org/export/([^/]+)/$")
_EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/1\.\d+/excerpt/$")
_CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_LXML_POSITION = re.compile(r",? line \d+, column \d+$")
_ZERO_DATE = "0000-00-00 00:00:00"
# Post metadata the import carries across: the featured image, the block editor's footnotes
# (their text is kept there, not in the post) and an image's alternative text.
USED_META = frozenset({"_thumbnail_id", "footnotes", "_wp_attachment_image_alt"})
_XML_DECLARATION = re.compile(rb"<\?xml[^>]*\?>")
_BLANKS = re.compile(rb"[ \t\r\n]*")
_BLANKS_BEFORE_DECLARATION = re.compile(rb"(\xef\xbb\xbf|)([ \t\r\n]+)(<\?xml[^>]*\?>)")


@dataclass(frozen=True)
class Term:
    """A category or tag as WordPress names it: `nicename` is its URL slug."""

    domain: str  # "category" or "post_tag" (or a custom taxonomy)
    nicename: str
    name: str


@dataclass(frozen=True)
class Author:
    login: str
    display_name: str
    author_id: str = ""


@dataclass
class Item:
    """One <item>: a post, a page, an attachment or something we skip (menus, revisions...)."""

    line: int
    post_id: str
    post_type: str
    status: str
    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    post_name: str
    post_date: datetime | None
    post_parent: str
    password: str
    attachment_url: str
    comments: int = 0
    sticky: bool = False  # pinned to the top of the blog's front page
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # the postmeta the import uses
    old_slugs: list[str] = field(default_factory=list)  # _wp_old_slug: WordPress redirected them
    custom_fields: list[str] = field(default_factory=list)  # visible postmeta the import drops
    hidden_fields: list[str] = field(default_factory=list)  # "_" postmeta of WordPress, plugins

    @property
    def label(self) -> str:
        """How the report and errors name this item: its title, or its id when it has none."""
        return f"“{self.title}”" if self.title else f"item {self.post_id}"


@dataclass(frozen=True)
class Category:
    term_id: str
    nicename: str
    name: str
    parent: str  # parent's nicename, "" at top level


@dataclass(frozen=True)
class Tag:
    term_id: str
    nicename: str
    name: str


@dataclass
class Export:
    source: str
    title: str
    description: str  # the blog's tagline
    link: str
    base_site_url: str
    base_blog_url: str
    language: str
    authors: dict[str, Author]
    categories: dict[str, Category]  # by nicename
    tags: dict[str, Tag]  # by slug
    items: list[Item]
    described_terms: int = 0  # categories and tags with a description, which is not imported

    @property
    def blog_url(self) -> str:
        return self.base_blog_url or self.link or self.base_site_url


def read_export(path: Path) -> Export:
    """Parse the export at `path`; raise WxrImportError with file and line on any problem."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WxrImportError(source, f"cannot read the export: {exc.strerror}") from None
    _refuse_what_is_not_xml(source, data)
    if (doctype := _doctype_in_prolog(data)) is not None:  # libxml2 would stop an entity bomb
        raise _doctype_refused(source, data.count(b"\n", 0, doctype) + 1)
    # huge_tree: a post may hold an image pasted as a data: URI, over libxml2's 10 MB limit for
    # one text; with no DTD and no entities the file's own size is what bounds the work.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    try:
        root = etree.fromstring(_declaration_first(data), parser)
    except etree.XMLSyntaxError as exc:
        detail = _LXML_POSITION.sub("", exc.msg or "unreadable XML")
        raise WxrImportError(
            source,
            f"the export is not well-formed XML ({detail}); it may be cut short or damaged: "
            "export it again from WordPress (Tools → Export → All content)",
            exc.lineno,
        ) from None
    if root.getroottree().docinfo.doctype:
        raise _doctype_refused(source, 1)
    _refuse_utf8_declared_otherwise(source, data, root.getroottree().docinfo.encoding)
    return _read_channel(source, root)


def _doctype_in_prolog(data: bytes) -> int | None:
    """Where a DOCTYPE starts in the prolog (after the declaration, blank space and comments), in
    any file whose encoding writes ASCII as ASCII; others are caught after parsing.

    A scan, not one regular expression: `(?:\\s|<!--.*?-->)*` backtracks exponentially over the
    thousands of comments a block-editor export holds after its generator comment."""
    at = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    at = _after_blanks(data, at)
    if declaration := _XML_DECLARATION.match(data, at):
        at = declaration.end()
    while True:
        at = _after_blanks(data, at)
        if data.startswith(b"<!--", at):
            end = data.find(b"-->", at + 4)
            if end < 0:
                return None  # an unclosed comment: the parser names the line
            at = end + 3
        elif data[at : at + 9].upper() == b"<!DOCTYPE":
            return at
        else:
            return None


def _after_blanks(data: bytes, at: int) -> int:
    blanks = _BLANKS.match(data, at)
    return blanks.end() if blanks else at


def _doctype_refused(source: str, line: int) -> WxrImportError:
    return WxrImportError(
        source,
        "the export has a DOCTYPE declaration, which WordPress never writes; "
        "refusing it to stay safe from entity tricks: export again from WordPress",
        line,
    )


def _refuse_what_is_not_xml(source: str, data: bytes) -> None:
    """Files often taken for the export, each with its own fix ("export again" helps none)."""
    start = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:15].lower()
    if not start:
        problem = "the file is empty; export again from WordPress (Tools → Export → All content)"
    elif data.startswith(b"\x1f\x8b"):
        problem = "the file is gzip-compressed; unpack it (gunzip) and import the .xml inside"
    elif data.startswith(b"PK\x03\x04"):
        problem = "the file is a zip archive; unzip it and import the .xml inside"
    elif start.startswith((b"<!doctype html", b"<html")):
        problem = (
            "the file is a web page, not a WordPress export (a login or error page saved by the "
            "browser?); export again from WordPress (Tools → Export) while logged in"
        )
    else:
        return
    raise WxrImportError(source, problem)


def _refuse_utf8_declared_otherwise(source: str, data: bytes, declared: str | None) -> None:
    """WordPress declares its blog_charset setting, which can disagree with a database that holds
    UTF-8: every accent would then be imported garbled (Café as CafÃ©). Text in a single-byte
    charset is practically never also valid UTF-8, so valid UTF-8 means the declaration is wrong.
    """
    if not declared or data.isascii():
        return
    try:
        if codecs.lookup(declared).name == "utf-8":
            return
        data.decode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return  # a charset lxml knows and Python does not, or text really in the declared one
    raise WxrImportError(
        source,
        f'the export declares encoding="{declared}" but its text is UTF-8, so every accent '
        f'would be garbled: change it to encoding="UTF-8" on this line and import again',
        1,
    )


def _declaration_first(data: bytes) -> bytes:
    """Put the <?xml ...?> declaration back in front of the blank lines a theme or plugin printed
    before it (a well-known WordPress fault that exporting again cannot cure). Swapping the two
    keeps every later element on its line, so complaints still name the right one."""
    found = _BLANKS_BEFORE_DECLARATION.match(data)
    if not found:
        return data
    bom, blanks, declaration = found.group(1, 2, 3)
    return bom + declaration + blanks + data[found.end() :]


def _read_channel(source: str, root: etree._Element) -> Export:
    ns = _namespaces(source, root)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise WxrImportError(
            source,
            "this is not a WordPress export: expected <rss><channel> as WordPress writes it "
            "(Tools → Export)",
            root.sourceline,
        )
    wp = ns["wp"]

    def text(el: etree._Element, tag: str) -> str:
        return _text(el.find(tag))

    authors: dict[str, Author] = {}
    for el in channel.findall(f"{{{wp}}}author"):
        login = text(el, f"{{{wp}}}author_login")
        name = _name(el.find(f"{{{wp}}}author_display_name")) or login
        authors[login] = Author(login, name, text(el, f"{{{wp}}}author_id"))
    described = 0
    categories: dict[str, Category] = {}
    for el in channel.findall(f"{{{wp}}}category"):
        described += bool(text(el, f"{{{wp}}}category_description"))
        nicename = text(el, f"{{{wp}}}category_nicename")
        categories[nicename] = Category(
            term_id=text(el, f"{{{wp}}}term_id"),
            nicename=nicename,
            name=_name(el.find(f"{{{wp}}}cat_name")) or nicename,
            parent=text(el, f"{{{wp}}}category_parent"),
        )
    tags: dict[str, Tag] = {}
    for el in channel.findall(f"{{{wp}}}tag"):
        described += bool(text(el, f"{{{wp}}}tag_description"))
        slug = text(el, f"{{{wp}}}tag_slug")
        name = _name(el.find(f"{{{wp}}}tag_name")) or slug
        tags[slug] = Tag(text(el, f"{{{wp}}}term_id"), slug, name)
    items = [_read_item(source, el, ns) for el in channel.findall("item")]
    return Export(
        source=source,
        title=_name(channel.find("title")),
        description=_name(channel.find("description")),
        link=text(channel, "link"),
        base_site_url=text(channel, f"{{{wp}}}base_site_url"),
        base_blog_url=text(channel, f"{{{wp}}}base_blog_url"),
        language=text(channel, "language"),
        authors=authors,
        categories=categories,
        tags=tags,
        items=items,
        described_terms=described,
    )


def _namespaces(source: str, root: etree._Element) -> dict[str, str]:
    uris = set(root.nsmap.values())
    wp = next((u for u in uris if u and _WP_NS.match(u)), None)
    other = next((m for u in uris if u and (m := _ANY_WP_NS.match(u))), None)
    if wp is None and other is not None:
        raise WxrImportError(
            source,
            f"the export is WXR {other.group(1)} ({other.group(0)}), a version this importer "
            "does not know (it reads WXR 1.x): export with a WordPress exporter that writes "
            "1.x, or ask for this version to be supported",
            root.sourceline,
        )
    if wp is None:
        raise WxrImportError(
            source,
            "this is not a WordPress export: the wp: namespace (http://wordpress.org/export/1.x/) "
            "is missing; export from WordPress (Tools → Export)",
            root.sourceline,
        )
    excerpt = next((u for u in uris if u and _EXCERPT_NS.match(u)), wp + "excerpt/")
    return {"wp": wp, "excerpt": excerpt}


def _read_item(source: str, el: etree._Element, ns: dict[str, str]) -> Item:
    wp = ns["wp"]

    def text(tag: str) -> str:
        return _text(el.find(tag))

    title = _name(el.find("title"))
    post_type = text(f"{{{wp}}}post_type")
    post_id = text(f"{{{wp}}}post_id")
    if not post_type or not post_id:
        missing = "wp:post_type" if not post_type else "wp:post_id"
        raise WxrImportError(
            source,
            f"item “{title}” has no {missing}; this does not look like WordPress output: "
            "export again from WordPress",
            el.sourceline,
        )
    if not post_id.isdigit():
        raise WxrImportError(
            source,
            f"item “{title}” has wp:post_id “{post_id}”, expected a whole number as WordPress "
            "writes it: fix the id in the export or export again",
            el.sourceline,
        )
    date_el = el.find(f"{{{wp}}}post_date")
    item = Item(
        line=el.sourceline or 0,
        post_id=post_id,
        post_type=post_type,
        status=text(f"{{{wp}}}status"),
        title=title,
        link=text("link"),
        guid=text("guid"),
        creator=text(f"{{{_DC_NS}}}creator"),
        content=text(f"{{{_CONTENT_NS}}}encoded"),
        excerpt=text(f"{{{ns['excerpt']}}}encoded"),
        post_name=text(f"{{{wp}}}post_name"),
        post_date=None,
        post_parent=text(f"{{{wp}}}post_parent") or "0",
        password=text(f"{{{wp}}}post_password"),
        attachment_url=text(f"{{{wp}}}attachment_url"),
        comments=len(el.findall(f"{{{wp}}}comment")),
        sticky=text(f"{{{wp}}}is_sticky") == "1",
    )
    item.post_date = _read_date(source, date_el, item)
    for meta in el.findall(f"{{{wp}}}postmeta"):
        key = text_of(meta, f"{{{wp}}}meta_key")
        if key in USED_META:
            item.meta[key] = text_of(meta, f"{{{wp}}}meta_value")
        elif key == "_wp_old_slug":  # WordPress sent a post's old slugs on to it
            old = text_of(meta, f"{{{wp}}}meta_value")
            if old and old not in item.old_slugs:
                item.old_slugs.append(old)
        else:
            fields = item.hidden_fields if key.startswith("_") else item.custom_fields
            if key not in fields:
                fields.append(key)
    item.terms = _terms(el)
    return item


def _terms(el: etree._Element) -> list[Term]:
    """The item's categories and tags. WXR 1.0 writes each one twice, once as a plain RSS
    <category> for feed readers and once with WordPress's domain and nicename, and calls tags
    "tag" rather than "post_tag": the plain copy is only used when there is no other."""
    terms: dict[tuple[str, str], Term] = {}
    plain: list[str] = []
    for cat in el.findall("category"):
        domain = cat.get("domain")
        if domain is None:
            plain.append(_name(cat))
            continue
        domain = "post_tag" if domain == "tag" else domain
        nicename = cat.get("nicename") or quote(slugify(_name(cat), allow_unicode=True)).lower()
        terms.setdefault((domain, nicename), Term(domain, nicename, _name(cat)))
    named = {term.name for term in terms.values()}
    for name in plain:
        if name and name not in named:
            nicename = quote(slugify(name, allow_unicode=True)).lower()
            terms.setdefault(("category", nicename), Term("category", nicename, name))
    return list(terms.values())


def _read_date(source: str, el: etree._Element | None, item: Item) -> datetime | None:
    """WordPress writes local time as 'YYYY-MM-DD HH:MM:SS'; drafts may carry all zeros."""
    value = _text(el)
    if not value or value == _ZERO_DATE:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise WxrImportError(
            source,
            f"{item.label} has wp:post_date “{value}”, expected YYYY-MM-DD HH:MM:SS: "
            "fix the date in the export (or in WordPress) and import again",
            el.sourceline if el is not None else item.line,
        ) from None


def _name(el: etree._Element | None) -> str:
    """A title or name: WordPress stores these HTML-escaped ("Caf&eacute; &amp; co")."""
    return html.unescape(_text(el))


def text_of(el: etree._Element, tag: str) -> str:
    return _text(el.find(tag))


def _text(el: etree._Element | None) -> str:
    """The element's full text (CDATA included), stripped; empty when the element is absent."""
    if el is None:
        return ""
    return "".join(el.itertext()).strip()
