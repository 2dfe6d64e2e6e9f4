"""ISO 639 language codes, for checking site.languages, without pycountry's language objects.

pycountry.languages makes an object for each of its thousands of languages on first use, which
every build kept in memory to check one or two codes. The same codes, read from pycountry's own
data file, take one frozenset.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pycountry


@cache
def language_codes() -> frozenset[str]:
    """Every ISO 639-1 (two-letter) and ISO 639-3 (three-letter) code pycountry knows."""
    entries = json.loads((Path(pycountry.DATABASE_DIR) / "iso639-3.json").read_bytes())["639-3"]
    return frozenset(
        entry[key] for entry in entries for key in ("alpha_2", "alpha_3") if key in entry
    )
