"""One line, not a traceback, for a plugin's expected failure under a plain ``pelican`` run.

Pelican's ``main()`` logs any exception that ends a build with its traceback. A plugin that stops
the build on purpose (the privacy guard's verdict, an unpublishable policy) raises an exception
with an ``exitcode`` attribute, Pelican's own convention for such failures; the problems were
reported just before, and a traceback of the plugin's code would only bury them.
"""

from __future__ import annotations

import logging


class ExpectedFailureFilter(logging.Filter):
    """Strip the traceback from records of exceptions that carry an ``exitcode``."""

    def filter(self, record: logging.LogRecord) -> bool:
        failure = record.exc_info[1] if record.exc_info else None
        if failure is not None and hasattr(failure, "exitcode"):
            record.msg, record.args = "%s", (str(failure),)
            record.exc_info = record.exc_text = None
        return True


_FILTER = ExpectedFailureFilter()


def install() -> None:
    """Attach the filter to Pelican's logger once, however many plugins ask."""
    pelican_logger = logging.getLogger("pelican")
    if _FILTER not in pelican_logger.filters:
        pelican_logger.addFilter(_FILTER)
