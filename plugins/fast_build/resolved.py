"""Each article's HTML with its links resolved, remembered by digest from one build to the next.

Pelican resolves links to other pages ({filename}..., {static}...) with a regular expression
over the whole HTML, and a rebuild after one edit ran it on every article only to fingerprint
pages it then did not render (bench/README.md has the numbers). The result depends on the
HTML, on the site URL it is resolved for, and on the addresses of the site's files (and on the
settings, which the file is keyed by); when all of them are what a build before saw, the digest
of that build's result is the digest of this one's, and the regular expression need not run.

{attach} links move the file they point to when the article is resolved: a site with any is
resolved in full every time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

FORMAT = 1
NAME = "resolved-content.cache"  # not *.pickle: manifest.py prunes those


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class ResolvedContent:
    """Digests of resolved HTML: those the last build made, and those this build makes."""

    def __init__(self, cache: Path | None = None, site: bytes = b"") -> None:
        self.path = cache / "fast-build" / NAME if cache is not None else None
        self.site = site
        self.known: dict[tuple, bytes] = {}
        self.now: dict[tuple, bytes] = {}
        self._addresses: dict[int, bytes | None] = {}
        self._contexts: list[Any] = []  # keeps the ids in _addresses unique
        if self.path is not None:
            try:
                with open(self.path, "rb") as handle:
                    version, site_key, entries = pickle.load(handle)
            except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
                return
            if version == FORMAT and site_key == site:
                self.known = entries

    def digest(self, content: Any) -> bytes:
        """The digest of ``content.content``, worked out again only when something changed."""
        addresses = self._addresses_of(content._context)
        if addresses is None or hasattr(content, "_get_content"):
            return _digest(content.content)
        key = (_digest(content._content), content.get_siteurl(), addresses)
        found = self.known.get(key)
        if found is None:
            found = _digest(content.content)
        self.now[key] = found
        return found

    def _addresses_of(self, context: dict) -> bytes | None:
        """A digest of every file's address that a link can name; None when {attach} is used."""
        if id(context) not in self._addresses:
            self._contexts.append(context)
            generated = context.get("generated_content", {})
            if any("attach" in (getattr(c, "_content", None) or "") for c in generated.values()):
                self._addresses[id(context)] = None
            else:
                hasher = hashlib.blake2b(digest_size=16)
                for name in ("generated_content", "static_content"):
                    for path, linked in sorted(context.get(name, {}).items()):
                        # None: a file Pelican could not read (it has reported it already)
                        url = linked.url if linked is not None else ""
                        hasher.update(f"{name}\0{path}\0{url}\0".encode())
                self._addresses[id(context)] = hasher.digest()
        return self._addresses[id(context)]

    def save(self) -> None:
        """Keep this build's digests for the next build (written atomically)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{NAME}.{os.getpid()}.partial")
        with open(partial, "wb") as handle:
            pickle.dump((FORMAT, self.site, self.now), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, self.path)
