"""`make check`: the owner's quick check of their own site, before releasing or publishing.

The declaration, the placeholders, a strict build with the production settings (the privacy
guard included) into a folder of its own, then every internal link and image of the result.
No Pelican import: the build runs as `make publish` runs it, in a process of its own.
"""

from __future__ import annotations

from .links import broken_links

__all__ = ["broken_links"]
