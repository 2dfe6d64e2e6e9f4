"""One way for a plugin to stop a build: log each problem, then raise with Pelican's exit code.

Pelican's convention for an expected, explained failure is an exception with an `exitcode`
attribute: `pelican` exits with it, and strict-build prints no "run with -D" hint for it. Pelican
still logs such an exception with its traceback, which would bury the problems logged just before;
the filter installed here turns that record into its one line.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import NoReturn

from .errors import DiscreetError


class BuildStopped(DiscreetError):
    """A plugin stopped the build on purpose; the problems were logged just before."""

    exitcode = 1


def stop_build(logger: logging.Logger, problems: Iterable[str], summary: str) -> NoReturn:
    """Log one error line per problem, then end the build with `summary` as its last line.

    Call it outside any `except` block: strict-build appends the exception being handled to every
    line logged while it is handled.
    """
    for problem in problems:
        logger.error("%s", problem)
    _install_filter()
    raise BuildStopped(summary)


class _OneLineForStoppedBuilds(logging.Filter):
    """Strip the traceback from Pelican's record of an exception that carries an `exitcode`."""

    def filter(self, record: logging.LogRecord) -> bool:
        failure = record.exc_info[1] if record.exc_info else None
        if failure is not None and hasattr(failure, "exitcode"):
            record.msg, record.args = "%s", (str(failure),)
            record.exc_info = record.exc_text = None
        return True


_FILTER = _OneLineForStoppedBuilds()


def _install_filter() -> None:
    """On the `pelican` logger, which logs the exception that ends `pelican`'s main()."""
    pelican_logger = logging.getLogger("pelican")
    if _FILTER not in pelican_logger.filters:
        pelican_logger.addFilter(_FILTER)
