"""Line numbers for references found in a parsed tree.

Lexbor does not keep source positions, so each reference is found again in the
raw text: the attribute as written first (`src="..."`), then the bare value, then
its HTML-escaped form, then the host. A cursor walks forward so a URL used twice
gets two different lines. Only absolute URLs and signatures are located, which
keeps this off the path of clean pages.
"""

from __future__ import annotations

import html


class LineLocator:
    def __init__(self, source: bytes, first_line: int = 1, start: int = 0) -> None:
        self.source = source
        self.first_line = first_line
        self.cursor = start

    def line_at(self, offset: int) -> int:
        # Counting in C beats building a newline index for the few references a page has.
        return self.first_line + self.source.count(b"\n", 0, offset)

    def locate(self, value: str, attribute: str = "", host: str = "") -> int:
        """Line of the next occurrence of `value` (as attribute, raw, escaped), else of `host`."""
        for needle in _needles(value, attribute, host):
            encoded = needle.encode("utf-8", "replace")
            position = self.source.find(encoded, self.cursor)
            if position < 0:
                position = self.source.find(encoded)
            if position >= 0:
                self.cursor = position + len(encoded)  # the next reference is further on
                return self.line_at(position)
        return self.line_at(self.cursor)


def _needles(value: str, attribute: str, host: str) -> list[str]:
    value = value.strip()
    needles = []
    if attribute and value:
        needles += [f'{attribute}="{value}"', f"{attribute}='{value}'", f"{attribute}={value}"]
    if value:
        needles.append(value)
        escaped = html.escape(value, quote=True)
        if escaped != value:
            needles.append(escaped)
    if host:
        needles.append(host)
    return needles
