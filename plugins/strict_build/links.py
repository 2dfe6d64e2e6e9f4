"""Name the page a broken ``{filename}`` or ``{static}`` link is written in.

Pelican reports such a link as "Unable to find '/articles/x.md', skipping url replacement.",
without the page that holds it; a link to a missing image is worse: Pelican first tries to read
the missing file as a static file and reports only "Cannot get modification stamp for ...", over
two lines and again without the page. Missing static files are dropped from the files to copy
(so Pelican's own link check reports them), and each unresolved link's record is rewritten to
name its page and the link as the owner wrote it.
"""

from __future__ import annotations

import logging
import os
import sys
from types import FrameType

from pelican.contents import Content

UNRESOLVED = "Unable to find '%s', skipping url replacement."


def drop_missing_static_links(generator) -> None:
    """On ``page_generator_finalized``: the last content is read, no static file yet."""
    links = generator.context.get("static_links")
    if links:
        missing = {path for path in links if not os.path.exists(os.path.join(generator.path, path))}
        links.difference_update(missing)


def name_the_linking_page(record: logging.LogRecord) -> bool:
    """A logging filter: rewrite Pelican's unresolved-link record to name the page and link."""
    if record.msg != UNRESOLVED:
        return True
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:  # up to Pelican's Content._link_replacer, which is logging
        content, match = frame.f_locals.get("self"), frame.f_locals.get("m")
        if isinstance(content, Content) and match is not None:
            record.msg = (
                "%s: the link {%s}%s leads to no file in the content folder; correct the path "
                "(from the content folder with a leading /, or from this file) or add the file"
            )
            record.args = (content.relative_source_path, match["what"], match["value"])
            break
        frame = frame.f_back
    return True
