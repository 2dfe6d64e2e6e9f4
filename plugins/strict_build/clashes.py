"""Name both pages when two are written to one address.

Pelican stops such a build with 'Failed to overwrite ".../privacy/index.html" as Pelican has
already written to it previously (set `override=True` if intended)': it names neither of the
two sources, and its advice is for plugin authors. An owner meets it with a page whose slug is a
policy page's ("privacy"), an article whose title has no letters (an empty slug puts it on the
monthly archive's address), or two articles given the same ``Slug:``.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join

GENERATED = "a page the site generates (an archive, a list or a policy page)"


def _page_of(context: dict[str, Any]) -> Any:
    """The article or page a file is written for; None for a page the site generates."""
    return context.get("article") or context.get("page")


def _describe(item: Any, content_root: Path) -> tuple[str, str | None]:
    """How to name ``item``'s page to its owner, and its source file if it has one."""
    source = getattr(item, "source_path", None)
    if not source:
        return GENERATED, None
    relative = os.path.relpath(source, content_root)
    return f"{relative} (slug {getattr(item, 'slug', '')!r})", relative


class WrittenPages:
    """Remembers which page each file of the build was written for (``content_written``)."""

    def __init__(self, output: Path, content_root: Path) -> None:
        self.output, self.content_root = output, content_root
        self.by_file: dict[str, Any] = {}  # not the contexts, which would all stay in memory

    def __call__(self, path: str, context: dict[str, Any] | None = None, **_: Any) -> None:
        if path not in self.by_file:
            self.by_file[path] = _page_of(context or {})

    def explain(self, clash: Exception) -> str:
        """One line for Pelican's FileOverwriteFailedError: the address and both of its pages."""
        address, second = None, {}
        for frame, _ in traceback.walk_tb(clash.__traceback__):
            if frame.f_code.co_name == "_write_file" and "localcontext" in frame.f_locals:
                address = os.path.normpath(frame.f_locals["name"])  # Pelican's writer, inside
                second = frame.f_locals["localcontext"]
        if address is None:
            return f"build failed: {clash}"
        first = self.by_file.get(sanitised_join(str(self.output), address))
        first_name, first_source = _describe(first, self.content_root)
        second_name, second_source = _describe(_page_of(second), self.content_root)
        source = second_source or first_source
        fix = (
            f"give {source} another Slug:"
            if source
            else "give the *_SAVE_AS settings different values"
        )
        return f"{address} is written twice, for {first_name} and for {second_name}; {fix}"
