"""The one error type for bad input, so the CLI can print one line and exit 2."""

from __future__ import annotations

from plugin_support import DiscreetError


class WxrImportError(DiscreetError):
    """A user-facing problem: the message names the file, the line when known, and the fix."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line else source
        super().__init__([f"{where}: {message}"])
