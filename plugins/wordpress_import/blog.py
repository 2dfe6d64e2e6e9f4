"""What converting any one post needs to know about the old blog as a whole."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .attachments import Attachments
from .links import OldSite


@dataclass(frozen=True)
class Blog:
    site: OldSite
    attachments: Attachments
    resolve: Callable[[str], str | None]  # an old post's path -> its link here, when imported
    patterns: dict[str, str] = field(default_factory=dict)  # reusable blocks' HTML, by id
