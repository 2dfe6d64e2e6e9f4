"""Report, on every build, a category, tag or author whose name makes an empty address.

Pelican warns 'Unable to generate valid slug for Category "🎉"' once, when it first reads the
file, without naming the file. The content cache then keeps the parsed file with its empty slug,
so the next build says nothing and publishes the category's page at ``category/index.html``.
This check runs on the content of every build, cached or not, names the file and the field,
and replaces Pelican's warning, so one mistake is reported once.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

PELICANS_WARNING = 'Unable to generate valid slug for %s "%s".'
FIELDS = (("category", "Category:"), ("tags", "Tags:"), ("authors", "Author:"))


def without_pelicans_warning(record: logging.LogRecord) -> bool:
    """A filter for the ``pelican.urlwrappers`` logger: ``report`` says it better."""
    return record.msg != PELICANS_WARNING


def report(generators) -> None:
    """On ``all_generators_finalized``: one error per field whose address would be empty."""
    context = generators[0].context if generators else {}
    for content in context.get("generated_content", {}).values():
        if content is None:  # a file Pelican could not read, reported already
            continue
        for attribute, field in FIELDS:
            value = getattr(content, attribute, None) or []
            for item in value if isinstance(value, list) else [value]:
                if not item.slug:
                    logger.error(
                        "%s: %s %r has no letters or digits, so its page would have no "
                        "address; use some in it",
                        content.relative_source_path,
                        field,
                        item.name,
                    )
