"""The export's uploaded files (attachments): found by id, by the post they belong to, by file.

Built once per import, so that a gallery or an image without alt text costs a lookup, not a
walk through every attachment of the blog.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote

# WordPress's resized copies: photo-300x200.jpg is a size of photo.jpg.
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")


@dataclass(frozen=True)
class Attachment:
    """An uploaded file as the export describes it."""

    post_id: str
    url: str
    title: str
    parent: str
    alt: str = ""  # the media library's alternative text (_wp_attachment_image_alt)


class Attachments:
    """All attachments of an export; `address` maps a file URL to its path on the new site."""

    def __init__(
        self, items: Iterable[Attachment], address: Callable[[str], str | None] | None = None
    ) -> None:
        self._address = address
        self.by_id: dict[str, Attachment] = {}
        self._by_parent: dict[str, list[Attachment]] = defaultdict(list)
        self._by_file: dict[str, Attachment] = {}
        for attachment in items:
            self.by_id[attachment.post_id] = attachment
            self._by_parent[attachment.parent].append(attachment)
            if address and (path := address(attachment.url)):
                self._by_file.setdefault(_file_key(path), attachment)

    def of_post(self, post_id: str) -> list[Attachment]:
        """The files uploaded to a post, in export order (a [gallery] without ids shows them)."""
        return self._by_parent.get(post_id, [])

    def for_file(self, path: str) -> Attachment | None:
        """The attachment a file on the new site is (or is a resized copy of)."""
        return self._by_file.get(_file_key(path))

    def unused(self, paths: Iterable[str]) -> list[Attachment]:
        """The attachments that none of these files on the new site is, nor a resized copy of."""
        exact = {_file_path(path) for path in paths}
        shown = {attachment.post_id for path in exact if (attachment := self.for_file(path))}
        return [
            attachment
            for attachment in self.by_id.values()
            if attachment.post_id not in shown
            and not (
                self._address
                and (path := self._address(attachment.url))
                and _file_path(path) in exact
            )
        ]

    def describe(self, path: str) -> tuple[str, str]:
        """Words for a file that has no alt text, and where they come from: the media library's
        alternative text, else the upload's title, else the file's name."""
        attachment = self.for_file(path)
        if attachment and attachment.alt.strip():
            return attachment.alt.strip(), "the media library's alternative text"
        if attachment and attachment.title.strip():
            return attachment.title.strip(), "the title of its upload"
        name = _SIZE_SUFFIX.sub("", unquote(path.split("?", 1)[0]).rstrip("/").rsplit("/", 1)[-1])
        words = " ".join(re.split(r"[-_\s]+", name.rsplit(".", 1)[0])).strip()
        return words or "image", "its file name"


def _file_key(path: str) -> str:
    return _SIZE_SUFFIX.sub("", _file_path(path))


def _file_path(path: str) -> str:
    return unquote(path.split("?", 1)[0]).lower()
