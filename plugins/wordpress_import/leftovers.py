"""What an export holds that the site has no place for, worded for the report.

Nothing may vanish without a line in the report: the conversion of a post's text names its own
changes; this names the rest, post by post (a sticky flag, a post format, terms of other
taxonomies) and for the export as a whole (the blog's tagline, term descriptions, unused
uploads, custom fields, WordPress's own hidden fields, the page tree).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from .attachments import Attachments
from .blocks import reusable_blocks_in
from .wxr import Export, Item

# Taxonomies the site carries across: categories and tags (post formats are named on their own).
_KEPT_TAXONOMIES = frozenset({"category", "post_tag"})
_FORMAT = "post_format"
_SHOWN = 3  # examples named in a line about many things
_HASHED = re.compile(r"_[0-9a-f]{32}$")  # one field per cached embed: _oembed_<md5 of its URL>


def item_notes(item: Item, kind: str) -> list[str]:
    """The report's lines for what this post or page had that is not carried across."""
    notes = []
    if item.sticky and kind == "article":
        notes.append(
            "was sticky in WordPress (kept at the top of the front page); posts here are listed "
            "newest first"
        )
    formats = [t.name for t in item.terms if t.domain == _FORMAT]
    if formats and formats[0].lower() != "standard":
        notes.append(
            f"had the post format “{formats[0]}”, which the old theme showed in a style of its "
            "own; a post here looks like every other"
        )
    left_out: dict[str, list[str]] = defaultdict(list)  # by taxonomy
    for term in item.terms:
        if not _carried(term.domain, kind):
            left_out[term.domain].append(term.name)
    for taxonomy, names in left_out.items():
        if taxonomy in _KEPT_TAXONOMIES:  # on a page
            what, why = ("categories" if taxonomy == "category" else "tags"), "a page here has none"
        else:
            what, why = (
                f"terms of the taxonomy “{taxonomy}”",
                "the site has categories and tags only",
            )
        notes.append(f"its {what} {_quoted(names)} were left out: {why}")
    return notes


def export_lines(
    export: Export,
    imported: list[Item],
    attachments: Attachments,
    used_files: Iterable[str],
) -> list[str]:
    """The report's "Not imported" lines about the export as a whole."""
    lines = []
    if export.title or export.description:
        blog = " and ".join(
            f"{what} “{value}”"
            for what, value in (("title", export.title), ("tagline", export.description))
            if value
        )
        lines.append(
            f"the blog's {blog}: the site's name comes from content/privacy.yml (site.name), its "
            "tagline from SITESUBTITLE in pelicanconf.py"
        )
    if export.described_terms:
        lines.append(
            f"the descriptions of {export.described_terms} categories and tags: the site's "
            "category and tag pages list their posts only"
        )
    if unused := attachments.unused(used_files):
        names = [a.url.rstrip("/").rsplit("/", 1)[-1] for a in unused]
        lines.append(
            f"{len(unused)} uploaded file(s) that no imported post or page shows (such as "
            f"{', '.join(names[:_SHOWN])}): not listed under Files to copy; copy them under "
            "content/wp-content/uploads/ too if you want them on the site"
        )
    unused_blocks = _unused_reusable_blocks(export, imported)
    if unused_blocks:
        lines.append(
            f"{len(unused_blocks)} reusable block(s) that no imported post uses (such as "
            f"{_quoted(unused_blocks[:_SHOWN])}): those in use are put in place in the posts"
        )
    fields = Counter(name for item in imported for name in item.custom_fields)
    if fields:
        counted = ", ".join(f"“{name}” ({n} post(s))" for name, n in fields.most_common())
        lines.append(
            f"custom fields, which some themes show beside a post: {counted}; copy into a "
            "post's text what its readers should see"
        )
    hidden = list(dict.fromkeys(_HASHED.sub("_…", n) for i in imported for n in i.hidden_fields))
    if hidden:
        lines.append(
            f"{len(hidden)} kind(s) of hidden field that WordPress and its plugins keep on posts "
            f"(such as {', '.join(hidden[:_SHOWN])}): settings of the old site, not content"
        )
    pages = {item.post_id for item in imported if item.post_type == "page"}
    children = [i for i in imported if i.post_type == "page" and i.post_parent in pages]
    if children:
        lines.append(
            f"the page tree: {len(children)} page(s) sat under a parent page; here every page "
            "is at /its-slug/, and their old nested addresses redirect there"
        )
    return lines


def _unused_reusable_blocks(export: Export, imported: list[Item]) -> list[str]:
    """Titles of the reusable blocks (items of type wp_block) that no imported post uses, even
    through another block."""
    blocks = {i.post_id: i for i in export.items if i.post_type == "wp_block"}
    used: set[str] = set()
    texts = [item.content for item in imported]
    while texts:
        for ref in reusable_blocks_in(texts.pop()):
            if ref in blocks and ref not in used:
                used.add(ref)
                texts.append(blocks[ref].content)
    return [b.title or f"item {b.post_id}" for ref, b in blocks.items() if ref not in used]


def _carried(taxonomy: str, kind: str) -> bool:
    """Whether a term is on the post here (a post format is named on its own)."""
    return taxonomy == _FORMAT or (taxonomy in _KEPT_TAXONOMIES and kind == "article")


def _quoted(names: list[str]) -> str:
    return ", ".join(f"“{name}”" for name in names)
