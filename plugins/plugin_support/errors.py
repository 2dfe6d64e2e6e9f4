"""The one exception family: every error an owner must act on carries its `problems`.

As itsdangerous's `BadData` carries its payload, a `DiscreetError` carries the list of what is
wrong, one item per problem, each naming where, what was expected and how to fix it. `str()` is
those problems, one line each, so a command line prints it as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class DiscreetError(Exception):
    """Base of every error Discreet reports to an owner; `problems` says what to fix."""

    problems: Sequence[object]

    def __init__(self, problems: Iterable[object] | str) -> None:
        """`problems`: one item per problem, or a text with one problem per line."""
        if isinstance(problems, str):
            self.problems = problems.splitlines() or [problems]
        else:
            self.problems = list(problems)
        super().__init__("\n".join(one_line(str(problem)) for problem in self.problems))


def one_line(text: str) -> str:
    """A problem is one line even when the owner's value holds line breaks, and shows what
    cannot be seen (a zero-width space pasted into a key, a no-break space) as an escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
