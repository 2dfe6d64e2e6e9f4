"""Decide what the import writes: one Markdown file per post or page, the redirect table, the
list of files to copy and the report. Nothing here touches the disk (see writer.py)."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from slugify import slugify

from .attachments import Attachment, Attachments
from .blog import Blog
from .body import convert_body, convert_fragment, plain_text
from .document import render_document
from .leftovers import export_lines, item_notes
from .links import OldSite, file_path
from .permalinks import base_path, dominant_structure
from .redirect_table import RedirectTable
from .site_layout import RESERVED_SLUGS, SITE_PAGES, site_page_at
from .wxr import Export, Item, Term

# WordPress's own limit (wp_posts.post_name), well within the 255 bytes of a file name.
MAX_SLUG_BYTES = 200
_DRAFT_STATUSES = {
    "draft": "",
    "pending": "was pending review in WordPress; kept as a draft",
    "private": "was private in WordPress; kept as a draft so it is not published",
    "future": "was scheduled in WordPress; kept as a draft: publish it when it is due",
}
_SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
# What a cover (Image:) may be: the pictures plugin makes variants of these and stops the build
# on any other (plugins/pictures/plugin.py, RASTER_SUFFIXES).
COVER_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".avif"})


@dataclass(frozen=True)
class Options:
    posts_per_page: int = 10  # WordPress's "Blog pages show at most", for /page/N/ redirects


@dataclass
class Document:
    """One Markdown file to write, relative to content/."""

    path: str
    text: str
    item: Item
    kind: str  # "article" or "page"
    published: bool
    slug: str
    notes: list[str] = field(default_factory=list)
    cover: str = ""  # the featured image's address, for Image:
    cover_alt: str = ""  # its media library alt text, for Image_alt: (none: decorative)

    @property
    def address(self) -> str:
        """Where the site publishes it (pelicanconf.py's ARTICLE_URL and PAGE_URL)."""
        date = self.item.post_date
        if self.kind == "article" and date:
            return f"/{date:%Y}/{date:%m}/{self.slug}/"
        return f"/{self.slug}/"


@dataclass(frozen=True)
class TakenOver:
    """An old address of a post or page that the site's own page now answers."""

    path: str
    document: Document
    shown: str  # what the site shows there


@dataclass
class FileToCopy:
    """A file of the old blog that a post uses: the owner copies it to content/<path>."""

    url: str
    path: str
    used_by: list[str] = field(default_factory=list)


@dataclass
class Plan:
    documents: list[Document]
    redirects: RedirectTable
    files: dict[str, FileToCopy]  # by the old URL
    skipped: list[str]
    structure: str
    structure_share: tuple[int, int]
    export: Export
    taken_over: list[TakenOver] = field(default_factory=list)
    cards: int = 0  # embeds that became the site's embed cards
    leftovers: list[str] = field(default_factory=list)  # what the export held that the site lacks

    @property
    def changed(self) -> list[Document]:
        return [d for d in self.documents if d.notes]


def plan_import(export: Export, options: Options | None = None) -> Plan:
    options = options or Options()
    uploads = [i for i in export.items if i.post_type == "attachment" and i.attachment_url]
    site = OldSite.of_export(
        export.base_site_url, export.base_blog_url, export.link, [i.attachment_url for i in uploads]
    )
    base = base_path(export.blog_url)
    attachments = Attachments(
        (
            Attachment(
                i.post_id,
                i.attachment_url,
                i.title,
                i.post_parent,
                i.meta.get("_wp_attachment_image_alt", ""),
            )
            for i in uploads
        ),
        address=site.file_url,
    )
    renamed = _creators_resolved(export)
    for key, notes in _name_for_addresses(export).items():
        renamed[key] += notes
    chosen, skipped = _choose(export.items)
    docs = _place(chosen)
    for doc in docs:
        doc.notes += renamed.get(id(doc.item), [])
    table = RedirectTable(base)
    _note_shared_ids(docs)
    for doc in docs:
        if doc.published:
            table.add_content(doc.item, doc.kind, "{filename}/" + doc.path, site)
            table.add_old_slugs(doc.item, "{filename}/" + doc.path, site)
    structure, count, total = dominant_structure(
        [d.item for d in docs if d.kind == "article" and d.published], site, base
    )
    patterns = {i.post_id: i.content for i in export.items if i.post_type == "wp_block"}
    blog = Blog(site, attachments, table.content_target, patterns)
    files: dict[str, FileToCopy] = {}
    addresses: set[str] = set()  # of the files the posts use, here
    cards = 0
    for doc in docs:
        item = doc.item
        body = convert_body(
            item.content, post_id=item.post_id, blog=blog, footnotes=item.meta.get("footnotes", "")
        )
        doc.notes[:0] = body.notes
        cards += body.cards
        used = dict(body.files)
        if cover := _cover_image(doc, blog):
            used[cover.url] = cover.address
            if cover.shown:
                doc.cover, doc.cover_alt = cover.address, cover.alt
        for url, address in used.items():
            entry = files.setdefault(url, FileToCopy(url, file_path(address)))
            entry.used_by.append(item.label)
        addresses.update(used.values())
        doc.notes += item_notes(item, doc.kind)
        summary = convert_fragment(item.excerpt, blog) or body.teaser
        doc.text = render_document(_meta(export, doc, summary), body.markdown)
    taken_over = _taken_over(docs, table)
    _add_site_redirects(export, docs, table, site, options)
    leftovers = export_lines(export, [d.item for d in docs], attachments, addresses)
    return Plan(
        docs, table, files, skipped, structure, (count, total), export, taken_over, cards, leftovers
    )


def _taken_over(docs: list[Document], table: RedirectTable) -> list[TakenOver]:
    """Old addresses of posts and pages (/tags/, /archives/, /2012/...) where the site shows a
    page of its own: the redirect cannot be written there, so old links show the site's page."""
    by_target = {"{filename}/" + d.path: d for d in docs if d.published}
    found = []
    for path, entry in table.entries.items():
        doc = by_target.get(entry.target)
        if doc is None or "?" in path or path == doc.address:
            continue
        if shown := site_page_at(path):
            found.append(TakenOver(path, doc, shown))
            doc.notes.append(
                f"its old address {path} is {shown} now, so links to that address from "
                f"elsewhere show that page, not this one (at {doc.address})"
            )
    return found


@dataclass(frozen=True)
class Cover:
    """A post's featured image: its old URL, its address here, its alt text (may be empty)."""

    url: str
    address: str
    alt: str
    shown: bool = True  # False: a kind of picture a cover cannot be (the file is still listed)


def _cover_image(doc: Document, blog: Blog) -> Cover | None:
    """The post's featured image (its _thumbnail_id), for `Image:` and `Image_alt:`. WordPress
    shows a featured image with the media library's alt text only (wp_get_attachment_image), and
    with alt="" when there is none: the cover gets the same, decorative when there is none."""
    wanted = doc.item.meta.get("_thumbnail_id", "").strip()
    if not wanted or wanted == "0":
        return None
    attachment = blog.attachments.by_id.get(wanted)
    if attachment is None:
        doc.notes.append(
            f"its featured image (attachment {wanted}) is not in the export; it has none here"
        )
        return None
    address = blog.site.file_url(attachment.url)
    if address is None:
        doc.notes.append(
            f"its featured image is on another site ({attachment.url}); it has none here, "
            "as the site loads nothing from other hosts"
        )
        return None
    alt = " ".join(plain_text(attachment.alt).split())  # WordPress strips its tags too
    if PurePosixPath(urlsplit(address).path).suffix.lower() not in COVER_SUFFIXES:
        doc.notes.append(
            f"its featured image ({address}) is no JPEG, PNG, WebP or AVIF picture, which a "
            "cover here must be, so it has no cover: convert the file (listed under Files to "
            "copy) to one and name it in Image:"
        )
        return Cover(attachment.url, address, alt, shown=False)
    doc.notes.append(
        f"its featured image is its cover image here (Image: {address}), "
        + (
            f"described as in the media library (Image_alt: {alt})"
            if alt
            else "with no alt text, as the media library has none: it counts as decorative; "
            "add Image_alt: if it shows something the post does not say"
        )
    )
    return Cover(attachment.url, address, alt)


def _note_shared_ids(docs: list[Document]) -> None:
    """Old exports (WXR 1.0, 1.1) can give two items one wp:post_id: both are imported, and
    ?p=ID, which can lead to only one, leads to the first."""
    first: dict[str, Document] = {}
    for doc in docs:
        earlier = first.setdefault(doc.item.post_id, doc)
        if earlier is not doc:
            doc.notes.append(
                f"shares wp:post_id {doc.item.post_id} with {earlier.item.label} (an old "
                f"export); /?p={doc.item.post_id} leads to that one"
            )


def _name_for_addresses(export: Export) -> dict[int, list[str]]:
    """Pelican makes the address of a category, tag or author from its name, and a name with no
    letter or digit (“???”, “🙂”) gives none, which fails the build: such a name takes the
    WordPress slug (or login) instead. Returns the report's notes by item (id(item): two items
    of an old export can share a post id)."""
    notes: dict[int, list[str]] = defaultdict(list)
    authors = {}
    for login, author in list(export.authors.items()):
        if not slugify(author.display_name) and slugify(login):
            export.authors[login] = replace(author, display_name=login)
            authors[login] = (
                f"author “{author.display_name}” has no letter or digit for an address; "
                f"it is “{login}” here"
            )
    for item in export.items:
        kept: list[Term] = []
        for term in item.terms:
            what = {"category": "category", "post_tag": "tag"}.get(term.domain)
            slug = unquote(term.nicename)
            if what is None or slugify(term.name):
                kept.append(term)
            elif slugify(slug):
                kept.append(replace(term, name=slug))
                notes[id(item)].append(
                    f"{what} “{term.name}” has no letter or digit for an address; "
                    f"it is “{slug}” here"
                )
            else:
                notes[id(item)].append(
                    f"{what} “{term.name}” has no letter or digit for an address, nor a "
                    "WordPress slug; it was left out"
                )
        item.terms = kept
        if item.creator in authors:
            notes[id(item)].append(authors[item.creator])
    return notes


def _creators_resolved(export: Export) -> dict[int, list[str]]:
    """A dc:creator that is no author's login (a stray character, as in the Theme Unit Test's
    “>themereviewteam”) would get an author page of its own, at the address of the author it
    nearly names: it becomes the author whose login it is once slugified, if exactly one.
    Exports without an author list (WXR 1.0) name logins only. The report's notes by item."""
    notes: dict[int, list[str]] = defaultdict(list)
    if not export.authors:
        return notes
    by_slug: dict[str, list[str]] = defaultdict(list)
    for login in export.authors:
        by_slug[slugify(login)].append(login)
    for item in export.items:
        creator = item.creator
        if not creator or creator in export.authors:
            continue
        logins = by_slug.get(slugify(creator), [])
        if len(logins) == 1:
            item.creator = logins[0]
            notes[id(item)].append(
                f"its author “{creator}” is no author of the export; it is “{logins[0]}”, "
                "whose login it nearly is"
            )
        else:
            notes[id(item)].append(
                f"its author “{creator}” is none of the export's authors; kept as written, "
                "with an author page of its own"
            )
    return notes


def _choose(items: list[Item]) -> tuple[list[tuple[Item, bool, str]], list[str]]:
    """Posts and pages to import, whether each stays published, and why not if not."""
    chosen: list[tuple[Item, bool, str]] = []
    skipped: list[str] = []
    others: dict[str, int] = defaultdict(int)
    for item in items:
        if item.post_type not in ("post", "page"):
            if item.post_type not in ("attachment", "wp_block"):  # files; put in place
                others[item.post_type] += 1
            continue
        if item.status in _SKIPPED_STATUSES:
            skipped.append(f"{item.label} (WordPress status “{item.status}”)")
        elif item.status in _DRAFT_STATUSES:
            chosen.append((item, False, _DRAFT_STATUSES[item.status]))
        elif item.status == "publish" and item.post_type == "post" and not item.post_date:
            chosen.append((item, False, "had no date in the export; kept as a draft: add one"))
        elif item.password:
            chosen.append(
                (
                    item,
                    False,
                    "was protected by a password, which a static site cannot do; kept as a draft",
                )
            )
        elif item.status != "publish":  # none, or a plugin's own (Edit Flow's "pitch"...)
            why = (
                f"had WordPress status “{item.status}”" if item.status else "had no wp:status"
            ) + " in the export; kept as a draft: publish it when it is ready"
            chosen.append((item, False, why))
        else:
            chosen.append((item, True, ""))
    skipped += [
        f"{n} item(s) of type “{t}” (not posts or pages)" for t, n in sorted(others.items())
    ]
    return chosen, skipped


def _place(chosen: list[tuple[Item, bool, str]]) -> list[Document]:
    """Give every document a unique slug and file: articles/<slug>.md, pages/<slug>.md."""
    taken: dict[str, set[str]] = {"article": set(), "page": set()}
    next_number: dict[tuple[str, str], int] = {}
    docs: list[Document] = []
    for item, published, why in sorted(chosen, key=lambda c: (not c[1], int(c[0].post_id))):
        kind = "page" if item.post_type == "page" else "article"
        notes = [why] if why else []
        old_slug = unquote(item.post_name).lower()
        wanted = old_slug if usable_slug(old_slug) else slugify(old_slug, allow_unicode=True)
        wanted = _shortened(wanted or slugify(plain_text(item.title))) or f"post-{item.post_id}"
        if old_slug and wanted != old_slug:
            notes.append(f"its slug “{old_slug}” cannot be a file name here; it is “{wanted}” now")
        slug = wanted
        if kind == "page" and wanted in SITE_PAGES:
            notes.append(
                f"the site has its own {SITE_PAGES[wanted]} page: this old page is kept as a "
                "draft for reference and its address leads to the new page"
            )
            published, slug = False, f"wordpress-{wanted}"
        elif kind == "page" and (wanted in RESERVED_SLUGS or wanted.isdigit() or "." in wanted):
            slug = f"{wanted}-page"
        while slug in taken[kind]:  # from where the last clash of this name stopped
            next_number[kind, wanted] = next_number.get((kind, wanted), 1) + 1
            slug = f"{wanted}-{next_number[kind, wanted]}"
        if slug != wanted and wanted not in SITE_PAGES:
            notes.append(f"its address “{wanted}” is taken here; it is “{slug}” now")
        taken[kind].add(slug)
        folder = "pages" if kind == "page" else "articles"
        docs.append(Document(f"{folder}/{slug}.md", "", item, kind, published, slug, notes))
    return docs


def usable_slug(slug: str) -> bool:
    """Whether a WordPress slug can be a file name in content/ and a URL path segment as it is:
    letters, digits, - _ . and any other non-ASCII symbol (emoji), but no path, no hidden file."""
    return (
        bool(slug.strip("-_."))
        and len(slug.encode()) <= MAX_SLUG_BYTES
        and not slug.startswith(".")
        and all(c.isalnum() or c in "-_." or (ord(c) > 127 and c.isprintable()) for c in slug)
        and not any(c.isspace() for c in slug)
    )


def _shortened(slug: str) -> str:
    """At most MAX_SLUG_BYTES of UTF-8, cut between characters, with no dash left dangling."""
    return slug.encode()[:MAX_SLUG_BYTES].decode("utf-8", "ignore").strip("-")


def _meta(export: Export, doc: Document, summary: str) -> list[tuple[str, str]]:
    item = doc.item
    author = export.authors.get(item.creator)
    categories = [t for t in item.terms if t.domain == "category"]
    tags = [t.name for t in item.terms if t.domain == "post_tag"]
    title = plain_text(item.title)
    meta: list[tuple[str, str]] = [("Title", title or f"Untitled {item.post_id}")]
    if not title:
        doc.notes.append("had no title; it is called “Untitled” for now")
    if title != item.title:
        doc.notes.append(
            f"its title held HTML, which a title here does not render; it is “{title}” now"
        )
    if item.post_date:
        meta.append(("Date", item.post_date.strftime("%Y-%m-%d %H:%M")))
    if author or item.creator:
        meta.append(("Author", author.display_name if author else item.creator))
    if doc.kind == "article" and categories:
        meta.append(("Category", categories[0].name))
        if len(categories) > 1:
            extra = [c.name for c in categories[1:]]
            doc.notes.append(
                f"was also in categories {', '.join(extra)}; a post here has one category, "
                "so they became tags"
            )
            tags += extra
    if doc.kind == "article" and tags:
        meta.append(("Tags", _tag_list(_unique(tags))))
    if doc.cover:
        meta.append(("Image", doc.cover))
        meta.append(("Image_alt", doc.cover_alt))  # render_document leaves out an empty one
    meta.append(("Slug", doc.slug))
    meta.append(("Status", "published" if doc.published else "draft"))
    if summary:
        meta.append(("Summary", " ".join(summary.split())))
    return meta


def _tag_list(tags: list[str]) -> str:
    """Pelican splits Tags: on semicolons when there is one, else on commas: a tag such as
    “Smith, John” needs the semicolons (and a final one when it is alone). A semicolon in a
    name becomes a comma, which gives the tag the same address."""
    tags = [tag.replace(";", ",") for tag in tags]
    if not any("," in tag for tag in tags):
        return ", ".join(tags)
    return "; ".join(tags) + (";" if len(tags) == 1 else "")


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out


def _add_site_redirects(
    export: Export,
    docs: list[Document],
    table: RedirectTable,
    site: OldSite,
    options: Options,
) -> None:
    """Old archive, feed, attachment and pagination addresses that lead somewhere here."""
    published = [d for d in docs if d.published and d.kind == "article"]
    # Archives of the categories and tags that published posts use, named as the posts name them
    # (an export filtered in WordPress may not list every term in its channel).
    primary: dict[str, str] = {}  # category nicename -> name, where it is some post's category
    secondary: dict[str, str] = {}
    tags: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for doc in published:
        cats = [t for t in doc.item.terms if t.domain == "category"]
        for index, cat in enumerate(cats):
            (primary if index == 0 else secondary)[cat.nicename] = cat.name
            counts[("category", cat.nicename)] += 1
        for tag in (t for t in doc.item.terms if t.domain == "post_tag"):
            tags[tag.nicename] = tag.name
            counts[("tag", tag.nicename)] += 1
    pages_of = lambda n: math.ceil(n / options.posts_per_page)  # noqa: E731
    for nicename in dict.fromkeys([*primary, *secondary]):
        if nicename in primary:
            target = "{category}" + primary[nicename]
            feed = "{category_feed}" + primary[nicename]
        else:
            target, feed = "{tag}" + secondary[nicename], "{feed}atom"
        paths = _category_paths(export, nicename)
        table.add_archive(paths, target, feed, pages_of(counts[("category", nicename)]))
        if (category := export.categories.get(nicename)) and category.term_id:
            table.add(f"/?cat={category.term_id}", target, "category by id")
    for nicename, name in tags.items():
        target = "{tag}" + name
        pages = pages_of(counts[("tag", nicename)])
        table.add_archive([f"/tag/{nicename}/"], target, "{tag_feed}" + name, pages)
        table.add(f"/?tag={nicename}", target, "tag by slug")
    writers = {d.item.creator for d in published}
    for author in export.authors.values():
        if author.login in writers:
            table.add(f"/author/{author.login}/", "{author}" + author.display_name, "author")
            if author.author_id:
                table.add(
                    f"/?author={author.author_id}", "{author}" + author.display_name, "author by id"
                )
    table.add_feeds()
    for n in range(2, pages_of(len(published)) + 1):
        table.add(f"/page/{n}/", "{index}", "blog page")
        table.add(f"/?paged={n}", "{index}", "blog page")
    days = {d.item.post_date.date() for d in published if d.item.post_date}
    for day in sorted(days):
        table.add(f"/{day:%Y/%m/%d}/", f"/{day:%Y/%m}/", "day archive")
    for month in sorted({(day.year, day.month) for day in days}):
        table.add(
            f"/?m={month[0]:04d}{month[1]:02d}", f"/{month[0]:04d}/{month[1]:02d}/", "month archive"
        )
    by_id = {d.item.post_id: d for d in docs if d.published}
    for attachment_item in (i for i in export.items if i.post_type == "attachment"):
        parent = by_id.get(attachment_item.post_parent)
        if parent:
            target = "{filename}/" + parent.path
            path = site.own_path(attachment_item.link) if attachment_item.link else None
            if path:
                table.add(path, target, "attachment page", blog_relative=False)
            table.add(f"/?attachment_id={attachment_item.post_id}", target, "attachment page")
    for doc in docs:
        old_slug = unquote(doc.item.post_name).lower()
        if doc.kind == "page" and old_slug in SITE_PAGES and doc.item.status == "publish":
            if path := site.own_path(doc.item.link) if doc.item.link else None:
                table.add(path, SITE_PAGES[old_slug], "replaced page", blog_relative=False)
            for old in (f"/{old_slug}/", f"/?page_id={doc.item.post_id}"):
                table.add(old, SITE_PAGES[old_slug], "replaced page")


def _category_paths(export: Export, nicename: str) -> list[str]:
    """/category/child/ and, for a nested category, /category/parent/child/ too."""
    chain = [nicename]
    seen = {nicename}
    while (
        (parent := export.categories.get(chain[0])) and parent.parent and parent.parent not in seen
    ):
        chain.insert(0, parent.parent)
        seen.add(parent.parent)
    paths = [f"/category/{nicename}/"]
    if len(chain) > 1:
        paths.append("/category/" + "/".join(chain) + "/")
    return paths
