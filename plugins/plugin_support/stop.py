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


def stop_build(
    logger: logging.Logger, problems: Iterable[str] = (), *, verdict: str = ""
) -> NoReturn:
    """End the build, with a last line in the same words for every plugin.

    `problems`: each is logged as one error line, and the last line counts them: "brand: 2
    problems above to correct" (the plugin is the first part of the logger's name). `verdict`
    instead, for a stop one sentence explains: the last line itself (the guard's verdict on the
    report it printed, say). Log problems outside any `except` block: strict-build appends the
    exception being handled to every line logged while it is handled.
    """
    listed = list(problems)
    if bool(listed) == bool(verdict):
        raise TypeError("stop_build: give the problems or a verdict, one of them")
    for problem in listed:
        logger.error("%s", problem)
    _install_filter()
    plugin = logger.name.partition(".")[0]
    others = [note for name, note in _NOTES.items() if name != plugin]
    _NOTES.clear()
    last_line = verdict or problems_above(plugin, len(listed))
    raise BuildStopped("; ".join([last_line, *others]))


# What a plugin that refuses the build later must not lose when another stops it first: the
# placeholders' "what to replace", when the policy's start-up check stops the build before it.
_NOTES: dict[str, str] = {}


def note_for_the_last_line(plugin: str, note: str | None) -> None:
    """`note` ends the last line of a build another plugin stops; None takes it back."""
    if note is None:
        _NOTES.pop(plugin, None)
    else:
        _NOTES[plugin] = note


def problems_above(plugin: str, count: int) -> str:
    """The last line of a build a plugin stopped with its problems listed above."""
    return f"{plugin}: {count} problem{'' if count == 1 else 's'} above to correct"


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
