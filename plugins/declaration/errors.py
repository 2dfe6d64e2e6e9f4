"""Problems found in a declaration, and the one exception that carries them all.

Every problem is one line an owner can act on: where (file, line, dotted path),
what was expected and how to fix it. Collecting them lets a single run report
everything that is wrong instead of one mistake per build.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from plugin_support import DiscreetError, one_line

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one place of the declaration file."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.path:
            where = f"{where} {self.path}"
        return one_line(f"{where}: {self.message}")


class DeclarationError(DiscreetError):
    """The declaration cannot be used; `problems` lists every reason, in file order."""

    problems: list[Problem]

    def __init__(self, problems: Iterable[Problem]) -> None:
        in_file_order: list[Problem] = sorted(set(problems), key=_file_order)
        super().__init__(in_file_order)


def _file_order(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.file, problem.line or 0, problem.path, problem.message)


def dotted(loc: Loc) -> str:
    """('processing', 1, 'retention') -> 'processing[1].retention'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


_LONGEST_SHOWN = 80


def quoted(value: object) -> str:
    """Show a value the way the owner would recognise it in the file (long ones shortened)."""
    if isinstance(value, str):
        if len(value) > _LONGEST_SHOWN:
            return f'"{value[:60]}…" ({len(value)} characters)'
        return f'"{value}"'
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__} value"


def closest(value: object, choices: Sequence[str], cutoff: float = 0.6) -> str | None:
    """The choice an owner most likely meant, for a 'did you mean' hint."""
    if not isinstance(value, str) or not value:
        return None
    folded = {choice.lower(): choice for choice in choices}
    if value.lower() in folded:
        return folded[value.lower()]
    matches = difflib.get_close_matches(value.lower(), list(folded), n=1, cutoff=cutoff)
    return folded[matches[0]] if matches else None


def one_of(value: object, choices: Sequence[str], what: str = "value") -> str:
    """Message for a value outside a fixed set: the likely meaning first, then every choice."""
    expected = "expected one of: " + ", ".join(choices)
    guess = closest(value, choices)
    if guess:
        return f"{quoted(value)} is not a known {what}; did you mean {guess}? ({expected})"
    return f"{quoted(value)} is not a known {what}; {expected}"
