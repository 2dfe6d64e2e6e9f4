"""Name the template file and line where a build failed.

A typo in the theme (``{% if %}``, ``{{ article.title.nope() }}``) stops Pelican with Jinja's
message alone, "Expected an expression" or "'str object' has no attribute 'nope'", naming no
template. Jinja gives a syntax error its file and line, and writes each template's own file and
line into the traceback of an error raised while it renders.
"""

from __future__ import annotations

import traceback

from jinja2 import TemplateSyntaxError

TEMPLATE_SUFFIXES = (".html", ".htm", ".xml", ".txt", ".j2", ".jinja")


def in_template(failure: BaseException) -> str | None:
    """``file:line: reason; ...`` when ``failure`` happened in a template, else None."""
    if not isinstance(failure, Exception):  # Ctrl-C while a page renders is no template error
        return None
    if isinstance(failure, TemplateSyntaxError) and failure.filename:
        place = f"{failure.filename}:{failure.lineno}"
        reason = failure.message
    else:
        frames = [
            frame
            for frame in traceback.extract_tb(failure.__traceback__)
            if frame.filename.endswith(TEMPLATE_SUFFIXES)
        ]
        if not frames:
            return None
        place, reason = f"{frames[-1].filename}:{frames[-1].lineno}", str(failure)
    return f"{place}: {reason}; correct the template and build again"
