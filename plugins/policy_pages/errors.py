"""The one error the policy engine raises for a site it cannot publish."""

from __future__ import annotations

from collections.abc import Iterable

from declaration.errors import one_line


class PolicyError(Exception):
    """The policy pages cannot be published; `problems` holds one line per reason.

    Each line names the file (and line and field, where there is one), what is wrong and how
    to fix it, so the build and the release command can print them as they are.
    """

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = [one_line(problem) for problem in problems]
        super().__init__("\n".join(self.problems))
