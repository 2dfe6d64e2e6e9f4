"""What a build says only once it has succeeded: "privacy guard passed", Pelican's "Done".

A strict build can still fail after a plugin has judged its own part good (a warning logged
earlier, a missing image found at the end), and an owner who reads "passed" and "Done" before
"error: build failed" has been told two things. So during a strict build such lines wait here:
they are printed after the site is published, and dropped when the build fails, which then ends
with its errors and the one "build failed" line. Outside a strict build (plain `pelican`) they
are printed at once.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

import pelican

_waiting: list[tuple[str, TextIO]] | None = None


class _HeldConsole:
    """Pelican's console, keeping back its closing "Done: Processed ..." while a build runs."""

    def __init__(self, console: Any) -> None:
        self.console = console
        self.held: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def print(self, *objects: Any, **options: Any) -> None:
        if objects and str(objects[0]).startswith("Done: Processed"):
            self.held.append((objects, options))
        else:
            self.console.print(*objects, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.console, name)


def say_after_success(text: str, stream: TextIO | None = None) -> None:
    """Print `text` once the build has succeeded (at once outside a strict build)."""
    target = stream or sys.stderr
    if _waiting is None:
        print(text, file=target, end="" if text.endswith("\n") else "\n")
    else:
        _waiting.append((text, target))


def start() -> None:
    global _waiting
    _waiting = []
    if not isinstance(pelican.console, _HeldConsole):
        pelican.console = _HeldConsole(pelican.console)


def _stop() -> tuple[list[tuple[str, TextIO]], list[tuple[tuple[Any, ...], dict[str, Any]]]]:
    global _waiting
    waiting, _waiting = _waiting or [], None
    held: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    if isinstance(pelican.console, _HeldConsole):
        held = pelican.console.held
        pelican.console = pelican.console.console
    return waiting, held


def succeeded() -> None:
    """The build was published: say what waited, in order, then Pelican's Done."""
    waiting, held = _stop()
    for text, stream in waiting:
        print(text, file=stream, end="" if text.endswith("\n") else "\n")
    for objects, options in held:
        pelican.console.print(*objects, **options)


def failed() -> None:
    """The build failed: what waited was about a build that will not be published."""
    _stop()
