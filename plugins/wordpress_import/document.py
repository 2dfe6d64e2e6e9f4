"""The text of one Pelican Markdown file: metadata lines, a blank line, the body."""

from __future__ import annotations


def render_document(meta: list[tuple[str, str]], body: str) -> str:
    """Pelican reads `Key: value` lines up to the first blank line; values stay on one line."""
    lines = [f"{key}: {' '.join(value.split())}" for key, value in meta if value.strip()]
    return "\n".join(lines) + "\n\n" + body
