"""Block-editor blocks that hold no HTML of their own in the export.

Most blocks are stored as the HTML they show. Some are only a comment, `<!-- wp:name {...} /-->`,
which WordPress filled in each time the page was shown: the latest posts, a search box, the
archives, a calendar... There is nothing of them to carry across, so each is named in the
report. One kind holds a reference instead: `<!-- wp:block {"ref":N} /-->`, a reusable block
(a "synced pattern"), whose content is the export's item N of type wp_block: it is put in place.
"""

from __future__ import annotations

import json
import re
from collections import Counter

# A self-closing block comment. WordPress writes "<" and ">" in the attributes as \u003c and
# \u003e, so "[^>]*" stops at the comment's own end: each try is linear.
_SELF_CLOSING = re.compile(r"<!-- wp:([a-z][a-z0-9-]*(?:/[a-z][a-z0-9-]*)?)(\s[^>]*)?/-->")
# Blocks the import handles itself: the footnotes' list comes from the post's metadata.
_HANDLED = frozenset({"footnotes", "more", "nextpage"})
_MAX_DEPTH = 5  # a pattern inside a pattern...: deeper is a loop


def expand_blocks(raw: str, patterns: dict[str, str]) -> tuple[str, list[str]]:
    """The post's HTML with its reusable blocks in place, and notes of the blocks left out."""
    left_out: Counter[str] = Counter()
    notes: list[str] = []

    def replace(match: re.Match[str], depth: int) -> str:
        name = match.group(1)
        if name in _HANDLED:
            return match.group(0)
        if name != "block":
            left_out[name] += 1
            return ""
        ref = _reference(match.group(2) or "")
        if ref in patterns and depth < _MAX_DEPTH:
            return _SELF_CLOSING.sub(lambda m: replace(m, depth + 1), patterns[ref])
        notes.append(
            f"a reusable block (wp_block {ref or '?'}) is not in the export"
            + (" or holds itself" if ref in patterns else "")
            + "; it was left out"
        )
        return ""

    expanded = _SELF_CLOSING.sub(lambda m: replace(m, 0), raw)
    if left_out:
        names = ", ".join(f"{name} ({n})" if n > 1 else name for name, n in left_out.items())
        notes.append(
            f"left out blocks that WordPress filled in each time the page was shown ({names}): "
            "the export holds nothing of them"
        )
    return expanded, notes


def reusable_blocks_in(raw: str) -> list[str]:
    """The ids of the reusable blocks that a post's HTML puts in place."""
    refs = (_reference(m.group(2) or "") for m in _SELF_CLOSING.finditer(raw) if m[1] == "block")
    return [ref for ref in refs if ref]


def _reference(attributes: str) -> str:
    try:
        ref = json.loads(attributes.strip() or "{}").get("ref")
    except (ValueError, AttributeError):
        return ""
    return str(ref) if isinstance(ref, int | str) else ""
