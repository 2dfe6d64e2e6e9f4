"""Find the `<img>` elements of a post's HTML and put something better in their place.

Markdown's `![alt](photo.jpg)` becomes a plain `<img>`; each one that is not already inside a
`<picture>` is found here with its attributes, so the glue can ask for its variants and write a
`<picture>` instead. Pictures far enough down the post that a reader must scroll to them
(ABOVE_THE_FOLD characters of HTML, about a screenful) load lazily. No Pelican here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
PICTURE = re.compile(r"<picture\b.*?</picture\s*>", re.IGNORECASE | re.DOTALL)
# About a phone screen of text: a picture starting later than this is below the fold.
ABOVE_THE_FOLD = 800


@dataclass(frozen=True)
class FoundImage:
    start: int
    end: int
    attributes: dict[str, str]

    @property
    def src(self) -> str:
        return self.attributes.get("src", "")

    @property
    def alt(self) -> str:
        return self.attributes.get("alt", "")

    def above_the_fold(self) -> bool:
        return self.start < ABOVE_THE_FOLD


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def attributes_of(tag: str) -> dict[str, str]:
    parser = _Attributes()
    parser.feed(tag)
    parser.close()
    return parser.found


def find_images(html: str) -> list[FoundImage]:
    """Every `<img>` outside a `<picture>`, in document order."""
    if "<img" not in html and "<IMG" not in html:
        return []
    inside = [(m.start(), m.end()) for m in PICTURE.finditer(html)]
    found = []
    for match in IMG.finditer(html):
        if any(start <= match.start() < end for start, end in inside):
            continue
        found.append(FoundImage(match.start(), match.end(), attributes_of(match.group(0))))
    return found


def replace_images(
    html: str, images: list[FoundImage], render: Callable[[FoundImage], str | None]
) -> str:
    """`html` with each image replaced by what `render` gives (None: keep it, lazily loaded
    when it is below the fold)."""
    parts = []
    position = 0
    for image in images:
        parts.append(html[position : image.start])
        new = render(image)
        parts.append(new if new is not None else _lazy(html[image.start : image.end], image))
        position = image.end
    parts.append(html[position:])
    return "".join(parts)


def _lazy(tag: str, image: FoundImage) -> str:
    if image.above_the_fold() or "loading" in image.attributes:
        return tag
    attributes = {**image.attributes, "loading": "lazy"}
    written = "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())
    return f"<img{written}>"
