"""Name the file whose ``Template:`` the theme does not have, before Pelican trips on it.

Pelican finds out only when it writes the page, and stops the build with "[templates] unable to
load nowhere[.html] from [...]", naming the template but not the file that asks for it.
"""

from __future__ import annotations

import logging

from pelican.generators import PelicanTemplateNotFound

logger = logging.getLogger(__name__)


def _has_template(generator, name: str) -> bool:
    try:
        generator.get_template(name)
    except PelicanTemplateNotFound:
        return False
    return True


def report(generators) -> None:
    """On ``all_generators_finalized``: one error per file whose template is missing."""
    themed = [generator for generator in generators if hasattr(generator, "get_template")]
    if not themed:
        return
    found: set[str] = set()
    for content in themed[0].context.get("generated_content", {}).values():
        name = getattr(content, "template", None)
        if name is None or name in found or content.status == "draft":
            continue
        if _has_template(themed[0], name):
            found.add(name)
            continue
        logger.error(
            "%s: Template: %r: the theme has no %s.html; remove the line to use %s.html, "
            "or add %s.html to the theme's templates/",
            content.relative_source_path,
            name,
            name,
            content.default_template,
            name,
        )
        content.template = content.default_template  # the build fails; no second error
