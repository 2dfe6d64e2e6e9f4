"""The one error the policy engine raises for a site it cannot publish."""

from __future__ import annotations

from collections.abc import Iterable

from plugin_support import DiscreetError, one_line


class PolicyError(DiscreetError):
    """The policy pages cannot be published; `problems` holds one line per reason.

    Each line names the file (and line and field, where there is one), what is wrong and how
    to fix it, so the build and the release command can print them as they are.
    """

    problems: list[str]

    def __init__(self, problems: Iterable[str]) -> None:
        super().__init__([one_line(problem) for problem in problems])
