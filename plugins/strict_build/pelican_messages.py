"""Pelican's messages about a content file, rewritten to say how to fix the file.

"Skipping /abs/content/articles/x.md: could not find information about 'title'" and "Unknown
status 'garbage' for file /abs/..., skipping it. (Not in ('published', 'hidden', 'draft',
'skip'))" name the problem in Pelican's terms; the owner needs the field to write.
"""

from __future__ import annotations

import logging

MISSING = "Skipping %s: could not find information about '%s'"
UNKNOWN_STATUS = "Unknown status '%s' for file %s, skipping it. (Not in %s)"
STATUSES = "published, hidden, draft"  # Pelican's 'skip' is for plugins, not for owners


def _name(content: object) -> str:
    return getattr(content, "relative_source_path", None) or str(content)


def in_the_owners_terms(record: logging.LogRecord) -> bool:
    """A logging filter: rewrite the records above, leave any other as it is."""
    if record.msg == MISSING and len(record.args or ()) == 2:
        content, field = record.args  # type: ignore[misc]
        record.msg = "%s: no %s: line; add one at the top of the file"
        record.args = (_name(content), str(field).capitalize())
    elif record.msg == UNKNOWN_STATUS and len(record.args or ()) == 3:
        status, content, _ = record.args  # type: ignore[misc]
        record.msg = "%s: Status: %r is not one of %s; write one of them"
        record.args = (_name(content), status, STATUSES)
    return True
