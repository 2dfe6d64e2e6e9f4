"""First-party scripts the guard knows by their exact bytes, so the transparency report can say
what each one does.

A script is named here only after review: it must store nothing and contact no host by itself.
The digest pins the reviewed bytes; any change to the file makes it an unknown script again
until it is reviewed and its digest updated (a test compares the embeds plugin's script with
this list).
"""

from __future__ import annotations

import hashlib

KNOWN: dict[str, str] = {
    # plugins/embeds/click-to-load.js, written as embeds/click-to-load.js; the transparency
    # report's template says in the page's language what each key does.
    "2d13a33bb5505056ebb2009805e879b65c1d7de4da3cbafaebfc42eb93130568": "click-to-load",
}


def describe(data: bytes) -> str | None:
    """The key of a reviewed script, or None for any other bytes."""
    return KNOWN.get(hashlib.sha256(data).hexdigest())
