"""BeautifulSoup for post bodies, with edits that cost the same however long the post is.

BeautifulSoup finds an element's place among its siblings (for every extract, replace_with,
insert_before...) by scanning its parent's children from the first. A block-editor post holds
thousands of top-level blocks and comments, and the importer edits them one after another, so
each edit rescanned the whole post: an import took minutes instead of seconds. Edits here come
in document order (forwards or, in `smooth`, backwards), so the search starts from the place
of the previous one and looks outwards: the next is almost always within a step or two.
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup, PageElement, Tag


class _NearbyIndex:
    """`Tag.index` that searches outwards from the previous answer."""

    contents: list[PageElement]
    _last_index = 0

    def index(self, element: PageElement) -> int:
        contents = self.contents
        count = len(contents)
        start = min(self._last_index, count - 1)
        for distance in range(count):
            for position in (start + distance, start - distance):
                if 0 <= position < count and contents[position] is element:
                    self._last_index = position
                    return position
        raise ValueError("Tag.index: element not in tag")


class _Tag(_NearbyIndex, Tag):
    pass


class _Soup(_NearbyIndex, BeautifulSoup):
    pass


def parse_html(text: str, **kwargs: Any) -> BeautifulSoup:
    """Parse a fragment with html.parser (as the importer always has), fast to edit."""
    return _Soup(text, "html.parser", element_classes={Tag: _Tag}, **kwargs)
