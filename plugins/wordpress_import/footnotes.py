"""The block editor's footnotes as Markdown footnotes ([^1] ... [^1]: text).

WordPress (6.3 and later) keeps a footnote's text out of the post: the post holds only the
numbered link, <sup data-fn="ID" class="fn"><a href="#ID">1</a></sup>, and the texts are a JSON
list in the post's `footnotes` metadata, which the footnotes block shows at the end. The site's
Markdown ("extra") has footnotes, so each link becomes [^N] and each text a definition.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString

from .soup import parse_html


@dataclass
class Footnotes:
    """The footnotes of one post, numbered in the order the text cites them."""

    texts: dict[str, str]  # id -> the footnote's HTML, from the metadata
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_meta(cls, meta: str) -> Footnotes:
        notes: list[str] = []
        texts: dict[str, str] = {}
        if meta.strip():
            try:
                entries = json.loads(meta)
            except ValueError:
                entries = None
            if not isinstance(entries, list):
                notes.append("its footnotes' texts could not be read from the export")
                entries = []
            for entry in entries:
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    texts[entry["id"]] = str(entry.get("content", ""))
        return cls(texts, notes=notes)

    def mark_citations(self, soup: BeautifulSoup) -> None:
        """Replace each numbered footnote link with its [^N] marker, and add the cited texts at
        the end as [^N]: definitions, to be cleaned and converted with the rest of the post."""
        numbers: dict[str, int] = {}
        for sup in soup.find_all("sup", attrs={"data-fn": True}):
            key = str(sup["data-fn"])
            if key not in self.texts:
                self.notes.append(
                    f"footnote {sup.get_text(strip=True)} has no text in the export; its number "
                    "was left as it was"
                )
                sup.attrs = {}
                continue
            numbers.setdefault(key, len(numbers) + 1)
            sup.replace_with(NavigableString(f"[^{numbers[key]}]"))
        for key, place in numbers.items():
            definition = parse_html(f"<p>[^{place}]: {self.texts[key]}</p>")
            soup.extend(list(definition.contents))
        if numbers:
            self.notes.append(f"{len(numbers)} footnote(s) became Markdown footnotes")
        if uncited := len(self.texts.keys() - numbers.keys()):
            self.notes.append(f"{uncited} footnote text(s) that the post never cites were left out")

    @staticmethod
    def drop_citations(soup: BeautifulSoup) -> None:
        """A summary shows no footnotes: their numbers would lead nowhere."""
        for sup in soup.find_all("sup", attrs={"data-fn": True}):
            sup.decompose()
