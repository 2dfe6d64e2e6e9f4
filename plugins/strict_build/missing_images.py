"""Name the page that shows an image the site does not have.

An image written as a plain path (``![photo](/images/photo.jpg)``, not ``{static}``) is not
Pelican's concern: when the file is missing, the page is published with a broken image and no
word. Once every file is written, each article's and page's own images are looked for in it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

logger = logging.getLogger(__name__)

SOURCE = re.compile(
    r"<(?:img|source|video|audio|track|embed|iframe)\b[^>]*?\bsrc\s*=\s*([\"'])(.*?)\1",
    re.IGNORECASE | re.DOTALL,
)


def _missing(page_url: str, html: str, site: Path) -> list[str]:
    """The images of ``html`` (on the page at ``page_url``) that are not files of ``site``."""
    missing = []
    for _, written in SOURCE.findall(html):
        parts = urlsplit(written)
        if parts.scheme or parts.netloc or not parts.path or "{" in written:
            continue  # another host (the privacy guard's), or a {static} link (Pelican's)
        path = unquote(urlsplit(urljoin(page_url, written)).path).lstrip("/")
        target = site / path
        if not (target.is_file() or (target / "index.html").is_file()):
            missing.append(written)
    return missing


class MissingImages:
    """Remembers the content (``all_generators_finalized``), checks it on ``finalized``."""

    def __init__(self) -> None:
        self.context: dict[str, Any] = {}

    def remember(self, generators) -> None:
        if generators:
            self.context = generators[0].context

    def check(self, pelican) -> None:
        site = Path(pelican.output_path)
        for content in self.context.get("generated_content", {}).values():
            if content is None or content.status == "draft" or not content._content:
                continue
            for written in _missing("/" + content.url, content._content, site):
                logger.error(
                    "%s: the image %s is not in the site; put the file under content/ (in a "
                    "folder of STATIC_PATHS, such as images/) or correct the path",
                    content.relative_source_path,
                    written,
                )
